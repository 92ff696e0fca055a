/**
 * Indicator values and days in the interface language (the goal panel, the chart). The German
 * deDate/deNumber in $lib/domain/indicators stay for the server's messages and the PDF.
 */
import { intlLocale } from '$lib/i18n';
export { formatDay as localDate } from '$lib/monitoring/labels';

/** 12.5 → "12,5" (German) or "12.5" (English), up to 2 decimals. */
export function localNumber(n: number, locale: string = intlLocale()): string {
	return n.toLocaleString(locale, { maximumFractionDigits: 2 });
}

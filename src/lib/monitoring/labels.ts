/**
 * Monitoring labels in the interface language: implementation statuses and day formatting for
 * the Umsetzung page, the detail panel and the badges. The German table IMPL_STATUS_LABELS in
 * $lib/domain/monitoring stays for the PDF/Excel report and the server's messages.
 */
import { intlLocale, m } from '$lib/i18n';
import type { ImplStatus } from '$lib/domain/monitoring';
import type { MonitoringOverview } from '$lib/contract/monitoring';

const STATUS: Record<ImplStatus, () => string> = {
	nicht_begonnen: m.monitoring_status_nicht_begonnen,
	geplant: m.monitoring_status_geplant,
	in_umsetzung: m.monitoring_status_in_umsetzung,
	verzoegert: m.monitoring_status_verzoegert,
	umgesetzt: m.monitoring_status_umgesetzt,
	dauerhaft_etabliert: m.monitoring_status_dauerhaft_etabliert,
	eingestellt: m.monitoring_status_eingestellt,
	unbekannt: m.monitoring_status_unbekannt
};

/** The overview with untitled measures, goals and fields ('' from the API) named for showing. */
export function withTitles(overview: MonitoringOverview): MonitoringOverview {
	const name = (title: string) => title || m.monitoring_untitled_item();
	return {
		...overview,
		measures: overview.measures.map((x) => ({
			...x,
			title: name(x.title),
			goalTitle: name(x.goalTitle),
			fieldTitle: name(x.fieldTitle)
		}))
	};
}

/** "in Umsetzung" / "in progress". */
export function implStatusLabel(status: ImplStatus): string {
	return STATUS[status]();
}

/** A YYYY-MM-DD day as "05.12.2026" (German) or "05/12/2026" (English). */
export function formatDay(date: string): string {
	const [y, mo, d] = date.slice(0, 10).split('-').map(Number);
	if (!y || !mo || !d) return date;
	return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString(intlLocale(), {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

/** A number in the interface language ("1.234,5" / "1,234.5"). */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
	return n.toLocaleString(intlLocale(), options);
}

/** Euro amount or "–". */
export function formatEuro(n: number | null): string {
	return n === null ? '–' : formatNumber(n, { style: 'currency', currency: 'EUR' });
}

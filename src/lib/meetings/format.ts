/** Dates of the meeting pages in the interface language (issue 15): `12.03.2027` in German, `12/03/2027` in English. */
import { intlLocale } from '$lib/i18n';

/** A calendar day `YYYY-MM-DD` as a short date; anything else stays as it is. */
export function dayLabel(isoDate: string, locale: string = intlLocale()): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
	if (!m) return isoDate;
	return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).toLocaleDateString(locale, {
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		timeZone: 'UTC'
	});
}

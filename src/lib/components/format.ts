/** Dates and times in the interface language, e.g. "21.11.2026, 14:05" / "21 Nov 2026, 14:05". */
import { intlLocale } from '$lib/i18n';

const cache = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
	const locale = intlLocale();
	const key = `${locale}:${kind}`;
	let f = cache.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(
			locale,
			kind === 'dateTime' ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }
		);
		cache.set(key, f);
	}
	return f;
}

export function formatDateTime(value: string | number | null | undefined): string {
	if (value === null || value === undefined || value === '') return '–';
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? '–' : formatter('dateTime').format(date);
}

export function formatDate(value: string | number | null | undefined): string {
	if (value === null || value === undefined || value === '') return '–';
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? '–' : formatter('date').format(date);
}

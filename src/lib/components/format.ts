/** Dates and times in German, e.g. "21.11.2026, 14:05". */
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' });

export function formatDateTime(value: string | number | null | undefined): string {
	if (value === null || value === undefined || value === '') return '–';
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? '–' : dateTime.format(date);
}

export function formatDate(value: string | number | null | undefined): string {
	if (value === null || value === undefined || value === '') return '–';
	const date = new Date(value);
	return Number.isNaN(date.getTime()) ? '–' : dateOnly.format(date);
}

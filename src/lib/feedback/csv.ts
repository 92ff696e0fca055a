/**
 * CSV for German spreadsheet programs: UTF-8 with BOM, `;` as separator, CRLF line ends, fields
 * quoted per RFC 4180 when needed, and cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) prefixed with `'` (CSV injection).
 */
import { DEFAULT_TIME_ZONE, localDateTime } from '../domain/time-zone';
import { DECISION_LABELS, SUBMISSION_KIND_LABELS, type ConsiderationRow } from './types';

export const BOM = '\uFEFF';

export function csvCell(value: string | number | null | undefined): string {
	let s = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	if (/[";\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
	return s;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
	return BOM + rows.map((r) => r.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

export const CONSIDERATION_HEADER = [
	'Runde',
	'Nr.',
	'Art',
	'Bezug',
	'Titel',
	'Beitrag',
	'Name',
	'Eingegangen',
	'Entscheidung',
	'Begründung',
	'Dublette von Nr.',
	'Daraus entstanden'
];

/** "Eingegangen" as German local date and time ("21.11.2026 00:30") in `timeZone`. */
export function considerationCsv(
	rows: readonly ConsiderationRow[],
	timeZone: string = DEFAULT_TIME_ZONE
): string {
	return toCsv([
		CONSIDERATION_HEADER,
		...rows.map((r) => [
			r.roundTitle,
			r.number,
			SUBMISSION_KIND_LABELS[r.kind],
			r.targetTitle,
			r.title,
			r.text,
			r.name,
			localDateTime(r.createdAt, timeZone),
			r.decision ? DECISION_LABELS[r.decision] : 'Offen',
			r.reason,
			r.duplicateOfNumber,
			r.createdItemTitle
		])
	]);
}

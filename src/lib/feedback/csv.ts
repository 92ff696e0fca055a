/**
 * CSV for spreadsheet programs: UTF-8 with BOM, CRLF line ends, fields quoted per RFC 4180 when
 * needed, and cells that a spreadsheet would run as a formula (starting with = + - @, tab or
 * carriage return) prefixed with `'` (CSV injection). The separator is `;` (German spreadsheets)
 * unless given. The consideration table in the reader's interface language (issue „Sprachen“):
 * German as before (`;`, "21.11.2026 00:30", the domain's labels); English with `,`,
 * "2026-11-21 00:30" and the participation page's words. Pure, with an explicit locale; imports
 * are relative (the server bundles this file).
 */
import type { InterfaceLocale } from '../contract/languages';
import { DEFAULT_TIME_ZONE, localDateAndTime, localDateTime } from '../domain/time-zone';
import * as t from '../paraglide/messages/_index.js';
import { DECISION_LABELS, SUBMISSION_KIND_LABELS, type ConsiderationRow } from './types';

export const BOM = '\uFEFF';

/** `;` for German spreadsheets, `,` for English ones. */
export type CsvSeparator = ';' | ',';

export const csvSeparator = (locale: InterfaceLocale): CsvSeparator =>
	locale === 'de' ? ';' : ',';

export function csvCell(
	value: string | number | null | undefined,
	separator: CsvSeparator = ';'
): string {
	let s = value === null || value === undefined ? '' : String(value);
	if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	if (/["\r\n]/.test(s) || s.includes(separator)) s = `"${s.replace(/"/g, '""')}"`;
	return s;
}

export function toCsv(
	rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
	separator: CsvSeparator = ';'
): string {
	const line = (r: ReadonlyArray<string | number | null>) =>
		r.map((cell) => csvCell(cell, separator)).join(separator);
	return BOM + rows.map(line).join('\r\n') + '\r\n';
}

const HEADER_KEYS = [
	'round',
	'number',
	'kind',
	'target',
	'title',
	'text',
	'name',
	'received',
	'decision',
	'reason',
	'duplicate_of',
	'created'
] as const;

/** The column headers ("Runde", "Nr.", … / "Round", "No.", …). */
export const considerationHeader = (locale: InterfaceLocale): string[] =>
	HEADER_KEYS.map((key) => t[`feedback_csv_${key}`]({}, { locale }));

/** "Eingegangen": German local date and time ("21.11.2026 00:30"), English "2026-11-21 00:30". */
function receivedAt(iso: string, timeZone: string, locale: InterfaceLocale): string {
	if (locale === 'de') return localDateTime(iso, timeZone);
	const at = localDateAndTime(iso, timeZone);
	return at ? `${at.date} ${at.time}` : iso;
}

/**
 * A row's reason. German: as stored (a merged row's is the German sentence „Zusammengeführt mit
 * Beitrag #n. …“); other languages word a merged row's from `mergedInto`.
 */
export function considerationReason(
	r: Pick<ConsiderationRow, 'reason' | 'mergedInto'>,
	locale: InterfaceLocale
): string {
	const into = locale === 'de' ? undefined : r.mergedInto;
	if (!into) return r.reason;
	return into.reason
		? t.public_ct_merged_reason({ number: into.number, reason: into.reason }, { locale })
		: t.public_ct_merged({ number: into.number }, { locale });
}

/** The consideration table; "Eingegangen" in `timeZone`, words and formats in `locale`. */
export function considerationCsv(
	rows: readonly ConsiderationRow[],
	{ timeZone = DEFAULT_TIME_ZONE, locale }: { timeZone?: string; locale: InterfaceLocale }
): string {
	const o = { locale };
	const de = locale === 'de';
	// German: the domain's constants (unchanged wording); English: the participation page's words
	const kind = (r: ConsiderationRow) =>
		de ? SUBMISSION_KIND_LABELS[r.kind] : t[`public_kind_${r.kind}`]({}, o);
	const decision = (r: ConsiderationRow) => {
		if (!r.decision) return t.feedback_csv_open({}, o);
		return de ? DECISION_LABELS[r.decision] : t[`public_decision_${r.decision}`]({}, o);
	};
	return toCsv(
		[
			considerationHeader(locale),
			...rows.map((r) => [
				r.roundTitle,
				r.number,
				kind(r),
				r.targetTitle,
				r.title,
				r.text,
				r.name,
				receivedAt(r.createdAt, timeZone, locale),
				decision(r),
				considerationReason(r, locale),
				r.duplicateOfNumber,
				r.createdItemTitle
			])
		],
		csvSeparator(locale)
	);
}

/**
 * The measures with their implementation data as one table (headers, typed cells) for the CSV and
 * XLSX exports (issue 14, item 7), in the reader's interface language (issue „Sprachen“): German
 * as before; English headers, statuses, yes/no and "Untitled". Pure, with an explicit locale:
 * dates stay ISO strings here; the writers turn them into real date cells (XLSX) or text (CSV:
 * German "01.03.2027" with `;` and decimal commas; English ISO "2027-03-01" with `,` and decimal
 * points). Imports are relative (the server bundles this file).
 */
import type { InterfaceLocale } from '../contract/languages';
import type { MonitoringOverview } from '../contract/monitoring';
import { IMPL_STATUS_LABELS, germanDay } from '../domain/monitoring';
import { csvSeparator, toCsv } from '../feedback/csv';
import { UNTITLED } from '../export/text';
import * as t from '../paraglide/messages/_index.js';

export type CellKind = 'text' | 'number' | 'percent' | 'date' | 'euro';

/** The columns; the header is the message `monitoring_table_<key>`. */
export const UMSETZUNG_COLUMNS = [
	{ key: 'field', kind: 'text' },
	{ key: 'goal', kind: 'text' },
	{ key: 'measure', kind: 'text' },
	{ key: 'status', kind: 'text' },
	{ key: 'reason', kind: 'text' },
	{ key: 'progress', kind: 'percent' },
	{ key: 'office', kind: 'text' },
	{ key: 'contact', kind: 'text' },
	{ key: 'next_due', kind: 'date' },
	{ key: 'overdue', kind: 'text' },
	{ key: 'note_date', kind: 'date' },
	{ key: 'note', kind: 'text' },
	{ key: 'planned', kind: 'euro' },
	{ key: 'spent', kind: 'euro' }
] as const satisfies ReadonlyArray<{ key: string; kind: CellKind }>;

/** "Handlungsfeld", "Ziel", … / "Field of action", "Goal", … */
export const umsetzungHeaders = (locale: InterfaceLocale): string[] =>
	UMSETZUNG_COLUMNS.map((c) => t[`monitoring_table_${c.key}`]({}, { locale }));

/** The worksheet's name: "Umsetzung" / "Implementation". */
export const umsetzungSheetName = (locale: InterfaceLocale): string =>
	t.monitoring_table_sheet({}, { locale });

export type Cell = string | number | null;

export function umsetzungRows(overview: MonitoringOverview, locale: InterfaceLocale): Cell[][] {
	const o = { locale };
	const de = locale === 'de';
	// German: the domain's constants (unchanged wording); English: the Umsetzung page's words
	const untitled = de ? UNTITLED : t.monitoring_untitled_item({}, o);
	const name = (title: string) => title || untitled;
	const yes = t.monitoring_table_yes({}, o);
	const no = t.monitoring_table_no({}, o);
	return overview.measures.map((m) => {
		const sum = (key: 'planned' | 'spent') => {
			const values = m.impl.budget.map((b) => b[key]).filter((v): v is number => v !== null);
			return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
		};
		const note = m.impl.notes[0];
		const status = m.impl.status;
		return [
			name(m.fieldTitle),
			name(m.goalTitle),
			name(m.title),
			de ? IMPL_STATUS_LABELS[status] : t[`monitoring_status_${status}`]({}, o),
			m.impl.history[0]?.reason ?? '',
			m.progress,
			m.impl.office,
			m.impl.contact,
			m.impl.nextUpdateDue || null,
			m.overdue ? yes : no,
			note?.date ?? null,
			note?.text ?? '',
			sum('planned'),
			sum('spent')
		];
	});
}

/**
 * CSV for spreadsheets in `locale` (BOM, formula cells defused by `toCsv`): German with `;`,
 * "01.03.2027" and "1500,5"; English with `,`, "2027-03-01" and "1500.5".
 */
export function umsetzungCsv(overview: MonitoringOverview, locale: InterfaceLocale): string {
	const de = locale === 'de';
	const numbers = de ? 'de-DE' : 'en-US';
	const rows = umsetzungRows(overview, locale).map((row) =>
		row.map((cell, i) => {
			const kind = UMSETZUNG_COLUMNS[i].kind;
			if (cell === null) return '';
			if (kind === 'date' && typeof cell === 'string') return de ? germanDay(cell) : cell;
			if (typeof cell === 'number') return cell.toLocaleString(numbers, { useGrouping: false });
			return cell;
		})
	);
	return toCsv([umsetzungHeaders(locale), ...rows], csvSeparator(locale));
}

/**
 * The measures with their implementation data as one table (German headers, typed cells) for
 * the CSV and XLSX exports (issue 14, item 7). Pure: dates stay ISO strings here; the writers
 * turn them into real date cells (XLSX) or German dates (CSV).
 */
import type { MonitoringOverview } from '../contract/monitoring';
import { IMPL_STATUS_LABELS, germanDay } from '../domain/monitoring';
import { toCsv } from '../feedback/csv';
import { UNTITLED } from '../export/text';

export type CellKind = 'text' | 'number' | 'percent' | 'date' | 'euro';

export const UMSETZUNG_COLUMNS: ReadonlyArray<{ header: string; kind: CellKind }> = [
	{ header: 'Handlungsfeld', kind: 'text' },
	{ header: 'Ziel', kind: 'text' },
	{ header: 'Maßnahme', kind: 'text' },
	{ header: 'Umsetzungsstand', kind: 'text' },
	{ header: 'Begründung der letzten Änderung', kind: 'text' },
	{ header: 'Fortschritt (%)', kind: 'percent' },
	{ header: 'Amt', kind: 'text' },
	{ header: 'Ansprechperson', kind: 'text' },
	{ header: 'Nächster Sachstand', kind: 'date' },
	{ header: 'Überfällig', kind: 'text' },
	{ header: 'Letzter Sachstand vom', kind: 'date' },
	{ header: 'Letzter Sachstand', kind: 'text' },
	{ header: 'Haushalt geplant (EUR)', kind: 'euro' },
	{ header: 'Haushalt ausgegeben (EUR)', kind: 'euro' }
];

export type Cell = string | number | null;

export function umsetzungRows(overview: MonitoringOverview): Cell[][] {
	return overview.measures.map((m) => {
		const sum = (key: 'planned' | 'spent') => {
			const values = m.impl.budget.map((b) => b[key]).filter((v): v is number => v !== null);
			return values.length === 0 ? null : values.reduce((a, b) => a + b, 0);
		};
		const note = m.impl.notes[0];
		return [
			m.fieldTitle || UNTITLED,
			m.goalTitle || UNTITLED,
			m.title || UNTITLED,
			IMPL_STATUS_LABELS[m.impl.status],
			m.impl.history[0]?.reason ?? '',
			m.progress,
			m.impl.office,
			m.impl.contact,
			m.impl.nextUpdateDue || null,
			m.overdue ? 'ja' : 'nein',
			note?.date ?? null,
			note?.text ?? '',
			sum('planned'),
			sum('spent')
		];
	});
}

/** CSV for German spreadsheets (`;`, BOM, formula cells defused by `toCsv`). */
export function umsetzungCsv(overview: MonitoringOverview): string {
	const rows = umsetzungRows(overview).map((row) =>
		row.map((cell, i) => {
			const kind = UMSETZUNG_COLUMNS[i].kind;
			if (cell === null) return '';
			if (kind === 'date' && typeof cell === 'string') return germanDay(cell);
			if (typeof cell === 'number') return cell.toLocaleString('de-DE', { useGrouping: false });
			return cell;
		})
	);
	return toCsv([UMSETZUNG_COLUMNS.map((c) => c.header), ...rows]);
}

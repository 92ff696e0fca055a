/**
 * The Umsetzung table as an XLSX workbook (issue 14, item 7): the same rows as the CSV with real
 * cell types (dates as dates, progress as a percent number, budgets as euro numbers), headers and
 * sheet name in the reader's interface language (German "Umsetzung", dates shown dd.mm.yyyy;
 * English "Implementation", yyyy-mm-dd), a frozen header row and an autofilter. Server-only
 * (exceljs). Text is always written as a string cell (shared string), never as a formula, so
 * "=1+1" stays text.
 */
import ExcelJS from 'exceljs';
import type { MonitoringOverview } from '../contract/monitoring';
import type { InterfaceLocale } from '../contract/languages';
import {
	UMSETZUNG_COLUMNS,
	umsetzungHeaders,
	umsetzungRows,
	umsetzungSheetName,
	type Cell,
	type CellKind
} from './table';

const formats = (locale: InterfaceLocale): Partial<Record<CellKind, string>> => ({
	percent: '0%',
	date: locale === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd',
	euro: '#,##0.00 "€"'
});

function typed(kind: CellKind, cell: Cell): ExcelJS.CellValue {
	if (cell === null) return null;
	if (kind === 'date' && typeof cell === 'string') {
		const [y, m, d] = cell.split('-').map(Number);
		return y && m && d ? new Date(Date.UTC(y, m - 1, d)) : cell;
	}
	if (kind === 'percent' && typeof cell === 'number') return cell / 100;
	// Strings go in as plain text values: exceljs only writes a formula for `{ formula }` objects.
	return cell;
}

export async function umsetzungXlsx(
	overview: MonitoringOverview,
	locale: InterfaceLocale
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	workbook.creator = 'Mitplan';
	const sheet = workbook.addWorksheet(umsetzungSheetName(locale), {
		views: [{ state: 'frozen', ySplit: 1 }]
	});
	const headers = umsetzungHeaders(locale);
	const numFmt = formats(locale);
	sheet.columns = UMSETZUNG_COLUMNS.map((c, i) => ({
		header: headers[i],
		width: c.kind === 'text' ? 28 : 16,
		style: numFmt[c.kind] ? { numFmt: numFmt[c.kind] } : {}
	}));
	sheet.getRow(1).font = { bold: true };
	for (const row of umsetzungRows(overview, locale)) {
		sheet.addRow(row.map((cell, i) => typed(UMSETZUNG_COLUMNS[i].kind, cell)));
	}
	sheet.autoFilter = {
		from: { row: 1, column: 1 },
		to: { row: 1, column: UMSETZUNG_COLUMNS.length }
	};
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

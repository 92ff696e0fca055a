/**
 * The Umsetzung XLSX: read back with exceljs — German or English headers and sheet name, real
 * types, no formula cells.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { overviewFixture } from './fixtures';
import { umsetzungHeaders } from './table';
import { umsetzungXlsx } from './xlsx';

const overview = () => overviewFixture({ title: '=1+1', office: '@Amt', note: '-5 Kurse' });

async function readBack(buffer: Buffer, sheetName = 'Umsetzung') {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook.getWorksheet(sheetName)!;
}

describe('Umsetzung XLSX', () => {
	it('has German headers, a frozen header row and an autofilter', async () => {
		const sheet = await readBack(await umsetzungXlsx(overview(), 'de'));
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers).toEqual(umsetzungHeaders('de'));
		expect(headers[0]).toBe('Handlungsfeld');
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.autoFilter).toBeTruthy();
		expect(sheet.rowCount).toBe(2);
	});

	it('writes dates as dates, progress as percent and budgets as euro numbers', async () => {
		const row = (await readBack(await umsetzungXlsx(overview(), 'de'))).getRow(2);
		const due = row.getCell(9);
		expect(due.type).toBe(ExcelJS.ValueType.Date);
		expect((due.value as Date).toISOString().slice(0, 10)).toBe('2027-03-01');
		expect(due.numFmt).toBe('dd.mm.yyyy');
		expect((row.getCell(11).value as Date).toISOString().slice(0, 10)).toBe('2027-01-15');
		const progress = row.getCell(6);
		expect(progress.type).toBe(ExcelJS.ValueType.Number);
		expect(progress.value).toBe(0.4);
		expect(progress.numFmt).toBe('0%');
		const planned = row.getCell(13);
		expect(planned.type).toBe(ExcelJS.ValueType.Number);
		expect(planned.value).toBe(1500.5);
		expect(planned.numFmt).toContain('€');
		expect(row.getCell(14).value).toBe(200);
	});

	it('keeps text that looks like a formula as text', async () => {
		const row = (await readBack(await umsetzungXlsx(overview(), 'de'))).getRow(2);
		for (const [col, text] of [
			[3, '=1+1'],
			[5, '+Start'],
			[7, '@Amt'],
			[12, '-5 Kurse']
		] as const) {
			expect(row.getCell(col).type).toBe(ExcelJS.ValueType.String);
			expect(row.getCell(col).value).toBe(text);
			expect(row.getCell(col).formula).toBeUndefined();
		}
	});

	it('has English headers, sheet name, words and ISO date cells for English readers', async () => {
		const o = overview();
		o.measures[0].overdue = true;
		const sheet = await readBack(await umsetzungXlsx(o, 'en'), 'Implementation');
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers).toEqual(umsetzungHeaders('en'));
		expect(headers.slice(0, 4)).toEqual([
			'Field of action',
			'Goal',
			'Measure',
			'Implementation status'
		]);
		const row = sheet.getRow(2);
		expect(row.getCell(4).value).toBe('in progress');
		expect(row.getCell(10).value).toBe('yes');
		expect(row.getCell(9).numFmt).toBe('yyyy-mm-dd');
		expect((row.getCell(9).value as Date).toISOString().slice(0, 10)).toBe('2027-03-01');
	});
});

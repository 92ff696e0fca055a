/** The Umsetzung XLSX: read back with exceljs — German headers, real types, no formula cells. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { MonitoringOverview } from '../contract/monitoring';
import { emptyImplementation, rollUp } from '../domain/monitoring';
import { UMSETZUNG_COLUMNS } from './table';
import { umsetzungXlsx } from './xlsx';

function overview(): MonitoringOverview {
	const impl = {
		...emptyImplementation('m1'),
		status: 'in_umsetzung' as const,
		percent: 40,
		office: '@Amt',
		nextUpdateDue: '2027-03-01',
		budget: [
			{ year: 2027, planned: 1000.5, spent: 200 },
			{ year: 2028, planned: 500, spent: null }
		],
		notes: [
			{
				id: 'n',
				date: '2027-01-15',
				text: '-5 Kurse',
				author: { id: 'u', name: 'U' },
				createdAt: ''
			}
		],
		history: [
			{
				from: 'nicht_begonnen' as const,
				to: 'in_umsetzung' as const,
				reason: '+Start',
				by: { id: 'u', name: 'U' },
				at: ''
			}
		]
	};
	const measures = [
		{
			measureId: 'm1',
			title: '=1+1',
			goalId: 'g',
			goalTitle: 'Ziel',
			fieldId: 'f',
			fieldTitle: 'Bildung',
			impl,
			progress: 40,
			overdue: false,
			mayReport: true
		}
	];
	return {
		planTitle: 'Plan',
		adoption: null,
		today: '2027-02-01',
		measures,
		rollUp: rollUp(measures, '2027-02-01'),
		people: []
	};
}

async function readBack(buffer: Buffer) {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
	return workbook.getWorksheet('Umsetzung')!;
}

describe('Umsetzung XLSX', () => {
	it('has German headers, a frozen header row and an autofilter', async () => {
		const sheet = await readBack(await umsetzungXlsx(overview()));
		const headers = (sheet.getRow(1).values as unknown[]).slice(1);
		expect(headers).toEqual(UMSETZUNG_COLUMNS.map((c) => c.header));
		expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(sheet.autoFilter).toBeTruthy();
		expect(sheet.rowCount).toBe(2);
	});

	it('writes dates as dates, progress as percent and budgets as euro numbers', async () => {
		const row = (await readBack(await umsetzungXlsx(overview()))).getRow(2);
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
		const row = (await readBack(await umsetzungXlsx(overview()))).getRow(2);
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
});

/** The Umsetzung table and its CSV: German headers, typed values, formula cells defused. */
import { describe, expect, it } from 'vitest';
import type { MonitoringOverview } from '../contract/monitoring';
import { emptyImplementation, rollUp } from '../domain/monitoring';
import { UMSETZUNG_COLUMNS, umsetzungCsv, umsetzungRows } from './table';

function overview(): MonitoringOverview {
	const impl = {
		...emptyImplementation('m1'),
		status: 'in_umsetzung' as const,
		percent: 40,
		office: '=HYPERLINK("http://böse")',
		nextUpdateDue: '2027-03-01',
		budget: [
			{ year: 2027, planned: 1000.5, spent: 200 },
			{ year: 2028, planned: 500, spent: null }
		],
		notes: [
			{
				id: 'n',
				date: '2027-01-15',
				text: 'Kurs läuft; "gut"',
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
			title: '@Sprachkurse',
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

describe('Umsetzung table', () => {
	it('has typed values under German headers', () => {
		expect(UMSETZUNG_COLUMNS.map((c) => c.header)).toContain('Umsetzungsstand');
		expect(umsetzungRows(overview())[0]).toEqual([
			'Bildung',
			'Ziel',
			'@Sprachkurse',
			'in Umsetzung',
			'+Start',
			40,
			'=HYPERLINK("http://böse")',
			'',
			'2027-03-01',
			'nein',
			'2027-01-15',
			'Kurs läuft; "gut"',
			1500.5,
			200
		]);
	});

	it('writes CSV with German dates and numbers and defuses formula cells', () => {
		const csv = umsetzungCsv(overview());
		expect(csv.startsWith('\uFEFFHandlungsfeld;Ziel;Maßnahme;Umsetzungsstand;')).toBe(true);
		const row = csv.split('\r\n')[1];
		expect(row).toBe(
			`Bildung;Ziel;'@Sprachkurse;in Umsetzung;'+Start;40;"'=HYPERLINK(""http://böse"")";;01.03.2027;nein;15.01.2027;"Kurs läuft; ""gut""";1500,5;200`
		);
	});
});

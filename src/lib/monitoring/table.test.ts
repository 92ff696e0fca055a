/** The Umsetzung table and its CSV: German headers, typed values, formula cells defused. */
import { describe, expect, it } from 'vitest';
import { overviewFixture } from './fixtures';
import { UMSETZUNG_COLUMNS, umsetzungCsv, umsetzungRows } from './table';

const overview = () =>
	overviewFixture({
		title: '@Sprachkurse',
		office: '=HYPERLINK("http://böse")',
		note: 'Kurs läuft; "gut"'
	});

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

	it("names untitled entries in German (the export is German; the API sends '')", () => {
		const o = overviewFixture({ title: '', office: '', note: '' });
		o.measures[0].fieldTitle = '';
		expect(umsetzungRows(o)[0].slice(0, 3)).toEqual(['Ohne Titel', 'Ziel', 'Ohne Titel']);
	});
});

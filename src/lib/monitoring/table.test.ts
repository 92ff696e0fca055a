/**
 * The Umsetzung table and its CSV: typed values, formula cells defused; German as before (headers,
 * `;`, German dates and decimal commas), English headers, statuses, yes/no, ISO dates and `,`.
 */
import { describe, expect, it } from 'vitest';
import { overviewFixture } from './fixtures';
import { UMSETZUNG_COLUMNS, umsetzungCsv, umsetzungHeaders, umsetzungRows } from './table';

const overview = () =>
	overviewFixture({
		title: '@Sprachkurse',
		office: '=HYPERLINK("http://böse")',
		note: 'Kurs läuft; "gut"'
	});

/** The fixture plus an untitled, overdue, delayed measure without note, budget or due date. */
function twoMeasures() {
	const o = overviewFixture({
		title: 'Sprachkurse',
		office: 'Amt für Soziales',
		note: 'Kurs läuft'
	});
	const second = structuredClone(o.measures[0]);
	second.title = '';
	second.overdue = true;
	second.progress = 12.5;
	second.impl.status = 'verzoegert';
	second.impl.notes = [];
	second.impl.budget = [];
	second.impl.nextUpdateDue = '';
	o.measures.push(second);
	return o;
}

describe('Umsetzung table', () => {
	it('has typed values under German headers', () => {
		expect(umsetzungHeaders('de')).toContain('Umsetzungsstand');
		expect(umsetzungHeaders('de')).toHaveLength(UMSETZUNG_COLUMNS.length);
		expect(umsetzungRows(overview(), 'de')[0]).toEqual([
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
		const csv = umsetzungCsv(overview(), 'de');
		expect(csv.startsWith('\uFEFFHandlungsfeld;Ziel;Maßnahme;Umsetzungsstand;')).toBe(true);
		const row = csv.split('\r\n')[1];
		expect(row).toBe(
			`Bildung;Ziel;'@Sprachkurse;in Umsetzung;'+Start;40;"'=HYPERLINK(""http://böse"")";;01.03.2027;nein;15.01.2027;"Kurs läuft; ""gut""";1500,5;200`
		);
	});

	it('writes the German CSV byte for byte as before the English one existed', () => {
		expect(umsetzungCsv(twoMeasures(), 'de')).toBe(
			'\uFEFFHandlungsfeld;Ziel;Maßnahme;Umsetzungsstand;Begründung der letzten Änderung;Fortschritt (%);Amt;Ansprechperson;Nächster Sachstand;Überfällig;Letzter Sachstand vom;Letzter Sachstand;Haushalt geplant (EUR);Haushalt ausgegeben (EUR)\r\n' +
				"Bildung;Ziel;Sprachkurse;in Umsetzung;'+Start;40;Amt für Soziales;;01.03.2027;nein;15.01.2027;Kurs läuft;1500,5;200\r\n" +
				"Bildung;Ziel;Ohne Titel;verzögert;'+Start;12,5;Amt für Soziales;;;ja;;;;\r\n"
		);
	});

	it('writes English headers, statuses, yes/no, ISO dates, decimal points and commas', () => {
		expect(umsetzungCsv(twoMeasures(), 'en')).toBe(
			'\uFEFFField of action,Goal,Measure,Implementation status,Reason for the last change,Progress (%),Office,Contact person,Next progress report,Overdue,Last progress report dated,Last progress report,Budget planned (EUR),Budget spent (EUR)\r\n' +
				"Bildung,Ziel,Sprachkurse,in progress,'+Start,40,Amt für Soziales,,2027-03-01,no,2027-01-15,Kurs läuft,1500.5,200\r\n" +
				"Bildung,Ziel,Untitled,delayed,'+Start,12.5,Amt für Soziales,,,yes,,,,\r\n"
		);
	});

	it('quotes cells with the English separator and still defuses formula cells', () => {
		const o = overviewFixture({ title: '=1+1', office: 'Amt, Soziales', note: 'a; b' });
		const row = umsetzungCsv(o, 'en').split('\r\n')[1];
		expect(row).toBe(
			`Bildung,Ziel,'=1+1,in progress,'+Start,40,"Amt, Soziales",,2027-03-01,no,2027-01-15,a; b,1500.5,200`
		);
	});

	it("names untitled entries per language (the API sends '')", () => {
		const o = overviewFixture({ title: '', office: '', note: '' });
		o.measures[0].fieldTitle = '';
		expect(umsetzungRows(o, 'de')[0].slice(0, 3)).toEqual(['Ohne Titel', 'Ziel', 'Ohne Titel']);
		expect(umsetzungRows(o, 'en')[0].slice(0, 3)).toEqual(['Untitled', 'Ziel', 'Untitled']);
	});
});

import { describe, expect, it } from 'vitest';
import type { ConsiderationRow } from './types';
import { considerationCsv, considerationHeader, csvCell, toCsv } from './csv';

const de = { locale: 'de' } as const;

const base: ConsiderationRow = {
	roundId: 'r',
	roundTitle: 'Runde Gesundheit',
	submissionId: 's',
	number: 3,
	kind: 'proposal_measure',
	targetTitle: 'Gesundheit',
	title: 'Sprachmittlung',
	text: 'Dolmetscher, auch nachts',
	name: 'Jürgen',
	decision: 'partly_adopted',
	reason: 'Teilweise',
	duplicateOfNumber: null,
	createdItemTitle: 'Dolmetscherpool',
	createdAt: '2026-03-02T10:00:00.000Z'
};

describe('CSV', () => {
	it('starts with a BOM, separates with ; and ends lines with CRLF', () => {
		const csv = toCsv([
			['a', 'b'],
			[1, null]
		]);
		expect(csv).toBe('\uFEFFa;b\r\n1;\r\n');
	});

	it('quotes separators, quotes and line breaks (RFC 4180) and keeps umlauts', () => {
		expect(csvCell('Straße; Ecke')).toBe('"Straße; Ecke"');
		expect(csvCell('Sie sagte "ja"')).toBe('"Sie sagte ""ja"""');
		expect(csvCell('Zeile 1\nZeile 2')).toBe('"Zeile 1\nZeile 2"');
		expect(csvCell('Öffnungszeiten für Familien')).toBe('Öffnungszeiten für Familien');
	});

	it('separates with , when asked and then quotes commas instead of semicolons', () => {
		expect(toCsv([['a,b', 'c;d', '=1+1']], ',')).toBe('\uFEFF"a,b",c;d,\'=1+1\r\n');
		expect(csvCell('1,5', ',')).toBe('"1,5"');
		expect(csvCell('=A1,B1', ',')).toBe('"\'=A1,B1"');
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
		expect(csvCell('+49 123')).toBe("'+49 123");
		expect(csvCell('-1+1')).toBe("'-1+1");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('a=b')).toBe('a=b');
		expect(csvCell(-3)).toBe('-3');
	});

	it('writes the consideration table with German labels', () => {
		const csv = considerationCsv(
			[
				{
					...base,
					title: '=Sprachmittlung',
					text: 'Dolmetscher; auch nachts',
					createdItemTitle: ''
				}
			],
			de
		);
		const lines = csv.slice(1).split('\r\n');
		expect(lines[0]).toBe(
			'Runde;Nr.;Art;Bezug;Titel;Beitrag;Name;Eingegangen;Entscheidung;Begründung;Dublette von Nr.;Daraus entstanden'
		);
		expect(lines[1]).toBe(
			'Runde Gesundheit;3;Vorschlag für eine Maßnahme;Gesundheit;\'=Sprachmittlung;"Dolmetscher; auch nachts";Jürgen;02.03.2026 11:00;Teilweise übernommen;Teilweise;;'
		);
	});

	it('writes the time of receipt in German local time, not UTC', () => {
		const row = {
			roundId: 'r',
			roundTitle: 'Runde',
			submissionId: 's',
			number: 1,
			kind: 'proposal_measure' as const,
			targetTitle: '',
			title: 'Titel',
			text: 'Text',
			name: '',
			decision: null,
			reason: '',
			duplicateOfNumber: null,
			createdItemTitle: '',
			// 01:30 on 1 July in Berlin (summer time), still 30 June in UTC
			createdAt: '2026-06-30T23:30:00.000Z'
		};
		expect(considerationCsv([row], de).split('\r\n')[1]).toContain(';01.07.2026 01:30;');
		expect(considerationCsv([row], { timeZone: 'UTC', locale: 'de' }).split('\r\n')[1]).toContain(
			';30.06.2026 23:30;'
		);
	});

	const rows: ConsiderationRow[] = [
		base,
		{
			...base,
			number: 4,
			kind: 'comment',
			decision: null,
			reason: '',
			duplicateOfNumber: 3,
			createdItemTitle: '',
			name: '',
			createdAt: '2026-06-30T23:30:00.000Z'
		},
		{ ...base, number: 5, kind: 'proposal_goal', decision: 'not_adopted' }
	];

	it('writes the German consideration table byte for byte as before the English one existed', () => {
		expect(considerationCsv(rows, de)).toBe(
			'\uFEFFRunde;Nr.;Art;Bezug;Titel;Beitrag;Name;Eingegangen;Entscheidung;Begründung;Dublette von Nr.;Daraus entstanden\r\n' +
				'Runde Gesundheit;3;Vorschlag für eine Maßnahme;Gesundheit;Sprachmittlung;Dolmetscher, auch nachts;Jürgen;02.03.2026 11:00;Teilweise übernommen;Teilweise;;Dolmetscherpool\r\n' +
				'Runde Gesundheit;4;Anmerkung;Gesundheit;Sprachmittlung;Dolmetscher, auch nachts;;01.07.2026 01:30;Offen;;3;\r\n' +
				'Runde Gesundheit;5;Vorschlag für ein Ziel;Gesundheit;Sprachmittlung;Dolmetscher, auch nachts;Jürgen;02.03.2026 11:00;Nicht übernommen;Teilweise;;Dolmetscherpool\r\n'
		);
	});

	it('writes the English consideration table with English words, ISO times and commas', () => {
		expect(considerationHeader('en')).toEqual([
			'Round',
			'No.',
			'Type',
			'Refers to',
			'Title',
			'Contribution',
			'Name',
			'Received',
			'Decision',
			'Reason',
			'Duplicate of no.',
			'Resulted in'
		]);
		expect(considerationCsv(rows, { locale: 'en' })).toBe(
			'\uFEFFRound,No.,Type,Refers to,Title,Contribution,Name,Received,Decision,Reason,Duplicate of no.,Resulted in\r\n' +
				'Runde Gesundheit,3,Proposal for a measure,Gesundheit,Sprachmittlung,"Dolmetscher, auch nachts",Jürgen,2026-03-02 11:00,Partly adopted,Teilweise,,Dolmetscherpool\r\n' +
				'Runde Gesundheit,4,Comment,Gesundheit,Sprachmittlung,"Dolmetscher, auch nachts",,2026-07-01 01:30,Open,,3,\r\n' +
				'Runde Gesundheit,5,Proposal for a goal,Gesundheit,Sprachmittlung,"Dolmetscher, auch nachts",Jürgen,2026-03-02 11:00,Not adopted,Teilweise,,Dolmetscherpool\r\n'
		);
	});

	it('words a merged row’s reason in English, keeps the stored German sentence in German', () => {
		const merged: ConsiderationRow = {
			...base,
			reason: 'Zusammengeführt mit Beitrag #2. Passt.',
			mergedInto: { number: 2, reason: 'Passt.' }
		};
		expect(considerationCsv([merged], de).split('\r\n')[1]).toContain(
			';Zusammengeführt mit Beitrag #2. Passt.;'
		);
		expect(considerationCsv([merged], { locale: 'en' }).split('\r\n')[1]).toContain(
			',Merged with submission #2. Passt.,'
		);
	});
});

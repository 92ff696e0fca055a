import { describe, expect, it } from 'vitest';
import { considerationCsv, csvCell, toCsv } from './csv';

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
		const csv = considerationCsv([
			{
				roundId: 'r',
				roundTitle: 'Runde Gesundheit',
				submissionId: 's',
				number: 3,
				kind: 'proposal_measure',
				targetTitle: 'Gesundheit',
				title: '=Sprachmittlung',
				text: 'Dolmetscher; auch nachts',
				name: 'Jürgen',
				decision: 'partly_adopted',
				reason: 'Teilweise',
				duplicateOfNumber: null,
				createdItemTitle: '',
				createdAt: '2026-03-02T10:00:00.000Z'
			}
		]);
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
		expect(considerationCsv([row]).split('\r\n')[1]).toContain(';01.07.2026 01:30;');
		expect(considerationCsv([row], 'UTC').split('\r\n')[1]).toContain(';30.06.2026 23:30;');
	});
});

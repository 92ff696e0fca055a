/**
 * The Sitzungsprotokoll PDF in English (issue 15), read back with pdfjs: section headings, column
 * names, generated sentences and the metadata follow the model's language; typed content (titles,
 * names, texts) stays as typed. The decision log appendix's blocks in English.
 */
import { describe, expect, it } from 'vitest';
import { buildProtocol } from '../meetings/minutes-model';
import { protocolInput } from '../meetings/minutes-fixtures';
import { decisionLogBlocks, decisionLogTitle } from './decision-log';
import { exportProtocolPdfNode } from './node';
import { readPdf, type ReadPdf } from './pdf-reader';

const flat = (pdf: ReadPdf) =>
	pdf.pages.map((p) => p.normalize('NFKC').replace(/\s+/g, ' ')).join(' ');

function inOrder(text: string, needles: string[]) {
	let from = 0;
	for (const n of needles) {
		const at = text.indexOf(n, from);
		expect(at, `"${n}" after ${from}`).toBeGreaterThanOrEqual(0);
		from = at + n.length;
	}
}

/** Words of the German protocol: body, and the shared cover, contents and footer. */
const GERMAN_LABELS = [
	'Inhalt',
	'Seite ',
	'ENTWURF',
	'Sitzungsprotokoll',
	'Anwesenheit',
	'Tagesordnung',
	'Abstimmungen',
	'Beschlüsse',
	'Aufgaben',
	'Offene Fragen',
	'Planänderungen',
	'Kommentare',
	'Bezug im Plan',
	'Tatsächlich',
	'Geplant',
	'Personen',
	'im Raum',
	'Moderation Mona',
	' Uhr',
	'Min.',
	'nicht behandelt',
	'Maßnahme „',
	'gelöschtes Element',
	'Ideen',
	'Was daraus wurde',
	'Kommentierung',
	'haben abgestimmt'
];

describe('Sitzungsprotokoll PDF in English', () => {
	it('prints English labels and wording around the typed content', async () => {
		const input = protocolInput({
			ideas: [{ text: 'Nachtcafé im Jugendzentrum', outcome: 'not taken over' }]
		});
		const out = exportProtocolPdfNode(buildProtocol(input, 'en'));
		expect(out.fileName).toBe('ag-bildung-12-march-2027-minutes.pdf');
		const pdf = await readPdf(out.bytes);
		const text = flat(pdf);
		inOrder(text, [
			'MEETING MINUTES',
			'AG Bildung',
			'1 Meeting',
			'Date Friday',
			'12 March 2027',
			'Time 18:00–18:50',
			'Place Rathaus, Saal 2',
			'Facilitation Mona Moderation',
			'Status Open for comments (comments until 19/03/2027 18:50)',
			'2 Attendance',
			'6 people: 2 connected online, 1 listed by name in the room, 3 more in the room.',
			'Gül Gast online (guest)',
			'Paul Papier in the room Elternbeirat',
			'3 Agenda',
			'No. Item Planned Actual',
			'Begrüßung 10 min 18:00–18:12 (12 min)',
			'Verschiedenes 5 min not covered',
			'4 Ideas',
			'Nachtcafé im Jugendzentrum not taken over',
			'5 Votes',
			'PRIORITÄTEN BILDUNG (CLOSED, 4 PEOPLE VOTED)',
			'Rank Measure / goal Points online / in the room',
			'Priorities taken over into the plan: Measure “Sprachcafé”: high.',
			'6 Decisions',
			'Das Sprachcafé startet im Mai. Measure “Sprachcafé”',
			'7 Tasks',
			'No. Task Who Due Plan item',
			'Räume anfragen Emil Editor 01/04/2027',
			'8 Open questions',
			'(deleted item)',
			'9 Changes to the plan during the meeting',
			'changed: Priority',
			'10 Comments',
			'12/03/2027 19:00',
			'Bitte Ort ergänzen.'
		]);
		for (const word of GERMAN_LABELS) expect(text, word).not.toContain(word);
		expect(pdf.outline.map((o) => o.title)).toContain('6 Decisions');
		expect(pdf.info.Title).toBe('AG Bildung – Meeting minutes');
		expect(pdf.info.Keywords).toBe('meeting minutes, decisions, tasks, Mitplan');
		expect(text).toContain('Contents');
		expect(text).toMatch(/Page 1 of \d+/);
	});

	it('keeps the German protocol German', async () => {
		const text = flat(await readPdf(exportProtocolPdfNode(buildProtocol(protocolInput())).bytes));
		inOrder(text, ['SITZUNGSPROTOKOLL', '1 Sitzung', '3 Tagesordnung', 'nicht behandelt']);
		expect(text).not.toContain('Meeting minutes');
	});
});

describe('decision log appendix in English', () => {
	const same = (s: string) => s;
	it('titles, explains and heads the columns in English', () => {
		const rows = [
			{ date: '12/03/2027', session: 'AG Bildung', text: 'Start im Mai.', item: 'Measure “X”' }
		];
		const blocks = decisionLogBlocks(rows, same, same, 'en');
		expect(blocks[1]).toMatchObject({ kind: 'heading', text: 'Annex: decisions of all meetings' });
		expect(decisionLogTitle('en')).toBe('Annex: decisions of all meetings');
		expect(blocks[2]).toMatchObject({ kind: 'paragraph' });
		expect(JSON.stringify(blocks)).not.toMatch(/Beschl|Sitzung|Datum|Bezug/);
		const grid = blocks.find((b) => b.kind === 'grid');
		expect(grid && 'columns' in grid ? grid.columns.map((c) => c.title) : []).toEqual([
			'Date',
			'Meeting',
			'Decision',
			'Plan item'
		]);
		const empty = decisionLogBlocks([], same, same, 'en');
		expect(empty.at(-1)).toMatchObject({
			text: 'No decisions have been recorded in the meetings of this plan yet.'
		});
		expect(decisionLogBlocks([], same, same)[1]).toMatchObject({
			text: 'Anlage: Beschlussprotokoll aller Sitzungen'
		});
	});
});

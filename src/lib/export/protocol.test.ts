/**
 * The Sitzungsprotokoll PDF and the Gesamtplan's decision log appendix, read back with pdfjs:
 * sections in order, the decision, attendance names, the ranked vote result, the plan change,
 * the "Ideen" section only when ideas are wired, bookmarks and the appendix in the contents.
 */
import { describe, expect, it } from 'vitest';
import { buildProtocol } from '../meetings/minutes-model';
import { protocolInput } from '../meetings/minutes-fixtures';
import { examplePlan } from './fixtures';
import { DECISION_LOG_TITLE } from './decision-log';
import { exportPlanPdfNode, exportProtocolPdfNode } from './node';
import { parseExportOptions } from './options';
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

describe('Sitzungsprotokoll PDF', () => {
	it('prints every section with the decision, the attendance and the vote result', async () => {
		const out = exportProtocolPdfNode(buildProtocol(protocolInput()));
		expect(out.fileName).toBe('ag-bildung-12-marz-2027-protokoll.pdf');
		const pdf = await readPdf(out.bytes);
		expect(pdf.pageCount).toBe(out.pageCount);
		const text = flat(pdf);
		inOrder(text, [
			'SITZUNGSPROTOKOLL',
			'AG Bildung',
			'1 Sitzung',
			'Rathaus, Saal 2',
			'Mona Moderation',
			'2 Anwesenheit',
			'6 Personen',
			'Gül Gast',
			'Vera Viewer',
			'Paul Papier',
			'3 Tagesordnung',
			'Priorisierung',
			'18:12–18:50 (38 Min.)',
			'4 Abstimmungen',
			'PRIORITÄTEN BILDUNG',
			'1.',
			'Sprachcafé',
			'9',
			'2.',
			'Lernpaten',
			'Maßnahme „Sprachcafé“: hoch',
			'5 Beschlüsse',
			'Das Sprachcafé startet im Mai.',
			'6 Aufgaben',
			'Räume anfragen',
			'Emil Editor',
			'01.04.2027',
			'7 Offene Fragen',
			'Wer finanziert die Kinderbetreuung?',
			'8 Planänderungen während der Sitzung',
			'geändert: Priorität',
			'9 Kommentare',
			'Bitte Ort ergänzen.'
		]);
		expect(text).not.toContain('Ideen');
		expect(pdf.outline.map((o) => o.title)).toContain('5 Beschlüsse');
		expect(pdf.info.Title).toBe('AG Bildung – Sitzungsprotokoll');
	});

	it('has an Ideen section when ideas are wired, and no draft mark once final', async () => {
		const input = protocolInput({
			ideas: [{ text: 'Nachtcafé im Jugendzentrum', outcome: 'als Maßnahme übernommen' }],
			now: Date.parse('2027-04-30T00:00:00Z')
		});
		const text = flat(await readPdf(exportProtocolPdfNode(buildProtocol(input)).bytes));
		inOrder(text, [
			'4 Ideen',
			'Nachtcafé im Jugendzentrum',
			'als Maßnahme übernommen',
			'5 Abstimmungen'
		]);
		expect(text).toContain('Endgültig');
		expect(text).not.toContain('ENTWURF');
	});
});

describe('Gesamtplan: decision log appendix', () => {
	it('appends the decisions of all sessions when asked for', async () => {
		const options = parseExportOptions({ type: 'gesamtplan', decisionLog: 'true' });
		if (!options.ok) throw new Error(options.error.message);
		const result = exportPlanPdfNode(examplePlan(), options.value, {
			today: '2027-05-01',
			decisionLog: [
				{
					date: '12.03.2027',
					session: 'AG Bildung',
					text: 'Das Sprachcafé startet im Mai.',
					item: 'Maßnahme „Sprachcafé“'
				}
			]
		});
		if (!result.ok) throw new Error(result.error.message);
		const pdf = await readPdf(result.value.bytes);
		const text = flat(pdf);
		inOrder(text, [
			DECISION_LOG_TITLE,
			'12.03.2027',
			'AG Bildung',
			'Das Sprachcafé startet im Mai.'
		]);
		expect(pdf.outline.map((o) => o.title)).toContain(DECISION_LOG_TITLE);
		const without = parseExportOptions({ type: 'gesamtplan' });
		if (!without.ok) throw new Error(without.error.message);
		const plain = exportPlanPdfNode(examplePlan(), without.value, { today: '2027-05-01' });
		if (!plain.ok) throw new Error(plain.error.message);
		expect(flat(await readPdf(plain.value.bytes))).not.toContain(DECISION_LOG_TITLE);
	});

	it('refuses a bad value of the option', () => {
		const bad = parseExportOptions({ decisionLog: 'ja' });
		expect(bad.ok).toBe(false);
	});
});

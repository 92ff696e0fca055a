/** The appendix "Abwägungstabelle" in a real PDF, read back with pdfjs. */
import { describe, expect, it } from 'vitest';
import type { ConsiderationRow } from '../feedback/types';
import { examplePlan } from './fixtures';
import { exportPlanPdfNode } from './node';
import { parseExportOptions } from './options';
import { readPdf } from './pdf-reader';

const row = (number: number, extra: Partial<ConsiderationRow> = {}): ConsiderationRow => ({
	roundId: 'runde-1',
	roundTitle: 'Rückmeldung Gesundheit',
	submissionId: `s${number}`,
	number,
	kind: 'proposal_measure',
	targetTitle: 'Gesundheit',
	title: `Vorschlag Nummer ${number}`,
	text: 'Dolmetscherdienste für Arztbesuche ausbauen.',
	name: 'Darf nicht erscheinen',
	decision: 'partly_adopted',
	reason: `Begründung ${number}: teilweise in Maßnahme 2.1.1 aufgenommen.`,
	duplicateOfNumber: null,
	createdItemTitle: '',
	createdAt: '2026-03-01T10:00:00.000Z',
	...extra
});

async function exportWith(options: Record<string, unknown>, rows?: ConsiderationRow[]) {
	const parsed = parseExportOptions(options);
	if (!parsed.ok) throw new Error(parsed.error.message);
	const result = exportPlanPdfNode(examplePlan(), parsed.value, {
		today: '2026-11-21',
		consideration: rows
	});
	if (!result.ok) throw new Error(result.error.message);
	return readPdf(result.value.bytes);
}

const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

describe('PDF appendix Abwägungstabelle', () => {
	it('is only there when asked for', async () => {
		const pdf = await exportWith({ type: 'zwischenbericht' }, [row(1)]);
		expect(flat(pdf.pages.join(' '))).not.toContain('Abwägungstabelle');
	});

	it('lists every submission with decision and reason, over several pages, without names', async () => {
		const rows = Array.from({ length: 80 }, (_, i) => row(i + 1));
		rows[4] = row(5, { decision: null, reason: '' });
		const pdf = await exportWith({ type: 'zwischenbericht', consideration: 'true' }, rows);
		const pages = pdf.pages.map(flat);
		const all = pages.join(' ');
		const start = pages.findLastIndex((p) => p.includes('Anlage: Abwägungstabelle'));
		expect(start).toBeGreaterThan(1); // after the table of contents
		expect(pages[start]).toContain('Nr. Beitrag Entscheidung Begründung');
		expect(all).toContain('BETEILIGUNGSRUNDE: RÜCKMELDUNG GESUNDHEIT');
		expect(all).toContain('#1 Vorschlag für eine Maßnahme zu „Gesundheit“: Vorschlag Nummer 1');
		expect(all).toContain('Teilweise übernommen');
		expect(all).toContain('Begründung 80: teilweise in Maßnahme 2.1.1 aufgenommen.');
		expect(all).toContain('Noch offen');
		expect(all).not.toContain('Darf nicht erscheinen');
		// the table runs over pages and repeats its header
		const withTable = pages.filter((p) => p.includes('Nr. Beitrag Entscheidung Begründung'));
		expect(withTable.length).toBeGreaterThan(1);
		expect(pdf.outline.map((o) => o.title)).toContain('Anlage: Abwägungstabelle');
	});

	it('prints long contributions and reasons completely, across pages if needed', async () => {
		const words = (prefix: string, n: number) =>
			Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');
		// about 40 lines in the Beitrag column, then a contribution longer than a whole page
		const long = row(1, { text: words('Wort', 250), reason: words('Grund', 120) });
		const huge = row(2, { text: words('Satz', 1400) });
		const pdf = await exportWith({ type: 'zwischenbericht', consideration: 'true' }, [
			long,
			huge,
			row(3)
		]);
		const pages = pdf.pages.map(flat);
		const all = pages.join(' ');
		const start = all.lastIndexOf('Anlage: Abwägungstabelle');
		const annex = all.slice(start);
		for (const w of ['Wort1 ', 'Wort249 Wort250', 'Grund120', 'Satz1 ', 'Satz1399 Satz1400']) {
			expect(annex).toContain(w);
		}
		expect(annex).not.toContain('…');
		expect(annex).toContain('Begründung 3');
		// the huge one runs over pages, each with the repeated header
		const annexPages = pages.filter((p) => p.includes('Satz'));
		expect(annexPages.length).toBeGreaterThan(1);
		for (const p of annexPages) expect(p).toContain('Nr. Beitrag Entscheidung Begründung');
	});

	it('nests quotes typographically when a title already contains quotes', async () => {
		const rows = [row(1, { targetTitle: 'Landesprogramm „WIR“' })];
		const pdf = await exportWith({ type: 'zwischenbericht', consideration: 'true' }, rows);
		expect(flat(pdf.pages.join(' '))).toContain('zu „Landesprogramm ‚WIR‘“: Vorschlag Nummer 1');
	});

	it('words kinds, decisions and merged reasons in English for sprache=en', async () => {
		const rows = [
			row(1),
			row(2, { kind: 'comment', targetTitle: '', decision: 'not_adopted', reason: 'Zu teuer.' }),
			row(3, {
				decision: 'adopted',
				reason: 'Zusammengeführt mit Beitrag #1. Gut.',
				mergedInto: { number: 1, reason: 'Gut.' },
				duplicateOfNumber: 1
			})
		];
		const pdf = await exportWith(
			{ type: 'zwischenbericht', consideration: 'true', sprache: 'en' },
			rows
		);
		const all = flat(pdf.pages.join(' '));
		expect(all).toContain('#1 Proposal for a measure on “Gesundheit”: Vorschlag Nummer 1');
		expect(all).toContain('Partly adopted');
		expect(all).toContain('#2 Comment: Vorschlag Nummer 2');
		expect(all).toContain('Not adopted');
		expect(all).toContain('Merged with submission #1. Gut.');
		for (const german of [
			'Vorschlag für',
			'Übernommen',
			'übernommen',
			'Zusammengeführt',
			' zu „'
		]) {
			expect(all).not.toContain(german);
		}
	});

	it('says so when there are no submissions', async () => {
		const pdf = await exportWith({ consideration: true }, []);
		expect(flat(pdf.pages.join(' '))).toContain('noch keine Beiträge aus Beteiligungsrunden');
	});

	it('refuses a bad value', () => {
		const parsed = parseExportOptions(new URLSearchParams('consideration=ja'));
		expect(parsed.ok).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import type { PlanJson } from '../domain/types';
import { emptyPlan, examplePlan } from './fixtures';
import { layoutPlan, type Block, type HeadingBlock } from './layout';
import { parseExportOptions, type ExportOptions } from './options';

const opts = (o: Record<string, unknown> = {}): ExportOptions => {
	const r = parseExportOptions(o);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};

function flat(blocks: Block[]): Block[] {
	return blocks.flatMap((b) => (b.kind === 'group' ? flat(b.blocks) : [b]));
}
const headings = (blocks: Block[]) =>
	flat(blocks).filter((b): b is HeadingBlock => b.kind === 'heading');
const numbered = (blocks: Block[]) =>
	headings(blocks)
		.filter((h) => h.number)
		.map((h) => `${h.number} ${h.text}`);

describe('layoutPlan', () => {
	const plan = examplePlan();

	it('numbers 1 Leitlinien, 2 Handlungsfeld, 2.1 Ziel, 2.1.1 Maßnahme in plan order', () => {
		const doc = layoutPlan(plan, opts(), { today: '2026-11-21' });
		const expected = [
			'1 Leitlinien',
			...plan.principles.map((p, i) => `1.${i + 1} ${p.title}`),
			...plan.fields.flatMap((f, fi) => [
				`${fi + 2} ${f.title}`,
				...f.goals.flatMap((g, gi) => [
					`${fi + 2}.${gi + 1} ${g.title}`,
					...g.measures.map((m, mi) => `${fi + 2}.${gi + 1}.${mi + 1} ${m.title}`)
				])
			])
		];
		expect(numbered(doc.blocks)).toEqual(expected);
		expect(doc.dateLabel).toBe('21. November 2026');
		expect(doc.tocDepth).toBe(2);
	});

	it('every Handlungsfeld starts a new page; each measure is one keep-together group', () => {
		const doc = layoutPlan(plan, opts());
		const fieldHeadings = headings(doc.blocks).filter(
			(h) => h.level === 1 && /^\d+$/.test(h.number) && h.number !== '1'
		);
		expect(fieldHeadings.length).toBe(plan.fields.length);
		expect(fieldHeadings.every((h) => h.pageBreakBefore)).toBe(true);
		const measureGroups = doc.blocks.filter(
			(b) => b.kind === 'group' && b.blocks[0].kind === 'heading' && b.blocks[0].level === 3
		);
		expect(measureGroups.length).toBe(
			plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures)).length
		);
	});

	it('keeps the Gesamtplan numbers when only some fields are exported', () => {
		const doc = layoutPlan(plan, opts({ type: 'handlungsfelder', fields: [plan.fields[2].id] }));
		const fields = headings(doc.blocks).filter(
			(h) => h.level === 1 && h.number !== '1' && h.number !== ''
		);
		expect(fields.map((h) => `${h.number} ${h.text}`)).toEqual([`4 ${plan.fields[2].title}`]);
	});

	it('shows empty answers as "—" and the linked Leitlinien by number', () => {
		const p: PlanJson = structuredClone(plan);
		p.fields[0].goals[0].measures[0].resources = '   ';
		const doc = layoutPlan(p, opts());
		const tables = flat(doc.blocks).filter((b) => b.kind === 'table');
		const rows = tables.flatMap((t) => (t.kind === 'table' ? t.rows : []));
		expect(rows.some((r) => r.label.startsWith('Ressourcen') && r.value === '—')).toBe(true);
		expect(rows.every((r) => r.value.trim() !== '')).toBe(true);
		const linked = rows.find((r) => r.label === 'Verknüpfte Leitlinien');
		expect(linked?.value).toMatch(/^1\.\d /);
		// in Leitlinien order, whatever the order of the stored ids
		for (const row of rows.filter((r) => r.label === 'Verknüpfte Leitlinien' && r.value !== '—')) {
			const numbers = row.value.split('\n').map((l) => Number(l.split(' ')[0].slice(2)));
			expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
		}
		expect(
			rows.filter((r) => r.label === 'Verknüpfte Leitlinien' && r.value.includes('\n')).length
		).toBeGreaterThan(0);
	});

	it("prints a goal's description as its text, its answer (1) stays in the questionnaire table", () => {
		const p = examplePlan();
		const goal = p.fields[0].goals[0];
		goal.description = 'Öffentlicher Text des Ziels.';
		goal.specific = 'Antwort auf Frage (1).';
		for (const type of ['gesamtplan', 'zwischenbericht']) {
			const blocks = flat(layoutPlan(p, opts({ type })).blocks);
			const at = blocks.findIndex((b) => b.kind === 'heading' && b.text === goal.title);
			expect(blocks[at + 1]).toEqual({ kind: 'paragraph', text: 'Öffentlicher Text des Ziels.' });
			const paragraphs = blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
			expect(paragraphs).not.toContain('Antwort auf Frage (1).');
		}
		const full = flat(layoutPlan(p, opts()).blocks);
		const at = full.findIndex((b) => b.kind === 'heading' && b.text === goal.title);
		const table = full.slice(at).find((b) => b.kind === 'table');
		expect(table?.kind === 'table' && table.rows[0]).toMatchObject({
			label: 'Spezifisch und verständlich',
			value: 'Antwort auf Frage (1).'
		});
	});

	it('derives the draft watermark from the plan status unless the option says otherwise', () => {
		const draft: PlanJson = { ...plan, meta: { ...plan.meta, status: 'in_beratung' } };
		const adopted: PlanJson = { ...plan, meta: { ...plan.meta, status: 'beschlossen' } };
		expect(layoutPlan(draft, opts()).draft).toBe(true);
		expect(layoutPlan(adopted, opts()).draft).toBe(false);
		expect(layoutPlan(adopted, opts({ draft: true })).draft).toBe(true);
		expect(layoutPlan(draft, opts({ draft: false })).draft).toBe(false);
	});

	it('takes the funding notice from the option, else the plan, else none (no default)', () => {
		const own: PlanJson = { ...plan, meta: { ...plan.meta, fundingNotice: 'Gefördert vom Land.' } };
		expect(plan.meta.fundingNotice).toBe('');
		expect(layoutPlan(plan, opts()).fundingNotice).toBe('');
		expect(layoutPlan(own, opts()).fundingNotice).toBe('Gefördert vom Land.');
		expect(layoutPlan(own, opts({ fundingNotice: 'Mit Mitteln der EU.' })).fundingNotice).toBe(
			'Mit Mitteln der EU.'
		);
	});

	it('falls back to "Ohne Titel" for a title of only emoji', () => {
		const p: PlanJson = { ...plan, meta: { ...plan.meta, title: '🎉🏳️‍🌈👩🏽‍💻' } };
		const doc = layoutPlan(p, opts());
		expect(doc.title).toBe('Ohne Titel');
		expect(doc.metadata.title).toBe('Ohne Titel – Gesamtplan');
	});

	it('Steckbriefe: one measure per page with its goal, TOC down to the measures', () => {
		const doc = layoutPlan(plan, opts({ type: 'steckbriefe' }));
		const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		expect(doc.blocks.filter((b) => b.kind === 'pageBreak').length).toBe(measures.length);
		expect(
			headings(doc.blocks)
				.filter((h) => h.level === 3)
				.map((h) => h.text)
		).toEqual(measures.map((m) => m.title));
		expect(doc.tocDepth).toBe(3);
	});

	it('Zwischenbericht: overview and measures as a table per goal', () => {
		const doc = layoutPlan(plan, opts({ type: 'zwischenbericht' }));
		expect(numbered(doc.blocks)[0]).toBe('1 Stand der Arbeit');
		const grids = doc.blocks.filter((b) => b.kind === 'grid');
		expect(grids.length).toBe(
			2 + plan.fields.flatMap((f) => f.goals).filter((g) => g.measures.length).length
		);
	});

	it('lays out an empty plan with clear notes instead of gaps', () => {
		for (const type of ['gesamtplan', 'zwischenbericht', 'steckbriefe'] as const) {
			const doc = layoutPlan(emptyPlan(), opts({ type }));
			const texts = flat(doc.blocks)
				.filter((b) => b.kind === 'paragraph')
				.map((b) => (b.kind === 'paragraph' ? b.text : ''));
			expect(texts.some((t) => t.startsWith('Noch keine') || t.includes('noch keine'))).toBe(true);
		}
	});
});

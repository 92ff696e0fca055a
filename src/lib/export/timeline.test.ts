/** The PDF section "Zeitplan der Maßnahmen": blocks, the option's default, and a real PDF read back. */
import { describe, expect, it } from 'vitest';
import type { Block } from './blocks';
import { emptyPlan, examplePlan, sizedPlan } from './fixtures';
import { layoutPlan } from './layout';
import { exportPlanPdfNode } from './node';
import { parseExportOptions, type ExportOptions } from './options';
import { paginate, PT } from './paginate';
import { readPdf } from './pdf-reader';
import { TIMELINE_TITLE, timelineBlocks, timelineWanted } from './timeline';

const opts = (o: Record<string, unknown>): ExportOptions => {
	const r = parseExportOptions(o);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};
const same = (s: string) => s;
const headings = (blocks: Block[]) =>
	blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number} ${b.text}`.trim()] : []));
const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

describe('timelineWanted', () => {
	it('is on by default for Gesamtplan and Zwischenbericht only, and follows the option', () => {
		expect(timelineWanted(opts({ type: 'gesamtplan' }))).toBe(true);
		expect(timelineWanted(opts({ type: 'zwischenbericht' }))).toBe(true);
		expect(timelineWanted(opts({ type: 'handlungsfelder', fields: 'a' }))).toBe(false);
		expect(timelineWanted(opts({ type: 'steckbriefe' }))).toBe(false);
		expect(timelineWanted(opts({ type: 'gesamtplan', timeline: 'false' }))).toBe(false);
		expect(timelineWanted(opts({ type: 'handlungsfelder', fields: 'a', timeline: true }))).toBe(
			true
		);
	});
});

describe('timelineBlocks', () => {
	it('gives one chart per field with a row per dated measure and lists the undated ones', () => {
		const plan = examplePlan();
		const first = plan.fields[0].goals[0].measures;
		first[1].startDate = '';
		first[1].endDate = '';
		const blocks = timelineBlocks(plan, [], same);
		expect(headings(blocks)).toEqual([
			TIMELINE_TITLE,
			...plan.fields.map((f, i) => `Handlungsfeld ${i + 2}: ${f.title}`)
		]);
		const charts = blocks.filter((b) => b.kind === 'timeline');
		expect(charts).toHaveLength(plan.fields.length);
		const chart = charts[0];
		if (chart.kind !== 'timeline') throw new Error();
		expect(chart.rows[0].label).toBe(`2.1.1 ${first[0].title}`);
		expect(chart.rows[0].range).toMatch(/^\d\d\.\d\d\.\d{4} – \d\d\.\d\d\.\d{4}$/);
		expect(chart.rows.map((r) => r.label)).not.toContain(`2.1.2 ${first[1].title}`);
		expect(chart.ticks.length).toBeGreaterThan(1);
		const undated = blocks.findIndex(
			(b) => b.kind === 'label' && /Ohne Zeitangabe \(1\)/.test(b.text)
		);
		expect(undated).toBeGreaterThan(0);
		expect(blocks[undated + 1]).toEqual({ kind: 'paragraph', text: `2.1.2 ${first[1].title}` });
	});

	it('is left out of a plan without measures', () => {
		expect(timelineBlocks(emptyPlan(), [], same)).toEqual([]);
		const laid = layoutPlan(emptyPlan(), opts({ type: 'gesamtplan' }));
		expect(headings(laid.blocks)).not.toContain(TIMELINE_TITLE);
	});

	it('sits after the field chapters and before the annexes; only the chosen fields', () => {
		const plan = examplePlan();
		const laid = layoutPlan(
			plan,
			opts({ type: 'handlungsfelder', fields: plan.fields[1].id, timeline: true, openPoints: true })
		);
		const h = headings(laid.blocks);
		const at = h.indexOf(TIMELINE_TITLE);
		expect(at).toBeGreaterThan(h.indexOf(`3 ${plan.fields[1].title}`));
		expect(h[at + 1]).toBe(`Handlungsfeld 3: ${plan.fields[1].title}`);
		expect(h[at + 2]).toBe('Anlage: Offene Punkte (für die Kerngruppe)');
	});
});

describe('pagination of the chart', () => {
	it('repeats the axis on every page the chart continues on and keeps each row whole', () => {
		const metrics = {
			width: (s: string, style: string, size: number) =>
				[...s].length * size * PT * (style === 'bold' ? 0.6 : 0.55)
		};
		const plan = sizedPlan({ fields: 2, goalsPerField: 4, measuresPerGoal: 10 });
		const doc = paginate(layoutPlan(plan, opts({ type: 'gesamtplan' })), metrics);
		const texts = (i: number) => doc.pages[i].ops.flatMap((o) => (o.t === 'text' ? [o.text] : []));
		const start = doc.pages.findIndex(
			(p, i) => p.kind === 'content' && texts(i).includes(TIMELINE_TITLE)
		);
		expect(start).toBeGreaterThan(0);
		const chartPages = doc.pages.slice(start).map((_, k) => texts(start + k));
		// 80 measures: more than one page of chart rows
		expect(chartPages.length).toBeGreaterThan(2);
		let rows = 0;
		for (const page of chartPages) {
			// "2.1.1 Title" (a period line "01.03.2025 – …" is no label)
			const rowLabels = page.filter((t) => /^\d+\.\d+\.\d+ \p{L}/u.test(t));
			rows += rowLabels.length;
			// a page with rows shows the axis header ("Maßnahme" and the first tick) above them
			if (rowLabels.length > 0) expect(page).toContain('Maßnahme');
		}
		expect(rows).toBe(80);
	});
});

describe('Zeitplan der Maßnahmen in the PDF', () => {
	const render = async (o: Record<string, unknown>) => {
		const result = exportPlanPdfNode(examplePlan(), opts(o), { today: '2026-11-21' });
		if (!result.ok) throw new Error(result.error.message);
		return readPdf(result.value.bytes);
	};

	it('prints the section with every measure, its period and the axis in the Zwischenbericht', async () => {
		const plan = examplePlan();
		const pdf = await render({ type: 'zwischenbericht' });
		const start = pdf.pages.findIndex((p) => flat(p).includes(`${TIMELINE_TITLE} Beginn`));
		expect(start).toBeGreaterThan(1);
		const section = flat(pdf.pages.slice(start).join(' '));
		const m = plan.fields[0].goals[0].measures[0];
		expect(section).toContain(`2.1.1 ${m.title}`);
		const [y, mo, d] = m.startDate.split('-');
		expect(section).toContain(`${d}.${mo}.${y} –`);
		expect(section).toMatch(/Q1 2025/);
		expect(section).toContain('Handlungsfeld 6:');
		expect(pdf.outline.map((o) => o.title)).toContain(TIMELINE_TITLE);
	});

	it('is not there when switched off', async () => {
		const pdf = await render({ type: 'gesamtplan', timeline: 'false' });
		expect(flat(pdf.pages.join(' '))).not.toContain(TIMELINE_TITLE);
	});
});

import { describe, expect, it } from 'vitest';
import { examplePlan, sizedPlan } from './fixtures';
import { layoutPlan } from './layout';
import { parseExportOptions, type ExportOptions } from './options';
import { paginate, PT, type Op } from './paginate';
import type { TextMetrics } from './text';

/** Every character 0.55 em wide: enough to paginate without a font. */
const metrics: TextMetrics = {
	width: (s, style, size) => [...s].length * size * PT * (style === 'bold' ? 0.6 : 0.55)
};
const opts = (o: Record<string, unknown> = {}): ExportOptions => {
	const r = parseExportOptions(o);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};
const texts = (ops: Op[]) => ops.flatMap((o) => (o.t === 'text' ? [o] : []));

describe('paginate', () => {
	const plan = examplePlan();

	it('puts the real start page of every section into the table of contents', () => {
		const doc = paginate(layoutPlan(plan, opts()), metrics);
		const [tocFrom, tocTo] = doc.tocPages;
		expect(tocFrom).toBe(2);
		for (const e of doc.entries) {
			const page = doc.pages[e.page - 1];
			const full = e.number ? `${e.number}` : e.text;
			expect(
				texts(page.ops).some((t) => t.text === full || t.text === e.text),
				`${e.number} ${e.text}`
			).toBe(true);
			// the heading is not on an earlier page
			const earlier = doc.pages
				.slice(tocTo, e.page - 1)
				.some((p) => texts(p.ops).some((t) => t.text === e.text && t.size >= 11));
			expect(earlier).toBe(false);
		}
		// the numbers printed in the TOC are those pages, in order
		const printed = doc.pages
			.slice(tocFrom - 1, tocTo)
			.flatMap((p) => texts(p.ops))
			.filter((t) => t.align === 'right' && /^\d+$/.test(t.text) && t.size >= 9.5)
			.map((t) => Number(t.text));
		expect(printed).toEqual(doc.entries.filter((e) => e.toc && e.level <= 2).map((e) => e.page));
	});

	it('numbers every page "Seite x von y" and keeps content inside the margins', () => {
		const doc = paginate(layoutPlan(plan, opts()), metrics);
		doc.pages.forEach((page, i) => {
			const t = texts(page.ops);
			expect(t.some((x) => x.text === `Seite ${i + 1} von ${doc.pages.length}`)).toBe(true);
			const footer = Math.min(...t.filter((x) => x.size === 7.5).map((x) => x.y));
			for (const x of t) {
				if (x.size === 7.5 || x.size === 8) continue; // footer, header
				expect(x.y).toBeGreaterThan(20);
				expect(x.y).toBeLessThan(footer - 5);
			}
		});
	});

	it('does not leave a heading alone at the bottom of a page', () => {
		const doc = paginate(
			layoutPlan(sizedPlan({ fields: 3, goalsPerField: 4, measuresPerGoal: 5 }), opts()),
			metrics
		);
		for (const page of doc.pages.slice(2)) {
			const content = texts(page.ops).filter((x) => x.size !== 7.5 && x.size !== 8);
			const last = content.reduce((a, b) => (b.y > a.y ? b : a), content[0]);
			expect(last.size, `last line "${last.text}"`).toBeLessThan(11);
		}
	});

	it('switches to landscape page size', () => {
		const doc = paginate(layoutPlan(plan, opts({ orientation: 'landscape' })), metrics);
		expect([doc.width, doc.height]).toEqual([297, 210]);
	});

	it('adds the watermark only to drafts', () => {
		const draft = paginate(layoutPlan(plan, opts({ draft: true })), metrics);
		const final = paginate(layoutPlan(plan, opts({ draft: false })), metrics);
		expect(draft.pages.every((p) => p.ops[0].t === 'watermark')).toBe(true);
		expect(final.pages.some((p) => p.ops.some((o) => o.t === 'watermark'))).toBe(false);
	});

	it('draws every line of an Arabic paragraph right-to-left, also one starting with Cyrillic', () => {
		const ar = 'مرحبا بكم في مدينتنا';
		const p = examplePlan();
		// long enough to wrap; one wrapped line begins with the Cyrillic words
		p.fields[0].situation = `${ar} ${ar} ${ar} ${ar} ${ar} ${ar} ${ar} ${ar} Встреча в ратуше ${ar}\nDeutsch ${ar}`;
		const doc = paginate(layoutPlan(p, opts()), metrics);
		const ops = doc.pages.flatMap((pg) => texts(pg.ops));
		const cyrillic = ops.find((o) => o.text.startsWith('Встреча'));
		const all = ops.filter((o) => o.text.includes('مرحبا') || o.text.startsWith('Встреча'));
		expect(cyrillic).toMatchObject({ rtl: true, align: 'right' });
		// the German paragraph after it stays left-to-right although it contains Arabic
		const german = ops.find((o) => o.text.startsWith('Deutsch'));
		expect(german?.rtl).toBeUndefined();
		expect(german?.align).toBe('left');
		expect(all.filter((o) => !o.text.startsWith('Deutsch')).every((o) => o.rtl)).toBe(true);
	});
});

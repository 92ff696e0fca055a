/**
 * Real PDFs, read back with pdfjs-dist: titles in order, every script extracts as the same text,
 * the table of contents points to where sections really start, footer and funding notice on
 * every page, bookmarks, metadata, and bad input.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanJson } from '../domain/types';
import { SAMPLES, emptyPlan, examplePlan, multilingualPlan, sizedPlan } from './fixtures';
import { logoFormat } from './logo';
import { exportPlanPdfNode } from './node';
import { parseExportOptions } from './options';
import { readPdf, type ReadPdf } from './pdf-reader';

async function exportAndRead(plan: PlanJson, options: Record<string, unknown> = {}) {
	const parsed = parseExportOptions(options);
	if (!parsed.ok) throw new Error(parsed.error.message);
	const result = exportPlanPdfNode(plan, parsed.value, { today: '2026-11-21' });
	if (!result.ok) throw new Error(result.error.message);
	const bytes = result.value.bytes;
	expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
	const pdf = await readPdf(bytes);
	expect(pdf.pageCount).toBe(result.value.pageCount);
	return { pdf, bytes, result: result.value };
}

/** Page text with line breaks and runs of spaces folded, presentation forms normalised. */
const flatText = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');
const allText = (pdf: ReadPdf) => pdf.pages.map(flatText).join(' ');

function expectInOrder(haystack: string, needles: string[]) {
	let from = 0;
	for (const n of needles) {
		const at = haystack.indexOf(n, from);
		expect(at, `"${n}" after position ${from}`).toBeGreaterThanOrEqual(0);
		from = at + n.length;
	}
}

/** A plan's own notice; the app has no default wording (a plan without one prints none). */
const NOTICE = 'Gefördert aus Mitteln des Landkreises Musterkreis.';
const withNotice = (plan: PlanJson): PlanJson => ({
	...plan,
	meta: { ...plan.meta, fundingNotice: NOTICE }
});

function expectFooterOnEveryPage(pdf: ReadPdf, notice: string) {
	pdf.pages.forEach((page, i) => {
		const text = flatText(page);
		expect(text, `page ${i + 1}`).toContain(`Seite ${i + 1} von ${pdf.pageCount}`);
		expect(text, `page ${i + 1}`).toContain(notice);
	});
}

/** TOC entries "<number> <title> <page>" → map number → page. */
function tocPages(pdf: ReadPdf, entries: Array<{ number: string; title: string }>) {
	const toc = flatText(pdf.pages.slice(1, 4).join(' '));
	const out = new Map<string, number>();
	for (const e of entries) {
		const label = `${e.number} ${e.title}`;
		const at = toc.indexOf(label);
		expect(at, `TOC has "${label}"`).toBeGreaterThanOrEqual(0);
		const m = /^\s*(\d+)/.exec(toc.slice(at + label.length));
		expect(m, `page number after "${label}"`).not.toBeNull();
		out.set(e.number, Number(m![1]));
	}
	return out;
}

describe('PDF export read back with pdfjs', () => {
	const plan = examplePlan();
	const measuresOf = (p: PlanJson) => p.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));

	it('Gesamtplan: all titles in order, TOC page numbers where sections start, footer everywhere', async () => {
		const { pdf, result } = await exportAndRead(plan);
		expect(pdf.pageCount).toBeGreaterThan(10);
		expect(pdf.pageCount).toBeLessThan(40);
		expect(result.fileName).toBe(
			'beispielplan-integrationskonzept-brandenburg-an-der-havel-gesamtplan.pdf'
		);
		const content = flatText(pdf.pages.slice(2).join(' '));
		expectInOrder(content, [
			'Statuslegende',
			'1 Leitlinien',
			...plan.principles.map((p, i) => `1.${i + 1} ${p.title}`),
			...plan.fields.flatMap((f, fi) => [
				`${fi + 2} ${f.title}`,
				'AUSGANGSLAGE',
				...f.goals.flatMap((g, gi) => [
					`${fi + 2}.${gi + 1} ${g.title}`,
					...g.measures.map((m, mi) => `${fi + 2}.${gi + 1}.${mi + 1} ${m.title}`)
				])
			])
		]);
		// cover
		expect(flatText(pdf.pages[0])).toContain(plan.meta.title);
		expect(flatText(pdf.pages[0])).toContain('21. November 2026');
		expectFooterOnEveryPage(pdf, 'Seite');
		// no notice set: no (state-specific) default wording on any page
		expect(allText(pdf)).not.toMatch(/Gefördert|Baden-Württemberg|Ministerium/);

		// TOC numbers = pages where the headings are
		const entries = [
			...plan.principles.map((p, i) => ({ number: `1.${i + 1}`, title: p.title })),
			...plan.fields.flatMap((f, fi) => [
				{ number: `${fi + 2}`, title: f.title },
				...f.goals.map((g, gi) => ({ number: `${fi + 2}.${gi + 1}`, title: g.title }))
			])
		];
		const toc = tocPages(pdf, entries);
		for (const e of entries) {
			const page = toc.get(e.number)!;
			const label = `${e.number} ${e.title}`;
			expect(flatText(pdf.pages[page - 1]), `${label} on page ${page}`).toContain(label);
			for (let p = 2; p < page - 1; p++) {
				expect(flatText(pdf.pages[p]), `${label} not before page ${page}`).not.toContain(label);
			}
		}
		// bookmarks: every section, nested, pointing to the same pages
		const byTitle = new Map(pdf.outline.map((o) => [o.title, o]));
		for (const e of entries)
			expect(byTitle.get(`${e.number} ${e.title}`)?.page).toBe(toc.get(e.number));
		for (const [i, m] of measuresOf(plan).entries()) {
			expect(
				pdf.outline.some((o) => o.depth === 2 && o.title.endsWith(m.title)),
				`${i}`
			).toBe(true);
		}
		// document properties
		expect(pdf.info.Title).toBe(`${plan.meta.title} – Gesamtplan`);
		expect(pdf.info.Author).toBe(plan.meta.municipality);
		expect(pdf.info.Subject).toBe(`Gesamtplan, ${plan.meta.municipality}`);
		expect(pdf.info.Language).toBe('de-DE');
		// draft (plan is "in Beratung"): watermark
		expect(pdf.pages.every((p) => p.includes('ENTWURF'))).toBe(true);
	});

	it('breaks measure blocks only between rows: heading with its first rows, last rows together', async () => {
		const big = sizedPlan({ fields: 2, goalsPerField: 3, measuresPerGoal: 6 });
		const { pdf } = await exportAndRead(big);
		const pages = pdf.pages.map(flatText);
		const measures = big.fields.flatMap((f, fi) =>
			f.goals.flatMap((g, gi) =>
				g.measures.map((m, mi) => `${fi + 2}.${gi + 1}.${mi + 1} ${m.title}`)
			)
		);
		let whole = 0;
		for (const label of measures) {
			const at = pages.findIndex((p) => p.includes(label));
			expect(at, label).toBeGreaterThan(1);
			const after = pages[at].slice(pages[at].indexOf(label) + label.length);
			// the heading is followed by the first row (Beschreibung) on its page
			expect(after.trimStart().startsWith('Beschreibung'), label).toBe(true);
			if (/Status (Idee|geplant|in Umsetzung|umgesetzt|zurückgestellt)/.test(after)) whole++;
			else {
				// continued overleaf: Priorität and Status together at the top of the next page
				const next = pages[at + 1].replace(/^ENTWURF /, '');
				expect(next, label).toMatch(/^(Zeitraum .*)?Priorität .*Status /);
				expect(after, label).not.toMatch(/Priorität/);
			}
		}
		expect(whole).toBeGreaterThan(measures.length / 2);
	});

	it('renders German, Turkish, Polish, Ukrainian, Russian and Arabic as the same text', async () => {
		const ml = multilingualPlan();
		const { pdf } = await exportAndRead(ml);
		const text = allText(pdf);
		for (const [lang, sample] of Object.entries(SAMPLES)) {
			expect(text, lang).toContain(sample);
		}
		// mixed Arabic/Latin line keeps its logical order (pdfjs reorders the right-to-left line
		// but does not mirror brackets back, so they are compared without brackets)
		expect(text.replace(/[()]/g, '')).toContain(`${SAMPLES.ar} Integrationsbüro 2025`);
		// adopted plan: no watermark
		expect(text).not.toContain('ENTWURF');
		expect(flatText(pdf.pages[0])).toContain(`Vielfaltsstrategie ${SAMPLES.de}`);
	});

	it('Zwischenbericht, Steckbriefe and selected fields', async () => {
		const report = await exportAndRead(plan, {
			type: 'zwischenbericht',
			versionLabel: 'Vorlage SVV 09/2026'
		});
		const rt = allText(report.pdf);
		expectInOrder(rt, [
			'ZWISCHENBERICHT',
			'Vorlage SVV 09/2026',
			'Inhalt',
			'1 Stand der Arbeit',
			'MASSNAHMEN NACH STATUS',
			`2 ${plan.fields[0].title}`
		]);
		expect(rt).toContain(measuresOf(plan)[0].title);

		const profiles = await exportAndRead(plan, {
			type: 'steckbriefe',
			fields: [plan.fields[1].id]
		});
		const measures = plan.fields[1].goals.flatMap((g) => g.measures);
		// cover, TOC, legend, then one page per measure
		expect(profiles.pdf.pageCount).toBe(3 + measures.length);
		measures.forEach((m, i) => {
			const page = flatText(profiles.pdf.pages[3 + i]);
			expect(page).toContain(m.title);
			expect(page).toContain('Federführung');
			expect(page).toContain('Zeitraum');
			expect(page).toContain('Status');
		});
		expect(allText(profiles.pdf)).not.toContain(plan.fields[0].goals[0].measures[0].title);

		const selected = await exportAndRead(plan, {
			type: 'handlungsfelder',
			fields: [plan.fields[3].id, plan.fields[0].id],
			orientation: 'landscape',
			fundingNotice: 'Gefördert durch den Landkreis.'
		});
		expect(selected.pdf.size).toEqual([842, 595]);
		const st = allText(selected.pdf);
		expectInOrder(st, [`2 ${plan.fields[0].title}`, `5 ${plan.fields[3].title}`]);
		expect(st).not.toContain(`3 ${plan.fields[1].title}`);
		expectFooterOnEveryPage(selected.pdf, 'Gefördert durch den Landkreis.');
	});

	it('puts a logo on the cover (browser dialog input)', async () => {
		const png = new Uint8Array(readFileSync('docs/screenshot-pdf.png'));
		expect(logoFormat(png)).toBe('PNG');
		expect(logoFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('JPEG');
		expect(logoFormat(new TextEncoder().encode('<svg></svg>'))).toBeNull();
		const options = parseExportOptions({});
		if (!options.ok) throw new Error();
		const plain = exportPlanPdfNode(plan, options.value);
		const withLogo = exportPlanPdfNode(plan, options.value, {
			logo: { data: png, format: 'PNG', width: 595, height: 842 }
		});
		if (!plain.ok || !withLogo.ok) throw new Error();
		const latin1 = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
		expect(latin1(plain.value.bytes)).not.toContain('/Subtype /Image');
		expect(latin1(withLogo.value.bytes)).toContain('/Subtype /Image');
		expect((await readPdf(withLogo.value.bytes)).pageCount).toBe(plain.value.pageCount);
	});

	it('refuses a field that is not in the plan', () => {
		const options = parseExportOptions({ type: 'handlungsfelder', fields: ['unbekannt'] });
		if (!options.ok) throw new Error();
		const r = exportPlanPdfNode(plan, options.value);
		expect(r.ok ? null : r.error).toEqual({
			code: 'invalid_export_option',
			message: 'Das Handlungsfeld „unbekannt“ gibt es in diesem Plan nicht.',
			option: 'fields'
		});
	});

	describe('bad input', () => {
		it('an empty plan gives a correct short document', async () => {
			for (const type of ['gesamtplan', 'zwischenbericht', 'steckbriefe']) {
				const { pdf } = await exportAndRead(withNotice(emptyPlan()), { type });
				expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
				expect(pdf.pageCount).toBeLessThanOrEqual(4);
				expect(allText(pdf)).toMatch(/[Nn]och keine/);
				expectFooterOnEveryPage(pdf, NOTICE);
			}
		});

		it('a title of only emoji becomes "Ohne Titel"', async () => {
			const p = emptyPlan('🎉🏳️‍🌈👩🏽‍💻');
			const { pdf, result } = await exportAndRead(p);
			expect(flatText(pdf.pages[0])).toContain('Ohne Titel');
			expect(pdf.info.Title).toBe('Ohne Titel – Gesamtplan');
			expect(result.fileName).toBe('ohne-titel-gesamtplan.pdf');
		});

		it('a 10,000-character text wraps across pages without losing a word', async () => {
			const p = examplePlan();
			const words = Array.from({ length: 1100 }, (_, i) => `Wort${i}`);
			p.fields[0].situation = words.join(' ').slice(0, 10_000);
			p.fields[0].goals[0].measures[0].description =
				'Ä'.repeat(300) + ' ' + words.slice(0, 900).join(' ');
			const { pdf } = await exportAndRead(withNotice(p));
			const text = allText(pdf);
			const kept = p.fields[0].situation.split(' ');
			expectInOrder(text, kept.slice(0, -1));
			expect(text).toContain('Ä'.repeat(30));
			expectFooterOnEveryPage(pdf, NOTICE);
		});

		it('a plan with 2,000 measures renders completely', async () => {
			const p = sizedPlan({ fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
			const parsed = parseExportOptions({ type: 'gesamtplan' });
			if (!parsed.ok) throw new Error();
			const result = exportPlanPdfNode(p, parsed.value);
			if (!result.ok) throw new Error(result.error.message);
			expect(result.value.pageCount).toBeGreaterThan(500);
			expect(result.value.pageCount).toBeLessThan(2000);
			const pdf = await readPdf(result.value.bytes);
			expect(pdf.pageCount).toBe(result.value.pageCount);
			// + "Zeitplan der Maßnahmen" with one sub-heading per field (the Gantt section, default on)
			expect(pdf.outline.length).toBe(1 + 1 + 3 + 10 + 100 + 2000 + 1 + 10);
			// the last page ends with the last measure's row of the Gantt chart
			const last = flatText(pdf.pages[pdf.pageCount - 1]);
			expect(last).toContain(`Seite ${pdf.pageCount} von ${pdf.pageCount}`);
			expect(last).toContain(`11.10.20 ${p.fields[9].goals[9].measures[19].title}`);
		}, 120_000);
	});
});

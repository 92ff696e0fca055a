/** Indicator charts under the goals in the PDF (issue 14, item 3): drawn, and the values as text. */
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../domain/indicators';
import { examplePlan } from './fixtures';
import { layoutPlan } from './layout';
import { exportPlanPdfNode } from './node';
import { parseExportOptions } from './options';
import { readPdf } from './pdf-reader';

const options = () => {
	const r = parseExportOptions({ type: 'gesamtplan', timeline: 'false' });
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};

function indicatorFor(goalId: string): Indicator {
	return {
		id: 'ind-1',
		goalId,
		name: 'Betreuungsquote unter 3 Jahren',
		unit: '%',
		baseline: { value: 18.5, date: '2025-03-01' },
		target: { value: 35, date: '2030-03-01' },
		values: [
			{ id: 'w1', value: 21.4, date: '2026-03-01', source: 'Kita-Statistik 2026' },
			{ id: 'w2', value: 24, date: '2027-03-01', source: '' }
		],
		createdAt: '',
		updatedAt: ''
	};
}

describe('indicators in the PDF', () => {
	it('puts the chart block right after its goal and nowhere else', () => {
		const plan = examplePlan();
		const goal = plan.fields[0].goals[0];
		const laid = layoutPlan(plan, options(), { indicators: [indicatorFor(goal.id)] });
		const at = laid.blocks.findIndex((b) => b.kind === 'indicator');
		expect(laid.blocks.filter((b) => b.kind === 'indicator')).toHaveLength(1);
		expect(laid.blocks[at - 1]).toMatchObject({ kind: 'table' });
		const none = layoutPlan(plan, options(), {});
		expect(none.blocks.some((b) => b.kind === 'indicator')).toBe(false);
	});

	it('draws the chart and writes the values as copyable text', async () => {
		const plan = examplePlan();
		const goal = plan.fields[0].goals[0];
		const r = exportPlanPdfNode(plan, options(), {
			today: '2026-11-21',
			indicators: [indicatorFor(goal.id)]
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		if (process.env.MITPLAN_PDF_OUT) writeFileSync(process.env.MITPLAN_PDF_OUT, r.value.bytes);
		const pdf = await readPdf(r.value.bytes);
		const page = pdf.pages.find((p) => p.includes('Indikator: Betreuungsquote'));
		expect(page).toBeDefined();
		const flat = page!.replace(/\s+/g, ' ');
		expect(flat).toContain('Ausgangswert 18,5 % (01.03.2025)');
		expect(flat).toContain('01.03.2026: 21,4 % (Kita-Statistik 2026)');
		expect(flat).toContain('Zielwert 35 % bis 01.03.2030');
		expect(flat).toContain('Zielpfad und Zielwert');
	});
});

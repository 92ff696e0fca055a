/**
 * Administrative check verdicts in the PDF (issue 5): in the measure blocks of the Gesamtplan and
 * in the Steckbriefe, read back from the real PDF; measures without a verdict stay unchanged.
 */
import { describe, expect, it } from 'vitest';
import type { AdminCheck } from '../review/types';
import { checksByMeasure } from './checks';
import { examplePlan } from './fixtures';
import { layoutPlan } from './layout';
import { exportPlanPdfNode } from './node';
import { parseExportOptions } from './options';
import { readPdf } from './pdf-reader';

const flat = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ');

function fixture() {
	const plan = examplePlan();
	const measures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
	const [checked, pending] = measures;
	const person = { id: 'u1', name: 'Dora Dezernat', kind: 'user' as const };
	const check = (measureId: string, verdict: AdminCheck['verdict']): AdminCheck => ({
		id: `c-${measureId}`,
		planId: plan.id,
		measureId,
		department: person,
		dueDate: '2026-12-01',
		note: '',
		assignedBy: { id: 'o', name: 'Olga', kind: 'user' },
		assignedAt: '2026-11-01T10:00:00.000Z',
		verdict
	});
	const checks = checksByMeasure([
		check(checked.id, {
			outcome: 'conditional',
			reasons: 'Fachlich sinnvoll; Kosten 40.000 € jährlich.',
			conditions: 'Haushaltsvorbehalt 2027',
			responsibleOffice: 'Amt für Soziales und Integration',
			by: person,
			at: '2026-11-15T09:30:00.000Z'
		}),
		check(pending.id, null)
	]);
	return { plan, checks, checked, pending };
}

function options(type: string) {
	const parsed = parseExportOptions({ type });
	if (!parsed.ok) throw new Error(parsed.error.message);
	return parsed.value;
}

describe('check verdicts in the export', () => {
	it('adds rows to the checked measure only (layout)', () => {
		const { plan, checks, checked, pending } = fixture();
		const laid = layoutPlan(plan, options('gesamtplan'), { checks, today: '2026-11-21' });
		const tables = laid.blocks.flatMap((b) => (b.kind === 'group' ? b.blocks : [b]));
		const rowsOf = (title: string) => {
			const i = tables.findIndex((b) => b.kind === 'heading' && b.text === title);
			const table = tables[i + 1];
			return table.kind === 'table' ? table.rows : [];
		};
		expect(rowsOf(checked.title).slice(-5)).toEqual([
			{ label: 'Verwaltungsprüfung', value: 'Umsetzbar unter Bedingungen' },
			{ label: 'Bedingungen', value: 'Haushaltsvorbehalt 2027' },
			{ label: 'Begründung', value: 'Fachlich sinnvoll; Kosten 40.000 € jährlich.' },
			{ label: 'Zuständiges Amt', value: 'Amt für Soziales und Integration' },
			{ label: 'Geprüft', value: 'Dora Dezernat, 15.11.2026' }
		]);
		expect(rowsOf(pending.title).map((r) => r.label)).not.toContain('Verwaltungsprüfung');
	});

	it('shows the office named as "Prüfende Stelle" (Gesamtplan and Steckbriefe)', () => {
		const { plan, checks, checked } = fixture();
		const withOffice = { ...checks, [checked.id]: { ...checks[checked.id], office: 'Sozialamt' } };
		for (const type of ['gesamtplan', 'steckbriefe']) {
			const laid = layoutPlan(plan, options(type), { checks: withOffice, today: '2026-11-21' });
			const rows = JSON.stringify(laid.blocks);
			expect(rows).toContain('{"label":"Prüfende Stelle","value":"Sozialamt"}');
			const without = layoutPlan(plan, options(type), { checks, today: '2026-11-21' });
			expect(JSON.stringify(without.blocks)).not.toContain('Prüfende Stelle');
		}
	});

	it('leaves the layout unchanged without checks', () => {
		const { plan, checks } = fixture();
		const plain = layoutPlan(plan, options('steckbriefe'), { today: '2026-11-21' });
		const empty = layoutPlan(plan, options('steckbriefe'), { today: '2026-11-21', checks: {} });
		expect(empty).toEqual(plain);
		const withChecks = layoutPlan(plan, options('steckbriefe'), { today: '2026-11-21', checks });
		expect(withChecks).not.toEqual(plain);
	});

	it('shows outcome, conditions, reasons, office, who and when in the PDF (Gesamtplan and Steckbriefe)', async () => {
		const { plan, checks } = fixture();
		for (const type of ['gesamtplan', 'steckbriefe']) {
			const result = exportPlanPdfNode(plan, options(type), { today: '2026-11-21', checks });
			if (!result.ok) throw new Error(result.error.message);
			const text = flat((await readPdf(result.value.bytes)).pages.join(' '));
			expect(text, type).toContain('Verwaltungsprüfung Umsetzbar unter Bedingungen');
			expect(text, type).toContain('Bedingungen Haushaltsvorbehalt 2027');
			expect(text, type).toContain('Amt für Soziales und Integration');
			expect(text, type).toContain('Dora Dezernat, 15.11.2026');
			expect(text.match(/Verwaltungsprüfung Umsetzbar/g), type).toHaveLength(1);
		}
	});
});

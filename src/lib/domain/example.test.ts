import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildExamplePlan, buildPlan, EXAMPLE_TITLE } from './example';
import { readPlan, summarize } from './plan-json';
import { SCHEMA_VERSION } from './types';

describe('buildExamplePlan', () => {
	it('builds a complete, valid plan that readPlan shows in full', () => {
		const doc = new Y.Doc();
		expect(buildExamplePlan(doc)).toEqual({ ok: true, value: undefined });
		const plan = readPlan(doc, 'beispiel');
		expect(plan.meta).toMatchObject({
			title: EXAMPLE_TITLE,
			municipality: 'Brandenburg an der Havel',
			status: 'in_beratung',
			schemaVersion: SCHEMA_VERSION
		});
		expect(summarize(doc, 'beispiel').counts).toEqual({
			principles: 4,
			fields: 5,
			goals: 10,
			measures: 20
		});
		expect(plan.fields.map((f) => f.title)).toEqual([
			'Gesundheit',
			'Wohnen und Unterkunft',
			'Kinder und Familie',
			'Soziale Teilhabe, Sport, Kultur und Religion',
			'Erwachsenenbildung & Arbeitsmarkt'
		]);
		for (const p of plan.principles) {
			for (const f of ['statement', 'rationale', 'evidence', 'vision', 'implications'] as const) {
				expect(p[f].length, `${p.title}.${f}`).toBeGreaterThan(40);
			}
		}
		const principleIds = new Set(plan.principles.map((p) => p.id));
		for (const field of plan.fields) {
			expect(field.situation.length).toBeGreaterThan(100);
			expect(field.workingGroup).toMatch(/^AG /);
			expect(field.goals.length).toBeGreaterThanOrEqual(2);
			for (const goal of field.goals) {
				expect(goal.principleIds.length).toBeGreaterThan(0);
				for (const id of goal.principleIds) expect(principleIds.has(id)).toBe(true);
				expect(goal.indicator).not.toBe('');
				for (const m of goal.measures) {
					expect(m.lead && m.contributors && m.resources && m.startDate && m.endDate).toBeTruthy();
					expect(m.endDate >= m.startDate).toBe(true);
				}
			}
		}
		const titles = plan.fields.flatMap((f) =>
			f.goals.flatMap((g) => g.measures.map((m) => m.title))
		);
		for (const t of [
			'Stadtspaziergänge für Neuzugezogene',
			'Familienzentrum eröffnen',
			'Vereinsmesse'
		]) {
			expect(titles).toContain(t);
		}
	});

	it('refuses to overwrite an existing plan', () => {
		const doc = new Y.Doc();
		buildExamplePlan(doc);
		const r = buildExamplePlan(doc);
		expect(r.ok ? null : r.error.code).toBe('already_initialized');
		expect(summarize(doc, 'x').counts.fields).toBe(5);
	});
});

describe('buildPlan', () => {
	it('builds the requested sizes', () => {
		const doc = new Y.Doc();
		const built = buildPlan(doc, {
			principles: 2,
			fields: 2,
			goalsPerField: 3,
			measuresPerGoal: 4
		});
		expect(built.measures).toHaveLength(24);
		expect(summarize(doc, 'x').counts).toEqual({
			principles: 2,
			fields: 2,
			goals: 6,
			measures: 24
		});
	});

	it('builds a benchmark-sized plan (2,000 measures) in reasonable time', () => {
		const doc = new Y.Doc();
		const t0 = performance.now();
		buildPlan(doc, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
		const built = performance.now() - t0;
		const t1 = performance.now();
		const plan = readPlan(doc, 'gross');
		const read = performance.now() - t1;
		expect(plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures))).toHaveLength(2000);
		expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(500_000);
		expect(built).toBeLessThan(15_000);
		expect(read).toBeLessThan(2_000);
	});
});

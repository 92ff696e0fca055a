/**
 * The page's messages for open points say in German exactly what the domain says (server, PDF),
 * and in English the same thing without German left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkCompleteness, readinessLabel } from '$lib/domain/completeness';
import { initPlan } from '$lib/domain/meta';
import { createItem } from '$lib/domain/plan';
import { readPlan } from '$lib/domain/plan-json';
import { must } from '$lib/domain/testing';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { pointItem, pointMessage, readinessText } from './labels';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

/** A plan that fails most checks (the missing dates in all three ways). */
function brokenPlan() {
	const doc = new Y.Doc();
	must(initPlan(doc, { title: 'Test' }));
	must(createItem(doc, { type: 'principle', values: { title: '', statement: 'x' } }));
	const field = must(createItem(doc, { type: 'field', values: { title: 'Gesundheit' } }));
	must(createItem(doc, { type: 'field', values: { title: 'Leer' } }));
	const goal = must(createItem(doc, { type: 'goal', parentId: field, values: { title: 'Z' } }));
	must(createItem(doc, { type: 'goal', parentId: field, values: { title: 'Ohne' } }));
	const measure = (values: Record<string, unknown>) =>
		must(createItem(doc, { type: 'measure', parentId: goal, values: { title: 'M', ...values } }));
	measure({});
	measure({ startDate: '2026-05-01' });
	measure({ endDate: '2026-05-01', effect: 'e' });
	return checkCompleteness(readPlan(doc, 'p'), { verdicts: new Set() });
}

describe('completeness labels', () => {
	it('say in German what the domain says', () => {
		overwriteGetLocale(() => 'de');
		const result = brokenPlan();
		const codes = new Set(result.points.map((p) => p.code));
		expect(codes.size).toBeGreaterThanOrEqual(11);
		for (const p of result.points) expect(pointMessage(p)).toBe(p.message);
		expect(readinessText('Gesamter Plan', result.plan)).toBe(
			readinessLabel('Gesamter Plan', result.plan)
		);
		expect(readinessText('X', { open: 1, acknowledged: 2 })).toBe(
			readinessLabel('X', { open: 1, acknowledged: 2 })
		);
		expect(readinessText('X', { open: 0, acknowledged: 0 })).toBe('X: vollständig');
		expect(pointItem(result.points[0])).toBe('Leitlinie „Ohne Titel“');
	});

	it('say it in English without German', () => {
		overwriteGetLocale(() => 'en');
		const result = brokenPlan();
		const texts = result.points.map((p) => `${pointItem(p)}: ${pointMessage(p)}`);
		for (const t of texts) expect(t).not.toMatch(/[äöüß„]|\b(und|der|die|das|fehlt|Keine?)\b/);
		expect(texts).toContain('Measure “M”: The start is missing (5).');
		expect(readinessText('Education', { open: 1, acknowledged: 2 })).toBe(
			'Education: 1 open point (2 deliberately open)'
		);
		// an untitled item is known by the flag, not by the German 'Ohne Titel'
		expect(result.points[0].untitled).toBe(true);
		expect(pointItem(result.points[0])).toBe('Guiding principle “Untitled”');
		expect(pointItem({ ...result.points[0], untitled: undefined, itemTitle: 'Ohne Titel' })).toBe(
			'Guiding principle “Ohne Titel”'
		);
	});
});

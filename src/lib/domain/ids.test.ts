import { describe, expect, it } from 'vitest';
import { PLAN_ID_PATTERN, checkPlanId, isValidPlanId, newId } from './ids';

describe('isValidPlanId', () => {
	it('accepts URL- and path-safe ids', () => {
		for (const id of ['a', 'plan-1', 'Beispiel_Plan', 'x'.repeat(64)]) {
			expect(isValidPlanId(id)).toBe(true);
		}
	});
	it('refuses traversal, separators, empty, too long and non-strings', () => {
		for (const id of ['', '../etc', 'a/b', 'a.b', 'a b', 'ä', 'x'.repeat(65), '{x}', 1, null]) {
			expect(isValidPlanId(id)).toBe(false);
		}
	});
});

describe('checkPlanId', () => {
	it('returns the id or an invalid_plan_id error with a German message', () => {
		expect(checkPlanId('plan-1')).toEqual({ ok: true, value: 'plan-1' });
		const r = checkPlanId('../../etc/passwd');
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.code).toBe('invalid_plan_id');
			expect(r.error.message).toMatch(/Plan-Kennung/);
		}
	});
});

describe('newId', () => {
	it('returns 12 URL-safe chars that also pass as plan ids', () => {
		const id = newId();
		expect(id).toHaveLength(12);
		expect(PLAN_ID_PATTERN.test(id)).toBe(true);
	});
	it('does not repeat', () => {
		const ids = new Set(Array.from({ length: 5000 }, () => newId()));
		expect(ids.size).toBe(5000);
	});
});

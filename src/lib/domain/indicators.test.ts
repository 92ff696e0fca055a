/** Validation and series logic of indicators per goal (src/lib/domain/indicators.ts). */
import { describe, expect, it } from 'vitest';
import {
	goalDeletedError,
	indicatorSeries,
	latestMeasurement,
	parseNumber,
	validateIndicator,
	validateMeasurement
} from './indicators';

const goals = new Set(['ziel-1']);
const exists = (id: string) => goals.has(id);

describe('parseNumber', () => {
	it('reads numbers and German decimal text', () => {
		expect(parseNumber(12)).toBe(12);
		expect(parseNumber('12,5')).toBe(12.5);
		expect(parseNumber('1.234,5')).toBe(1234.5);
		expect(parseNumber(' -3.25 ')).toBe(-3.25);
	});
	it('refuses what is not a number', () => {
		for (const raw of ['', 'viele', '12a', '1,2,3', NaN, Infinity, null, undefined, {}, true])
			expect(parseNumber(raw)).toBeNull();
	});
});

describe('validateIndicator', () => {
	const good = {
		goalId: 'ziel-1',
		name: ' Anteil Kita-Kinder mit Sprachförderung ',
		unit: '%',
		baseline: { value: '40', date: '2025-01-01' },
		target: { value: 75, date: '2030-12-31' }
	};

	it('accepts a complete indicator and trims texts', () => {
		const r = validateIndicator(good, exists);
		expect(r).toEqual({
			ok: true,
			value: {
				goalId: 'ziel-1',
				name: 'Anteil Kita-Kinder mit Sprachförderung',
				unit: '%',
				baseline: { value: 40, date: '2025-01-01' },
				target: { value: 75, date: '2030-12-31' }
			}
		});
	});

	it('allows baseline and target to be left out', () => {
		const r = validateIndicator(
			{ goalId: 'ziel-1', name: 'X', baseline: { value: '', date: '' } },
			exists
		);
		expect(r.ok && r.value.baseline === null && r.value.target === null).toBe(true);
	});

	it('refuses an unknown goal', () => {
		const r = validateIndicator({ ...good, goalId: 'ziel-x' }, exists);
		expect(r.ok ? null : r.error.code).toBe('unknown_goal');
		expect(r.ok ? '' : r.error.message).toMatch(/Ziel gibt es im Plan nicht/);
	});

	it('refuses a missing name', () => {
		const r = validateIndicator({ ...good, name: '  ' }, exists);
		expect(r.ok ? null : r.error).toMatchObject({ code: 'name_required', field: 'name' });
	});

	it('refuses a target value that is not a number', () => {
		const r = validateIndicator(
			{ ...good, target: { value: 'dreißig', date: '2030-01-01' } },
			exists
		);
		expect(r.ok ? null : r.error).toMatchObject({ code: 'not_a_number', field: 'target.value' });
		expect(r.ok ? '' : r.error.message).toContain('„dreißig“ ist keine Zahl');
	});

	it('refuses dates in the wrong order', () => {
		const r = validateIndicator(
			{
				...good,
				baseline: { value: 1, date: '2030-01-01' },
				target: { value: 2, date: '2026-01-01' }
			},
			exists
		);
		expect(r.ok ? null : r.error.code).toBe('invalid_dates');
		expect(r.ok ? '' : r.error.message).toBe(
			'Das Zieldatum (01.01.2026) muss nach dem Datum des Ausgangswerts (01.01.2030) liegen.'
		);
	});

	it('refuses a half-filled baseline and a malformed date', () => {
		const half = validateIndicator({ ...good, baseline: { value: 3 } }, exists);
		expect(half.ok ? null : half.error.code).toBe('invalid_date');
		const bad = validateIndicator({ ...good, target: { value: 3, date: '31.12.2030' } }, exists);
		expect(bad.ok ? null : bad.error).toMatchObject({ code: 'invalid_date', field: 'target.date' });
	});

	it('refuses a name that is too long', () => {
		const r = validateIndicator({ ...good, name: 'x'.repeat(121) }, exists);
		expect(r.ok ? null : r.error.code).toBe('text_too_long');
	});
});

describe('validateMeasurement', () => {
	it('accepts value, date and source', () => {
		expect(
			validateMeasurement({ value: '55,5', date: '2026-06-30', source: 'Kita-Statistik' })
		).toEqual({
			ok: true,
			value: { value: 55.5, date: '2026-06-30', source: 'Kita-Statistik' }
		});
	});
	it('refuses a measured value that is not a number', () => {
		const r = validateMeasurement({ value: 'ca. 50', date: '2026-06-30' });
		expect(r.ok ? null : r.error).toMatchObject({ code: 'not_a_number', field: 'value' });
		expect(r.ok ? '' : r.error.message).toMatch(/^Der Messwert „ca\. 50“ ist keine Zahl\./);
	});
	it('refuses an impossible date', () => {
		const r = validateMeasurement({ value: 1, date: '2026-02-30' });
		expect(r.ok ? null : r.error.code).toBe('invalid_date');
	});
});

describe('goalDeletedError', () => {
	it('says in German that the goal is gone', () => {
		expect(goalDeletedError()).toMatchObject({ code: 'goal_deleted' });
		expect(goalDeletedError().message).toMatch(/inzwischen gelöscht/);
	});
});

describe('indicatorSeries', () => {
	const ind = {
		baseline: { value: 40, date: '2025-01-01' },
		target: { value: 75, date: '2030-12-31' },
		values: [
			{ id: 'b', value: 55, date: '2027-01-01', source: '' },
			{ id: 'a', value: 48, date: '2026-01-01', source: '' }
		]
	};

	it('sorts the values after the baseline and draws the target line from the baseline', () => {
		const s = indicatorSeries(ind);
		expect(s.points.map((p) => p.value)).toEqual([40, 48, 55]);
		expect(s.targetLine?.map((p) => p.date)).toEqual(['2025-01-01', '2030-12-31']);
		expect(s.timeDomain).toEqual([Date.UTC(2025, 0, 1), Date.UTC(2030, 11, 31)]);
		// 40 is more than half of 75: the range keeps its start
		expect(s.valueDomain).toEqual([40, 75]);
	});

	it('starts shares from zero when the values are far above it', () => {
		const s = indicatorSeries({ ...ind, baseline: { value: 10, date: '2025-01-01' } });
		expect(s.valueDomain).toEqual([0, 75]);
	});

	it('has nothing to draw without any value', () => {
		const s = indicatorSeries({ baseline: null, target: null, values: [] });
		expect(s.timeDomain).toBeNull();
		expect(s.valueDomain).toBeNull();
		expect(s.targetLine).toBeNull();
	});

	it('widens a single point into a visible range', () => {
		const s = indicatorSeries({
			baseline: null,
			target: null,
			values: [{ id: 'a', value: 5, date: '2026-01-01', source: '' }]
		});
		expect(s.timeDomain![1] - s.timeDomain![0]).toBe(30 * 86_400_000);
		expect(s.valueDomain![0]).toBeLessThan(s.valueDomain![1]);
	});

	it('draws the target line from the first value when there is no baseline', () => {
		const s = indicatorSeries({ ...ind, baseline: null });
		expect(s.targetLine?.[0].date).toBe('2026-01-01');
		expect(latestMeasurement(ind)?.id).toBe('b');
	});
});

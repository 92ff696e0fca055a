/** Zeitplan and timeline labels: German as the domain says it (feed, PDF), English without German. */
import { afterEach, describe, expect, it } from 'vitest';
import { germanDate } from '$lib/domain/schedule';
import { rangeLabel } from '$lib/domain/measure-timeline';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { entryKindLabel, monthNames, periodLabel, scheduleDate } from './labels';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));
const periods: Array<[string, string]> = [
	['2026-03-01', '2026-12-31'],
	['2026-03-01', ''],
	['', '2026-12-31'],
	['', ''],
	['2026-12-31', '2026-03-01']
];

describe('schedule labels', () => {
	it('are the domain’s German texts in German', () => {
		overwriteGetLocale(() => 'de');
		expect(scheduleDate('2026-03-05')).toBe(germanDate('2026-03-05'));
		for (const [s, e] of periods) expect(periodLabel(s, e)).toBe(rangeLabel(s, e));
		expect(monthNames()).toHaveLength(12);
		expect(monthNames()[2]).toBe('Mär');
		expect(entryKindLabel('review_due')).toBe('Prüfanfrage fällig');
	});

	it('are English in English, dates in British order', () => {
		overwriteGetLocale(() => 'en');
		expect(scheduleDate('2026-03-05')).toBe('05/03/2026');
		expect(periodLabel('2026-03-01', '')).toBe('from 01/03/2026, end open');
		expect(monthNames()).toHaveLength(12);
		expect(monthNames()[4]).toBe('May');
		expect(entryKindLabel('milestone')).toBe('Event');
	});
});

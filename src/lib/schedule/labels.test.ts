/** Zeitplan and timeline labels: German as the domain says it (feed, PDF), English without German. */
import { afterEach, describe, expect, it } from 'vitest';
import { germanDate } from '$lib/domain/schedule';
import { rangeLabel } from '$lib/domain/measure-timeline';
import { automaticEntries, timelineRows } from '$lib/domain/schedule-timeline';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import {
	entryKindLabel,
	fieldTitle,
	monthNames,
	periodLabel,
	rowTitle,
	scheduleDate
} from './labels';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));
const round = (id: string, title: string, closedEarly: boolean) => ({
	id,
	title,
	fieldIds: [],
	startsAt: '2027-03-01T08:00:00.000Z',
	endsAt: '2027-03-14T08:00:00.000Z',
	closedEarly,
	closedAt: closedEarly ? '2027-03-10T08:00:00.000Z' : undefined
});
const rows = () =>
	timelineRows({
		phases: [],
		milestones: [],
		automatic: automaticEntries(
			[round('r1', 'Entwurf', false), round('r2', ' ', true)],
			[
				{ id: 'q1', dueDate: '2027-03-20', closed: false, scope: { kind: 'plan' as const } },
				{ id: 'q2', dueDate: '2027-03-21', closed: true, scope: { kind: 'plan' as const } }
			],
			'Europe/Berlin'
		)
	});
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
		const all = rows();
		expect(all).toHaveLength(6);
		for (const r of all) expect(rowTitle(r)).toBe(r.title);
	});

	it('are English in English, dates in British order', () => {
		overwriteGetLocale(() => 'en');
		expect(scheduleDate('2026-03-05')).toBe('05/03/2026');
		expect(periodLabel('2026-03-01', '')).toBe('from 01/03/2026, end open');
		expect(monthNames()).toHaveLength(12);
		expect(monthNames()[4]).toBe('May');
		expect(entryKindLabel('milestone')).toBe('Event');
		const titles = rows().map(rowTitle);
		expect(titles).toContain('Feedback round “Entwurf” starts');
		expect(titles).toContain('Feedback round “Feedback round” ended early');
		expect(titles).toContain('Review request to the core group (closed)');
		for (const t of titles) expect(t).not.toMatch(/Beteiligungsrunde|Prüfanfrage|beginnt|endet/);
	});

	it("names an untitled field (the API sends '') in the interface language", () => {
		overwriteGetLocale(() => 'de');
		expect(fieldTitle('')).toBe('Ohne Titel');
		expect(fieldTitle('Bildung')).toBe('Bildung');
		overwriteGetLocale(() => 'en');
		expect(fieldTitle(' ')).toBe('Untitled');
	});
});

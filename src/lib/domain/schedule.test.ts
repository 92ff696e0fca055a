/**
 * Zeitplan domain: validation of phases and milestones, the default schedule after seed 003,
 * automatic entries, the merged timeline and the next date, and local time → UTC.
 */
import { describe, expect, it } from 'vitest';
import {
	SCHEDULE_LIMITS,
	checkScheduleSize,
	isIsoDate,
	validateMilestone,
	validatePhase,
	type ScheduleMilestone
} from './schedule';
import { defaultSchedule, nextWeekday } from './schedule-default';
import { automaticEntries, nextDate, shortDate, timelineRows } from './schedule-timeline';
import { localDateAndTime, zonedTimeToUtc } from './time-zone';

const fields = new Set(['f1', 'f2']);

describe('validation', () => {
	it('accepts a phase and trims its title', () => {
		const r = validatePhase(
			{ title: '  AG-Phase ', start: '2027-04-01', end: '2027-07-31', fieldId: 'f1' },
			fields
		);
		expect(r).toEqual({
			ok: true,
			value: { title: 'AG-Phase', start: '2027-04-01', end: '2027-07-31', fieldId: 'f1' }
		});
	});

	it('refuses a phase whose end is before its start, in German with both dates', () => {
		const r = validatePhase({ title: 'X', start: '2027-03-15', end: '2027-03-12' }, fields);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.code).toBe('end_before_start');
		expect(r.error.message).toBe('Das Ende (12.03.2027) liegt vor dem Beginn (15.03.2027).');
	});

	it('allows a one-day phase (end = start)', () => {
		expect(validatePhase({ title: 'X', start: '2027-03-12', end: '2027-03-12' }, fields).ok).toBe(
			true
		);
	});

	it('refuses a milestone without a date and one with an impossible date', () => {
		const none = validateMilestone({ title: 'Sitzung' }, fields);
		expect(!none.ok && none.error).toMatchObject({
			code: 'date_required',
			message: 'Bitte geben Sie ein Datum an.'
		});
		const bad = validateMilestone({ title: 'Sitzung', date: '2027-02-30' }, fields);
		expect(!bad.ok && bad.error.code).toBe('invalid_date');
		expect(!bad.ok && bad.error.message).toContain('JJJJ-MM-TT');
		expect(isIsoDate('2027-02-28')).toBe(true);
		expect(isIsoDate('1999-12-31')).toBe(false);
		expect(isIsoDate('27-2-28')).toBe(false);
	});

	it('requires a title and caps title and place lengths', () => {
		const empty = validateMilestone({ title: '   ', date: '2027-03-12' }, fields);
		expect(!empty.ok && empty.error.code).toBe('title_required');
		const long = validateMilestone(
			{ title: 'x'.repeat(SCHEDULE_LIMITS.title + 1), date: '2027-03-12' },
			fields
		);
		expect(!long.ok && long.error.code).toBe('text_too_long');
		const place = validateMilestone(
			{ title: 'x', date: '2027-03-12', place: 'p'.repeat(SCHEDULE_LIMITS.place + 1) },
			fields
		);
		expect(!place.ok && place.error.field).toBe('place');
	});

	it('checks the clock time, the field and unknown keys', () => {
		const ok = validateMilestone(
			{ title: 'x', date: '2027-03-12', time: '18:30', place: 'Rathaus' },
			fields
		);
		expect(ok.ok && ok.value).toEqual({
			title: 'x',
			date: '2027-03-12',
			time: '18:30',
			place: 'Rathaus',
			fieldId: null
		});
		expect(validateMilestone({ title: 'x', date: '2027-03-12', time: '25:00' }, fields).ok).toBe(
			false
		);
		const field = validateMilestone({ title: 'x', date: '2027-03-12', fieldId: 'weg' }, fields);
		expect(!field.ok && field.error.code).toBe('invalid_field');
		const extra = validatePhase(
			{ title: 'x', start: '2027-03-12', end: '2027-03-12', colour: 'red' },
			fields
		);
		expect(!extra.ok && extra.error.message).toContain('colour');
	});

	it('caps the number of entries', () => {
		const m: ScheduleMilestone = {
			id: 'a',
			title: 'x',
			date: '2027-01-01',
			time: null,
			place: '',
			fieldId: null
		};
		const full = checkScheduleSize({
			phases: [],
			milestones: Array(SCHEDULE_LIMITS.milestones + 1).fill(m)
		});
		expect(!full.ok && full.error.code).toBe('schedule_full');
		expect(checkScheduleSize({ phases: [], milestones: [m] }).ok).toBe(true);
	});
});

describe('default schedule (seed 003)', () => {
	const planFields = [
		{ id: 'f1', title: 'Wohnen' },
		{ id: 'f2', title: 'Gesundheit' },
		{ id: 'f3', title: 'Sprache & Bildung' }
	];
	const s = defaultSchedule('2027-03-10', planFields);
	const titles = s.milestones.map((m) => m.title);

	it('has kick-off, two AG meetings per field, Zwischenbericht, final event and council decision', () => {
		expect(s.milestones.find((m) => m.title === 'Auftaktveranstaltung')?.date).toBe('2027-03-10');
		for (const f of planFields) {
			expect(titles).toContain(`1. AG-Sitzung ${f.title}`);
			expect(titles).toContain(`2. AG-Sitzung ${f.title}`);
			expect(titles).not.toContain(`3. AG-Sitzung ${f.title}`);
		}
		expect(s.milestones.find((m) => m.title.startsWith('Zwischenbericht'))?.date).toBe(
			'2027-09-15'
		);
		expect(titles).toContain('Abschlussveranstaltung');
		expect(titles.at(-1)).toBe('Ratsbeschluss');
	});

	it('puts a feedback round right before each meeting and Phase D within two weeks after the last', () => {
		for (const m of s.milestones.filter((x) => x.title.includes('AG-Sitzung'))) {
			const round = s.phases.find((p) => p.title === `Feedbackrunde vor ${m.title}`);
			expect(round, m.title).toBeDefined();
			expect(round!.fieldId).toBe(m.fieldId);
			expect(round!.end < m.date).toBe(true);
			expect(round!.start < round!.end).toBe(true);
		}
		const wohnenD = s.phases.find((p) => p.title === 'Phase D: Verwaltungsprüfung Wohnen')!;
		const last = s.milestones.find((m) => m.title === '2. AG-Sitzung Wohnen')!;
		expect(wohnenD.start > last.date).toBe(true);
		const days = (Date.parse(wohnenD.end) - Date.parse(last.date)) / 86_400_000;
		expect(days).toBe(14);
	});

	it('meets on weekdays, never in the August break, and keeps every end after its start', () => {
		const s3 = defaultSchedule('2027-05-03', planFields, { meetingsPerField: 3 });
		const meetings = s3.milestones.filter((m) => m.title.includes('AG-Sitzung'));
		expect(meetings).toHaveLength(9);
		for (const m of meetings) {
			expect([0, 6]).not.toContain(new Date(`${m.date}T00:00:00Z`).getUTCDay());
			expect(m.date.slice(5, 7)).not.toBe('08');
		}
		for (const p of [...s.phases, ...s3.phases]) expect(p.end >= p.start).toBe(true);
		const ids = [...s3.phases, ...s3.milestones].map((e) => e.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('has a two-week feedback window on the draft before the final event', () => {
		const window = s.phases.find((p) => p.title.startsWith('Feedbackfenster'))!;
		expect((Date.parse(window.end) - Date.parse(window.start)) / 86_400_000).toBe(13);
		const final = s.milestones.find((m) => m.title === 'Abschlussveranstaltung')!;
		expect(final.date > window.end).toBe(true);
	});

	it('moves a late kick-off’s Zwischenbericht to next September; works without fields', () => {
		const late = defaultSchedule('2027-10-04', []);
		expect(late.milestones.find((m) => m.title.startsWith('Zwischenbericht'))?.date).toBe(
			'2028-09-15'
		);
		expect(late.phases.some((p) => p.title === 'Arbeitsgruppenphase')).toBe(false);
		expect(nextWeekday('2027-03-13')).toBe('2027-03-15');
	});
});

describe('timeline', () => {
	const rounds = [
		{
			id: 'r1',
			title: 'Vor der 1. Sitzung',
			fieldIds: ['f1'],
			startsAt: '2027-03-01T08:00:00.000Z',
			endsAt: '2027-03-14T23:30:00.000Z'
		}
	];
	const requests = [
		{ id: 'q1', dueDate: '2027-03-20', closed: false, scope: { kind: 'plan' as const } }
	];
	const automatic = automaticEntries(rounds, requests, 'Europe/Berlin');

	it('makes feedback start/deadline and review due dates in local time', () => {
		expect(automatic.map((a) => [a.kind, a.date, a.time, a.fieldId])).toEqual([
			['feedback_start', '2027-03-01', '09:00', 'f1'],
			// 23:30 UTC is already the next day in Berlin
			['feedback_end', '2027-03-15', '00:30', 'f1'],
			['review_due', '2027-03-20', null, null]
		]);
	});

	it('finds the next date from today (milestones and automatic entries, not phases)', () => {
		const view = {
			phases: [{ id: 'p', title: 'Phase', start: '2027-03-12', end: '2027-04-01', fieldId: null }],
			milestones: [
				{
					id: 'm1',
					title: '3. AG-Sitzung Wohnen',
					date: '2027-03-12',
					time: '18:00',
					place: '',
					fieldId: 'f1'
				},
				{ id: 'm0', title: 'Auftakt', date: '2027-02-01', time: null, place: '', fieldId: null }
			],
			automatic
		};
		expect(nextDate(view, '2027-03-02')?.title).toBe('3. AG-Sitzung Wohnen');
		expect(nextDate(view, '2027-03-13')?.kind).toBe('feedback_end');
		expect(nextDate(view, '2027-04-01')).toBeNull();
		expect(timelineRows(view)).toHaveLength(6);
		expect(shortDate('2027-03-12', '2027-01-05')).toBe('12.03.');
		expect(shortDate('2028-03-12', '2027-01-05')).toBe('12.03.2028');
	});

	it('converts Berlin wall-clock time to UTC across daylight saving', () => {
		expect(new Date(zonedTimeToUtc('2027-03-12', '18:00', 'Europe/Berlin')).toISOString()).toBe(
			'2027-03-12T17:00:00.000Z'
		);
		expect(new Date(zonedTimeToUtc('2027-07-12', '18:00', 'Europe/Berlin')).toISOString()).toBe(
			'2027-07-12T16:00:00.000Z'
		);
		expect(localDateAndTime('not a date')).toBeNull();
	});
});

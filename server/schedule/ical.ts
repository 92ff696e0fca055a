/**
 * The iCalendar text of a plan's Zeitplan (RFC 5545, via ical-generator): phases as all-day
 * events over their days, milestones as all-day events or, with a clock time, as two-hour events
 * (the time is the municipality's local time, written as UTC), automatic entries (feedback rounds,
 * review requests) as all-day events marked "automatisch". UIDs are stable, so a subscribed
 * calendar updates entries instead of duplicating them. The calendar's own words (name, notes,
 * categories, untitled fields, automatic entries) come in the feed's language (`?sprache=`,
 * German by default; texts in messages/schedule, `schedule_ical_…`); titles typed by people stay.
 */
import ical from 'ical-generator';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import type { AutoEntry, AutoEntryKind, Schedule } from '../../src/lib/domain/schedule';
import { addDays } from '../../src/lib/domain/schedule-default';
import { zonedTimeToUtc } from '../../src/lib/domain/time-zone';
import * as t from '../../src/lib/paraglide/messages/_index.js';

/** How long a milestone with a clock time lasts in the calendar. */
export const TIMED_MILESTONE_MINUTES = 120;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

type O = { locale: InterfaceLocale };

const AUTO_KINDS: Record<AutoEntryKind, (i: object, o: O) => string> = {
	feedback_start: t.schedule_auto_feedback_start,
	feedback_end: t.schedule_auto_feedback_end,
	review_due: t.schedule_auto_review_due
};

/** An automatic entry's title in this language (German: as the domain worded it). */
export function autoEntryTitle(a: AutoEntry, o: O): string {
	if (o.locale === 'de') return a.title;
	if (a.kind === 'review_due') {
		if (a.closed === undefined) return a.title;
		return a.closed ? t.schedule_auto_review_closed({}, o) : t.schedule_auto_review_open({}, o);
	}
	if (a.source === undefined) return a.title;
	const name = a.source || t.schedule_auto_round_default({}, o);
	if (a.kind === 'feedback_start') return t.schedule_auto_title_start({ name }, o);
	return a.closed
		? t.schedule_auto_title_closed({ name }, o)
		: t.schedule_auto_title_end({ name }, o);
}

export function buildCalendar(input: {
	planId: string;
	planTitle: string;
	/** The plan's fields; an untitled one has '' (worded here in the feed's language). */
	fields: ReadonlyArray<{ id: string; title: string }>;
	schedule: Schedule;
	automatic: readonly AutoEntry[];
	timeZone: string;
	/** The feed's language (default German). */
	locale?: InterfaceLocale;
}): string {
	const { planId, schedule, automatic, timeZone } = input;
	const o: O = { locale: input.locale ?? 'de' };
	const fieldName = new Map(
		input.fields.map((f) => [f.id, f.title.trim() || t.schedule_ical_untitled({}, o)])
	);
	const title = input.planTitle.trim() || t.schedule_ical_plan_untitled({}, o);
	const cal = ical({
		name: t.schedule_ical_name({ title }, o),
		description: t.schedule_ical_description({ title }, o),
		prodId: {
			company: 'Mitplan',
			product: t.schedule_ical_product({}, o),
			language: o.locale.toUpperCase()
		},
		ttl: 60 * 60
	});
	const stamp = new Date(0);
	const describe = (fieldId: string | null, extra: string[] = []) =>
		[
			fieldId && fieldName.has(fieldId)
				? t.schedule_ical_field({ title: fieldName.get(fieldId)! }, o)
				: '',
			...extra
		]
			.filter(Boolean)
			.join('\n');
	const uid = (id: string) => `${id}@${planId}.mitplan`;

	for (const p of schedule.phases) {
		cal.createEvent({
			id: uid(p.id),
			stamp,
			start: day(p.start),
			end: day(addDays(p.end, 1)),
			allDay: true,
			summary: p.title,
			description: describe(p.fieldId, [t.schedule_ical_phase_note({}, o)]),
			categories: [{ name: t.schedule_ical_category_phase({}, o) }]
		});
	}
	for (const m of schedule.milestones) {
		const timed = m.time !== null;
		const start = timed ? new Date(zonedTimeToUtc(m.date, m.time!, timeZone)) : day(m.date);
		cal.createEvent({
			id: uid(m.id),
			stamp,
			start,
			end: timed
				? new Date(start.getTime() + TIMED_MILESTONE_MINUTES * 60_000)
				: day(addDays(m.date, 1)),
			allDay: !timed,
			summary: m.title,
			location: m.place || undefined,
			description: describe(m.fieldId, [t.schedule_ical_milestone_note({}, o)]),
			categories: [{ name: t.schedule_ical_category_milestone({}, o) }]
		});
	}
	for (const a of automatic) {
		cal.createEvent({
			id: uid(a.id.replace(':', '-')),
			stamp,
			start: day(a.date),
			end: day(addDays(a.date, 1)),
			allDay: true,
			summary: autoEntryTitle(a, o),
			description: describe(a.fieldId, [
				a.time ? t.schedule_ical_time({ time: a.time }, o) : '',
				t.schedule_ical_automatic({ kind: AUTO_KINDS[a.kind]({}, o) }, o)
			]),
			categories: [{ name: t.schedule_ical_category_automatic({}, o) }]
		});
	}
	return cal.toString();
}

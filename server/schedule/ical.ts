/**
 * The iCalendar text of a plan's Zeitplan (RFC 5545, via ical-generator): phases as all-day
 * events over their days, milestones as all-day events or, with a clock time, as two-hour events
 * (the time is the municipality's local time, written as UTC), automatic entries (feedback rounds,
 * review requests) as all-day events marked "automatisch". UIDs are stable, so a subscribed
 * calendar updates entries instead of duplicating them.
 */
import ical from 'ical-generator';
import type { AutoEntry, Schedule } from '../../src/lib/domain/schedule';
import { AUTO_ENTRY_LABELS } from '../../src/lib/domain/schedule';
import { addDays } from '../../src/lib/domain/schedule-default';
import { zonedTimeToUtc } from '../../src/lib/domain/time-zone';

/** How long a milestone with a clock time lasts in the calendar. */
export const TIMED_MILESTONE_MINUTES = 120;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function buildCalendar(input: {
	planId: string;
	planTitle: string;
	fields: ReadonlyArray<{ id: string; title: string }>;
	schedule: Schedule;
	automatic: readonly AutoEntry[];
	timeZone: string;
}): string {
	const { planId, schedule, automatic, timeZone } = input;
	const fieldName = new Map(input.fields.map((f) => [f.id, f.title.trim() || 'Ohne Titel']));
	const title = input.planTitle.trim() || 'Plan ohne Titel';
	const cal = ical({
		name: `Zeitplan – ${title}`,
		description: `Zeitplan des Plans „${title}“ aus Mitplan`,
		prodId: { company: 'Mitplan', product: 'Zeitplan', language: 'DE' },
		ttl: 60 * 60
	});
	const stamp = new Date(0);
	const describe = (fieldId: string | null, extra: string[] = []) =>
		[fieldId && fieldName.has(fieldId) ? `Handlungsfeld: ${fieldName.get(fieldId)}` : '', ...extra]
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
			description: describe(p.fieldId, ['Phase im Zeitplan']),
			categories: [{ name: 'Phase' }]
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
			description: describe(m.fieldId, ['Termin im Zeitplan']),
			categories: [{ name: 'Termin' }]
		});
	}
	for (const a of automatic) {
		cal.createEvent({
			id: uid(a.id.replace(':', '-')),
			stamp,
			start: day(a.date),
			end: day(addDays(a.date, 1)),
			allDay: true,
			summary: a.title,
			description: describe(a.fieldId, [
				a.time ? `Uhrzeit: ${a.time} Uhr` : '',
				`Automatisch: ${AUTO_ENTRY_LABELS[a.kind]}`
			]),
			categories: [{ name: 'Automatisch' }]
		});
	}
	return cal.toString();
}

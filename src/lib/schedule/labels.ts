/**
 * Zeitplan and measure-timeline labels in the interface language. The German helpers in
 * $lib/domain/schedule and $lib/domain/measure-timeline stay as they are for the server, the
 * calendar feed and the PDF; the pages use these instead.
 */
import { intlLocale, m } from '$lib/i18n';
import type { AutoEntryKind } from '$lib/domain/schedule';
import type { TimelineRow } from '$lib/domain/schedule-timeline';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-05" → "05.03.2026" / "05/03/2026" (the calendar day, no time zone shift). */
export function scheduleDate(iso: string): string {
	const d = DATE.exec(iso);
	if (!d) return iso;
	const locale = intlLocale();
	let f = formats.get(locale);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, {
			day: '2-digit',
			month: '2-digit',
			year: 'numeric',
			timeZone: 'UTC'
		});
		formats.set(locale, f);
	}
	return f.format(new Date(Date.UTC(+d[1], +d[2] - 1, +d[3])));
}

const AUTO: Record<AutoEntryKind, () => string> = {
	feedback_start: m.schedule_auto_feedback_start,
	feedback_end: m.schedule_auto_feedback_end,
	review_due: m.schedule_auto_review_due
};

/** "Phase", "Termin" or the automatic entry's kind ("Beteiligungsrunde beginnt" …). */
export function entryKindLabel(kind: 'phase' | 'milestone' | AutoEntryKind): string {
	if (kind === 'phase') return m.schedule_kind_phase();
	if (kind === 'milestone') return m.schedule_kind_milestone();
	return AUTO[kind]();
}

/** A field's title as the Zeitplan API gives it ('' = untitled) for showing. */
export function fieldTitle(title: string): string {
	return title.trim() || m.completeness_untitled();
}

/** Short month names, January first. */
export function monthNames(): string[] {
	return m.schedule_months().split(',');
}

/** A measure's period in words, like the domain's rangeLabel (the timeline's table and rows). */
export function periodLabel(start: string, end: string): string {
	if (start && end) {
		return end < start
			? m.schedule_gantt_range_reversed({ from: scheduleDate(start), to: scheduleDate(end) })
			: `${scheduleDate(start)} – ${scheduleDate(end)}`;
	}
	if (start) return m.schedule_gantt_range_from({ from: scheduleDate(start) });
	if (end) return m.schedule_gantt_range_to({ to: scheduleDate(end) });
	return m.schedule_gantt_range_none();
}

/** An entry's title; automatic ones worded in the interface language (the API's are German). */
export function rowTitle(row: TimelineRow): string {
	if (!row.automatic) return row.title;
	if (row.kind === 'review_due') {
		if (row.closed === undefined) return row.title;
		return row.closed ? m.schedule_auto_review_closed() : m.schedule_auto_review_open();
	}
	if (row.source === undefined) return row.title;
	const name = row.source || m.schedule_auto_round_default();
	if (row.kind === 'feedback_start') return m.schedule_auto_title_start({ name });
	return row.closed ? m.schedule_auto_title_closed({ name }) : m.schedule_auto_title_end({ name });
}

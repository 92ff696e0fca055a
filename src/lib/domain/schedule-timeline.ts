/**
 * Zeitplan as one dated list: the automatic entries made from feedback rounds and review
 * requests (in the municipality's time zone), all entries merged in date order, and the next
 * upcoming date for the board ("Nächster Termin: 3. AG-Sitzung Wohnen, 12.03."). Pure.
 */
import type { AutoEntry, ScheduleView } from './schedule';
import { localDateAndTime } from './time-zone';

/** The parts of a feedback round the Zeitplan shows. */
export interface RoundDates {
	id: string;
	title: string;
	fieldIds: string[];
	startsAt: string;
	endsAt: string;
	closedEarly?: boolean;
	closedAt?: string | null;
}

/** The parts of a review request the Zeitplan shows. */
export interface RequestDates {
	id: string;
	dueDate: string;
	closed: boolean;
	scope: { kind: 'plan' } | { kind: 'field'; fieldId: string };
}

/** Entries for the rounds' start and deadline and the requests' due dates. */
export function automaticEntries(
	rounds: readonly RoundDates[],
	requests: readonly RequestDates[],
	zone: string
): AutoEntry[] {
	const out: AutoEntry[] = [];
	for (const r of rounds) {
		const fieldId = r.fieldIds.length === 1 ? r.fieldIds[0] : null;
		const start = localDateAndTime(r.startsAt, zone);
		const endIso = r.closedEarly && r.closedAt ? r.closedAt : r.endsAt;
		const end = localDateAndTime(endIso, zone);
		const name = r.title.trim() || 'Beteiligungsrunde';
		if (start)
			out.push({
				id: `feedback_start:${r.id}`,
				kind: 'feedback_start',
				title: `Beteiligungsrunde „${name}“ beginnt`,
				source: r.title.trim(),
				date: start.date,
				time: start.time,
				fieldId
			});
		if (end)
			out.push({
				id: `feedback_end:${r.id}`,
				kind: 'feedback_end',
				title: `Beteiligungsrunde „${name}“ ${r.closedEarly ? 'vorzeitig beendet' : 'endet (Frist)'}`,
				source: r.title.trim(),
				closed: r.closedEarly === true,
				date: end.date,
				time: end.time,
				fieldId
			});
	}
	for (const q of requests) {
		out.push({
			id: `review_due:${q.id}`,
			kind: 'review_due',
			title: q.closed
				? 'Prüfanfrage an die Kerngruppe (abgeschlossen)'
				: 'Prüfanfrage an die Kerngruppe fällig',
			closed: q.closed,
			date: q.dueDate,
			time: null,
			fieldId: q.scope.kind === 'field' ? q.scope.fieldId : null
		});
	}
	return out.sort(
		(a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '')
	);
}

/** One row of the merged list (table view, iCal feed, next date). */
export interface TimelineRow {
	id: string;
	kind: 'phase' | 'milestone' | AutoEntry['kind'];
	title: string;
	/** Start (phases) or the date. */
	date: string;
	/** End of a phase, else null. */
	end: string | null;
	time: string | null;
	place: string;
	fieldId: string | null;
	automatic: boolean;
	/** Automatic entries: see AutoEntry. */
	source?: string;
	closed?: boolean;
}

export function timelineRows(
	view: Pick<ScheduleView, 'phases' | 'milestones' | 'automatic'>
): TimelineRow[] {
	const rows: TimelineRow[] = [
		...view.phases.map((p) => ({
			id: p.id,
			kind: 'phase' as const,
			title: p.title,
			date: p.start,
			end: p.end,
			time: null,
			place: '',
			fieldId: p.fieldId,
			automatic: false
		})),
		...view.milestones.map((m) => ({
			id: m.id,
			kind: 'milestone' as const,
			title: m.title,
			date: m.date,
			end: null,
			time: m.time,
			place: m.place,
			fieldId: m.fieldId,
			automatic: false
		})),
		...view.automatic.map((a) => ({
			id: a.id,
			kind: a.kind,
			title: a.title,
			date: a.date,
			end: null,
			time: a.time,
			place: '',
			fieldId: a.fieldId,
			automatic: true,
			source: a.source,
			closed: a.closed
		}))
	];
	return rows.sort(
		(a, b) =>
			a.date.localeCompare(b.date) ||
			(a.time ?? '').localeCompare(b.time ?? '') ||
			a.title.localeCompare(b.title, 'de')
	);
}

/**
 * The next date from `today` (YYYY-MM-DD) on: milestones and automatic entries (phases are
 * periods, not dates); null if none.
 */
export function nextDate(
	view: Pick<ScheduleView, 'phases' | 'milestones' | 'automatic'>,
	today: string
): TimelineRow | null {
	return (
		timelineRows({ phases: [], milestones: view.milestones, automatic: view.automatic }).find(
			(r) => r.date >= today
		) ?? null
	);
}

/** "12.03." in the same year as `today`, else "12.03.2028". */
export function shortDate(iso: string, today: string): string {
	const [y, m, d] = iso.split('-');
	return y === today.slice(0, 4) ? `${d}.${m}.` : `${d}.${m}.${y}`;
}

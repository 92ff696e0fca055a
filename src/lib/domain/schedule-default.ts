/**
 * The default Zeitplan after seed 003 (Tab. 1 and 3), computed from the kick-off date and the
 * plan's fields: invitation four weeks before, the Auftaktveranstaltung, per field two (or three)
 * AG-Sitzungen about four weeks apart on weekdays with a two-week Feedbackrunde before each and
 * Phase D (administrative review) within two weeks after the last one, an AG break in August, the
 * Zwischenbericht for the council's September session, merging with the Kerngruppe, the draft
 * with a two-week feedback window, the Abschlussveranstaltung and the Ratsbeschluss. Pure; the
 * owner applies it to an empty Zeitplan and adapts it.
 */
import type { Schedule, ScheduleMilestone, SchedulePhase } from './schedule';

export interface DefaultScheduleOptions {
	/** AG-Sitzungen per field: 2 (seed 003) or 3 ("nur wenn nötig"). */
	meetingsPerField?: 2 | 3;
}

const DAY = 86_400_000;

function toDate(iso: string): Date {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d));
}

function toIso(date: Date): string {
	return date.toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
	return toIso(new Date(toDate(iso).getTime() + days * DAY));
}

/** Saturday/Sunday move to the next Monday. */
export function nextWeekday(iso: string): string {
	const day = toDate(iso).getUTCDay();
	return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso;
}

/** August is the AG summer break (seed 003): a meeting there moves to the first weekday in September. */
function afterSummerBreak(iso: string): string {
	return iso.slice(5, 7) === '08' ? nextWeekday(`${iso.slice(0, 4)}-09-01`) : iso;
}

const later = (a: string, b: string) => (a > b ? a : b);

/**
 * The default schedule from the kick-off date `start` (YYYY-MM-DD) and the plan's fields in
 * board order. Ids are `std-…`, unique within the result.
 */
export function defaultSchedule(
	start: string,
	fields: ReadonlyArray<{ id: string; title: string }>,
	options: DefaultScheduleOptions = {}
): Schedule {
	const meetings = options.meetingsPerField ?? 2;
	const phases: SchedulePhase[] = [];
	const milestones: ScheduleMilestone[] = [];
	let n = 0;
	const phase = (title: string, s: string, e: string, fieldId: string | null = null) =>
		phases.push({ id: `std-${++n}`, title, start: s, end: e, fieldId });
	const milestone = (title: string, date: string, fieldId: string | null = null) =>
		milestones.push({ id: `std-${++n}`, title, date, time: null, place: '', fieldId });

	const kickOff = nextWeekday(start);
	milestone('Jahresplan veröffentlichen und einladen', nextWeekday(addDays(kickOff, -28)));
	milestone('Auftaktveranstaltung', kickOff);

	// Working groups: meeting round r about 4 weeks after the previous one; the fields' meetings
	// of one round are spread two days apart so one person can attend several.
	let agEnd = kickOff;
	fields.forEach((field, i) => {
		const name = field.title.trim() || `Handlungsfeld ${i + 1}`;
		let previous = kickOff;
		for (let r = 1; r <= meetings; r++) {
			const base = addDays(kickOff, 28 * r + 2 * i);
			const date = nextWeekday(afterSummerBreak(later(base, addDays(previous, 21))));
			phase(
				`Feedbackrunde vor ${r}. AG-Sitzung ${name}`,
				addDays(date, -17),
				addDays(date, -3),
				field.id
			);
			milestone(`${r}. AG-Sitzung ${name}`, date, field.id);
			previous = date;
		}
		const reviewEnd = addDays(previous, 14);
		phase(`Phase D: Verwaltungsprüfung ${name}`, addDays(previous, 1), reviewEnd, field.id);
		agEnd = later(agEnd, reviewEnd);
	});
	const agStart = addDays(kickOff, 1);
	if (fields.length > 0) phase('Arbeitsgruppenphase', agStart, agEnd);

	// Zwischenbericht to the council's September session: the first September at least eight
	// weeks after the kick-off; written in August.
	let year = Number(kickOff.slice(0, 4));
	if (`${year}-09-15` < addDays(kickOff, 56)) year += 1;
	const council = nextWeekday(`${year}-09-15`);
	phase('Zwischenbericht schreiben', `${year}-08-01`, `${year}-08-31`);
	milestone('Zwischenbericht an den Rat (Septembersitzung)', council);

	// Final phase: merge with the Kerngruppe (4 weeks), draft to all actors with a 2-week
	// feedback window, final event a week later, then the council's procedure.
	const mergeStart = addDays(later(agEnd, council), 1);
	const mergeEnd = addDays(mergeStart, 27);
	phase('Ergebnisse mit der Kerngruppe zusammenführen', mergeStart, mergeEnd);
	const draft = nextWeekday(addDays(mergeEnd, 1));
	milestone('Entwurf an alle Beteiligten', draft);
	phase('Feedbackfenster zum Entwurf (2 Wochen)', draft, addDays(draft, 13));
	const finalEvent = nextWeekday(addDays(draft, 21));
	milestone('Abschlussveranstaltung', finalEvent);
	const decision = nextWeekday(addDays(finalEvent, 28));
	phase('Politischer Geschäftsgang', addDays(finalEvent, 1), decision);
	milestone('Ratsbeschluss', decision);

	return { phases, milestones };
}

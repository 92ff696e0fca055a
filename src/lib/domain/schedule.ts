/**
 * Zeitplan (issue 16): the types of a plan's schedule — phases (periods) and milestones (dates),
 * each optionally tied to a Handlungsfeld — plus the automatic entries other services contribute
 * (feedback rounds, review requests), the limits and the validation with German messages. Pure:
 * the server validates every write with it, the browser shows the same messages.
 */

export interface SchedulePhase {
	id: string;
	title: string;
	/** YYYY-MM-DD */
	start: string;
	/** YYYY-MM-DD, not before `start` */
	end: string;
	/** The Handlungsfeld it belongs to, or null for the whole plan. */
	fieldId: string | null;
}

export interface ScheduleMilestone {
	id: string;
	title: string;
	/** YYYY-MM-DD */
	date: string;
	/** HH:MM (local time of the municipality) or null for an all-day date. */
	time: string | null;
	/** Ort, '' if none. */
	place: string;
	fieldId: string | null;
}

export interface Schedule {
	phases: SchedulePhase[];
	milestones: ScheduleMilestone[];
}

/** Where an automatic entry comes from; it is read live from that service, never copied. */
export type AutoEntryKind = 'feedback_start' | 'feedback_end' | 'review_due';

export const AUTO_ENTRY_LABELS: Record<AutoEntryKind, string> = {
	feedback_start: 'Beteiligungsrunde beginnt',
	feedback_end: 'Beteiligungsrunde endet',
	review_due: 'Prüfanfrage fällig'
};

/** A dated entry from feedback rounds or review requests (not editable on the Zeitplan). */
export interface AutoEntry {
	/** `<kind>:<source id>` */
	id: string;
	kind: AutoEntryKind;
	title: string;
	/** The round's own title ('' = none), so the interface can word `title` in its language. */
	source?: string;
	/** The round ended early / the request is closed. */
	closed?: boolean;
	/** YYYY-MM-DD (in the municipality's time zone) */
	date: string;
	time: string | null;
	/** The field it concerns, or null for the whole plan. */
	fieldId: string | null;
}

/** What GET …/zeitplan answers. */
export interface ScheduleView extends Schedule {
	automatic: AutoEntry[];
	/** The plan's fields (id, title) for labels and the field choice. */
	fields: Array<{ id: string; title: string }>;
	/** "Today" in the municipality's time zone (YYYY-MM-DD). */
	today: string;
}

export const SCHEDULE_LIMITS = {
	phases: 120,
	milestones: 240,
	title: 120,
	place: 200
} as const;

export interface ScheduleError {
	code:
		| 'title_required'
		| 'text_too_long'
		| 'date_required'
		| 'invalid_date'
		| 'invalid_time'
		| 'end_before_start'
		| 'invalid_field'
		| 'invalid_value'
		| 'schedule_full';
	message: string;
	/** The offending input, e.g. `end`. */
	field?: string;
}

export type ScheduleResult<T> = { ok: true; value: T } | { ok: false; error: ScheduleError };

const fail = (
	code: ScheduleError['code'],
	message: string,
	field?: string
): { ok: false; error: ScheduleError } => ({ ok: false, error: { code, message, field } });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar day YYYY-MM-DD between 2000 and 2100. */
export function isIsoDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE.exec(value);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (y < 2000 || y > 2100) return false;
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isClockTime(value: unknown): value is string {
	return typeof value === 'string' && TIME.test(value);
}

/** "12.03.2027" */
export function germanDate(iso: string): string {
	const m = DATE.exec(iso);
	return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

function title(body: Record<string, unknown>): ScheduleResult<string> {
	const raw = body.title;
	if (raw !== undefined && typeof raw !== 'string')
		return fail('invalid_value', 'Der Titel muss ein Text sein.', 'title');
	const t = (raw ?? '').trim();
	if (!t) return fail('title_required', 'Bitte geben Sie einen Titel ein.', 'title');
	if (t.length > SCHEDULE_LIMITS.title)
		return fail(
			'text_too_long',
			`Der Titel darf höchstens ${SCHEDULE_LIMITS.title} Zeichen lang sein.`,
			'title'
		);
	return { ok: true, value: t };
}

function date(body: Record<string, unknown>, key: string, label: string): ScheduleResult<string> {
	const v = body[key];
	if (v === undefined || v === null || v === '')
		return fail('date_required', `Bitte geben Sie ${label} an.`, key);
	if (!isIsoDate(v))
		return fail(
			'invalid_date',
			`${label[0].toUpperCase()}${label.slice(1)} ist kein gültiges Datum (JJJJ-MM-TT, Jahr 2000–2100), z. B. 2027-03-12.`,
			key
		);
	return { ok: true, value: v };
}

function fieldId(
	body: Record<string, unknown>,
	fields: ReadonlySet<string> | null
): ScheduleResult<string | null> {
	const v = body.fieldId;
	if (v === undefined || v === null || v === '') return { ok: true, value: null };
	if (typeof v !== 'string' || (fields !== null && !fields.has(v)))
		return fail(
			'invalid_field',
			'Dieses Handlungsfeld gibt es im Plan nicht (mehr). Bitte wählen Sie ein anderes.',
			'fieldId'
		);
	return { ok: true, value: v };
}

function unknownKey(body: Record<string, unknown>, allowed: readonly string[]) {
	const extra = Object.keys(body).find((k) => !allowed.includes(k));
	return extra ? fail('invalid_value', `Unbekannte Angabe „${extra.slice(0, 40)}“.`, extra) : null;
}

const PHASE_KEYS = ['id', 'title', 'start', 'end', 'fieldId'] as const;
const MILESTONE_KEYS = ['id', 'title', 'date', 'time', 'place', 'fieldId'] as const;

/**
 * A phase from user input (`id` is ignored and set by the caller). `fields`: the plan's field
 * ids (null = not checked).
 */
export function validatePhase(
	body: Record<string, unknown>,
	fields: ReadonlySet<string> | null
): ScheduleResult<Omit<SchedulePhase, 'id'>> {
	const extra = unknownKey(body, PHASE_KEYS);
	if (extra) return extra;
	const t = title(body);
	if (!t.ok) return t;
	const start = date(body, 'start', 'den Beginn');
	if (!start.ok) return start;
	const end = date(body, 'end', 'das Ende');
	if (!end.ok) return end;
	if (end.value < start.value)
		return fail(
			'end_before_start',
			`Das Ende (${germanDate(end.value)}) liegt vor dem Beginn (${germanDate(start.value)}).`,
			'end'
		);
	const f = fieldId(body, fields);
	if (!f.ok) return f;
	return {
		ok: true,
		value: { title: t.value, start: start.value, end: end.value, fieldId: f.value }
	};
}

/** A milestone from user input (`id` is ignored and set by the caller). */
export function validateMilestone(
	body: Record<string, unknown>,
	fields: ReadonlySet<string> | null
): ScheduleResult<Omit<ScheduleMilestone, 'id'>> {
	const extra = unknownKey(body, MILESTONE_KEYS);
	if (extra) return extra;
	const t = title(body);
	if (!t.ok) return t;
	const d = date(body, 'date', 'ein Datum');
	if (!d.ok) return d;
	const rawTime = body.time;
	let time: string | null = null;
	if (rawTime !== undefined && rawTime !== null && rawTime !== '') {
		if (!isClockTime(rawTime))
			return fail('invalid_time', 'Die Uhrzeit muss die Form HH:MM haben, z. B. 18:00.', 'time');
		time = rawTime;
	}
	const rawPlace = body.place;
	if (rawPlace !== undefined && rawPlace !== null && typeof rawPlace !== 'string')
		return fail('invalid_value', 'Der Ort muss ein Text sein.', 'place');
	const place = (rawPlace ?? '').trim();
	if (place.length > SCHEDULE_LIMITS.place)
		return fail(
			'text_too_long',
			`Der Ort darf höchstens ${SCHEDULE_LIMITS.place} Zeichen lang sein.`,
			'place'
		);
	const f = fieldId(body, fields);
	if (!f.ok) return f;
	return {
		ok: true,
		value: { title: t.value, date: d.value, time, place, fieldId: f.value }
	};
}

/** Refuses a schedule with more entries than SCHEDULE_LIMITS allows. */
export function checkScheduleSize(schedule: Schedule): ScheduleResult<Schedule> {
	if (schedule.phases.length > SCHEDULE_LIMITS.phases)
		return fail(
			'schedule_full',
			`Ein Zeitplan hat höchstens ${SCHEDULE_LIMITS.phases} Phasen. Bitte löschen Sie zuerst eine.`
		);
	if (schedule.milestones.length > SCHEDULE_LIMITS.milestones)
		return fail(
			'schedule_full',
			`Ein Zeitplan hat höchstens ${SCHEDULE_LIMITS.milestones} Termine. Bitte löschen Sie zuerst einen.`
		);
	return { ok: true, value: schedule };
}

/** Sorted copies: phases by start, milestones by date and time. */
export function sortSchedule(schedule: Schedule): Schedule {
	return {
		phases: [...schedule.phases].sort(
			(a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)
		),
		milestones: [...schedule.milestones].sort(
			(a, b) => a.date.localeCompare(b.date) || (a.time ?? '').localeCompare(b.time ?? '')
		)
	};
}

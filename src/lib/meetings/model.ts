/**
 * Pure Sitzungsmodus rules shared by server and browser: limits, the default agenda (seed 003),
 * validation of a session's fields with German messages, and the countdown computed against the
 * server clock (so a device with a wrong clock still shows the right time).
 */
import type { AgendaStep, MeetingLive, MeetingTimer } from '../contract/meetings';
import type { InterfaceLocale } from '../contract/languages';
import * as t from '../paraglide/messages/_index.js';

export const MEETING_LIMITS = {
	title: 120,
	room: 200,
	videoLink: 500,
	steps: 20,
	stepTitle: 80,
	stepMinutes: 480,
	/** Longest countdown (4 h). */
	timerSeconds: 4 * 3600,
	sessionsPerPlan: 500,
	inRoom: 300,
	name: 80,
	organisation: 120,
	headCount: 10_000
} as const;

/** Seed 003: every working-group meeting runs exploration, then consolidation; seed 004 adds prioritising. */
export const DEFAULT_AGENDA: ReadonlyArray<Omit<AgendaStep, 'id'>> = [
	{ title: 'Begrüßung', minutes: 10 },
	{ title: 'Exploration', minutes: 40 },
	{ title: 'Konsolidierung', minutes: 40 },
	{ title: 'Priorisierung', minutes: 20 },
	{ title: 'Abschluss', minutes: 10 }
];

const DEFAULT_TITLES = [
	t.meetings_agenda_default_1,
	t.meetings_agenda_default_2,
	t.meetings_agenda_default_3,
	t.meetings_agenda_default_4,
	t.meetings_agenda_default_5
];

/** The default agenda with its step names in `locale` (the language of whoever creates the session). */
export function defaultAgenda(locale: InterfaceLocale = 'de'): Array<Omit<AgendaStep, 'id'>> {
	return DEFAULT_AGENDA.map((step, i) => ({
		...step,
		title: DEFAULT_TITLES[i]?.({}, { locale }) ?? step.title
	}));
}

export type Check<T> = { ok: true; value: T } | { ok: false; message: string; field: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
// eslint-disable-next-line no-control-regex -- control characters are refused in one-line texts
const CONTROL = /[\u0000-\u001f\u007f]/;

export function isCalendarDate(value: unknown): value is string {
	if (typeof value !== 'string') return false;
	const m = DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
	return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** A one-line text: trimmed, at most `max` characters, no control characters. */
export function lineText(
	value: unknown,
	field: string,
	label: string,
	max: number,
	/** Message when empty; undefined: may be empty. */
	missing?: string
): Check<string> {
	if (value === undefined || value === null) value = '';
	if (typeof value !== 'string')
		return { ok: false, field, message: `${label}: bitte einen Text angeben.` };
	const text = value.trim();
	if (missing && !text) return { ok: false, field, message: missing };
	if (text.length > max)
		return {
			ok: false,
			field,
			message: `${label} ist zu lang (${text.length.toLocaleString('de-DE')} Zeichen, höchstens ${max}).`
		};
	if (CONTROL.test(text))
		return { ok: false, field, message: `${label} darf keine Steuerzeichen enthalten.` };
	return { ok: true, value: text };
}

export interface MeetingInput {
	title: string;
	date: string;
	time: string;
	room: string;
	videoLink: string;
	fieldId: string | null;
	agenda: Array<Omit<AgendaStep, 'id'> & { id?: string }>;
}

/** Validates the editable fields of a session (all present: merge a patch first). */
/** Checks a session's fields; a missing agenda becomes the default agenda in `locale`. */
export function validateMeetingInput(
	body: Record<string, unknown>,
	locale: InterfaceLocale = 'de'
): Check<MeetingInput> {
	const title = lineText(
		body.title,
		'title',
		'Der Titel',
		MEETING_LIMITS.title,
		'Bitte geben Sie der Sitzung einen Titel.'
	);
	if (!title.ok) return title;
	if (!isCalendarDate(body.date))
		return {
			ok: false,
			field: 'date',
			message: 'Bitte geben Sie ein gültiges Datum an (JJJJ-MM-TT).'
		};
	const time = body.time ?? '';
	if (time !== '' && (typeof time !== 'string' || !TIME.test(time)))
		return { ok: false, field: 'time', message: 'Bitte geben Sie die Uhrzeit als HH:MM an.' };
	const room = lineText(body.room, 'room', 'Der Raum', MEETING_LIMITS.room);
	if (!room.ok) return room;
	const video = lineText(body.videoLink, 'videoLink', 'Der Video-Link', MEETING_LIMITS.videoLink);
	if (!video.ok) return video;
	const fieldId = body.fieldId ?? null;
	if (fieldId !== null && (typeof fieldId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(fieldId)))
		return { ok: false, field: 'fieldId', message: 'Dieses Handlungsfeld gibt es nicht.' };
	const agenda = validateAgenda(body.agenda, locale);
	if (!agenda.ok) return agenda;
	return {
		ok: true,
		value: {
			title: title.value,
			date: body.date,
			time: time as string,
			room: room.value,
			videoLink: video.value,
			fieldId: fieldId as string | null,
			agenda: agenda.value
		}
	};
}

export function validateAgenda(
	value: unknown,
	locale: InterfaceLocale = 'de'
): Check<MeetingInput['agenda']> {
	if (value === undefined) return { ok: true, value: defaultAgenda(locale) };
	if (!Array.isArray(value))
		return {
			ok: false,
			field: 'agenda',
			message: 'Die Tagesordnung muss eine Liste von Schritten sein.'
		};
	if (value.length === 0)
		return {
			ok: false,
			field: 'agenda',
			message: 'Die Tagesordnung braucht mindestens einen Schritt.'
		};
	if (value.length > MEETING_LIMITS.steps)
		return {
			ok: false,
			field: 'agenda',
			message: `Höchstens ${MEETING_LIMITS.steps} Schritte in einer Tagesordnung.`
		};
	const out: MeetingInput['agenda'] = [];
	for (const [i, raw] of value.entries()) {
		const step = (raw ?? {}) as Record<string, unknown>;
		const title = lineText(
			step.title,
			`agenda.${i}.title`,
			`Der Titel von Schritt ${i + 1}`,
			MEETING_LIMITS.stepTitle,
			`Schritt ${i + 1} braucht einen Titel.`
		);
		if (!title.ok) return title;
		const minutes = step.minutes;
		if (
			typeof minutes !== 'number' ||
			!Number.isInteger(minutes) ||
			minutes < 1 ||
			minutes > MEETING_LIMITS.stepMinutes
		)
			return {
				ok: false,
				field: `agenda.${i}.minutes`,
				message: `Schritt ${i + 1}: geplante Minuten als ganze Zahl von 1 bis ${MEETING_LIMITS.stepMinutes}.`
			};
		const id =
			typeof step.id === 'string' && /^[A-Za-z0-9_-]{1,40}$/.test(step.id) ? step.id : undefined;
		out.push({ id, title: title.value, minutes });
	}
	return { ok: true, value: out };
}

/** Milliseconds left on the timer at server time `serverNow` (0 when run out, null: no timer). */
export function timerLeftMs(timer: MeetingTimer, serverNow: number): number | null {
	if (timer.pausedLeftMs !== null) return Math.max(0, timer.pausedLeftMs);
	if (timer.endsAt === null) return null;
	return Math.max(0, timer.endsAt - serverNow);
}

/** `mm:ss` (or `h:mm:ss`) for the countdown. */
export function formatCountdown(ms: number): string {
	const total = Math.ceil(ms / 1000);
	const h = Math.floor(total / 3600);
	const m = Math.floor((total % 3600) / 60);
	const s = total % 60;
	const two = (n: number) => String(n).padStart(2, '0');
	return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/**
 * The offset to add to the local clock to get the server clock, from a push's `serverNow` and the
 * local time it arrived (a wrong device clock cancels out).
 */
export function clockOffset(serverNow: number, localNow: number): number {
	return serverNow - localNow;
}

export function emptyLive(): MeetingLive {
	return {
		status: 'geplant',
		stepIndex: -1,
		steps: [],
		timer: { endsAt: null, pausedLeftMs: null, durationMs: 0 },
		follow: { active: false, itemId: null },
		locked: false,
		hands: [],
		revision: 0
	};
}

/**
 * Who a session's structure lock spares besides the plan's owners: the session's Moderation.
 * One rule for the sync server (server/meetings/locks.ts) and the board (board-lock.svelte.ts).
 */
export function lockExempt(facilitatorId: string | null): string[] {
	return facilitatorId ? [facilitatorId] : [];
}

/**
 * Is the structure locked for this person? No lock: no. Owners never. Otherwise everyone but
 * the exempt (a guest or an unknown principal is never exempt).
 */
export function lockedFor(
	lock: { exempt: readonly string[] } | null,
	who: { principalId: string | undefined; owner: boolean }
): boolean {
	if (!lock || who.owner) return false;
	return !who.principalId || !lock.exempt.includes(who.principalId);
}

/**
 * Pure rules of feedback rounds (browser and server): the round's state, validation of what the
 * owner and the public send, Berlin times. No I/O.
 */
import { isSafeId } from '../contract/ids';
import {
	DECISIONS,
	LIMITS,
	SUBMISSION_KINDS,
	type Decision,
	type Round,
	type RoundState,
	type SubmissionKind
} from './types';

export const TIME_ZONE = 'Europe/Berlin';

export type Check<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

const bad = (code: string, message: string) => ({ ok: false as const, code, message });

/** geplant before startsAt, beendet from endsAt on (or once closed early), offen in between. */
export function roundState(
	round: Pick<Round, 'startsAt' | 'endsAt' | 'closedEarly'>,
	now: number
): RoundState {
	if (round.closedEarly) return 'beendet';
	if (now >= Date.parse(round.endsAt)) return 'beendet';
	if (now < Date.parse(round.startsAt)) return 'geplant';
	return 'offen';
}

/** When the round ended (closed early or deadline passed), else null. */
export function roundEndedAt(
	round: Pick<Round, 'startsAt' | 'endsAt' | 'closedEarly' | 'closedAt'>,
	now: number
): string | null {
	if (round.closedEarly) return round.closedAt ?? round.endsAt;
	return now >= Date.parse(round.endsAt) ? round.endsAt : null;
}

/** "21.11.2026, 14:30 Uhr" in Berlin time. */
export function formatBerlin(iso: string): string {
	const d = new Date(iso);
	if (Number.isNaN(d.getTime())) return '–';
	const s = new Intl.DateTimeFormat('de-DE', {
		timeZone: TIME_ZONE,
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit'
	}).format(d);
	return `${s} Uhr`;
}

/** Offset of Berlin from UTC (ms) at this instant. */
function berlinOffset(epochMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: TIME_ZONE,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	}).formatToParts(new Date(epochMs));
	const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
	const asUtc = Date.UTC(
		get('year'),
		get('month') - 1,
		get('day'),
		get('hour'),
		get('minute'),
		get('second')
	);
	return asUtc - Math.floor(epochMs / 1000) * 1000;
}

/** `YYYY-MM-DDTHH:MM` meant in Berlin → ISO (UTC); null if malformed. */
export function berlinLocalToIso(local: string): string | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
	if (!m) return null;
	const naive = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
	if (Number.isNaN(naive)) return null;
	let t = naive - berlinOffset(naive);
	t = naive - berlinOffset(t); // second pass settles DST edges
	return new Date(t).toISOString();
}

/** ISO → `YYYY-MM-DDTHH:MM` in Berlin (for datetime-local inputs). */
export function isoToBerlinLocal(iso: string): string {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return '';
	return new Date(t + berlinOffset(t)).toISOString().slice(0, 16);
}

// eslint-disable-next-line no-control-regex
const CONTROL_LINE = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function line(value: unknown, max: number, what: string, required: boolean): Check<string> {
	if (value === undefined || value === null) value = '';
	if (typeof value !== 'string') return bad('invalid_value', `${what}: bitte Text angeben.`);
	const v = value.trim();
	if (required && v === '') return bad(`${codeOf(what)}_required`, `Bitte geben Sie ${what} an.`);
	if (v.length > max)
		return bad(`${codeOf(what)}_too_long`, `${cap(what)} darf höchstens ${max} Zeichen lang sein.`);
	if (CONTROL_LINE.test(v))
		return bad('invalid_value', `${cap(what)} enthält ungültige Steuerzeichen.`);
	return { ok: true, value: v };
}

function text(value: unknown, max: number, what: string, required: boolean): Check<string> {
	if (value === undefined || value === null) value = '';
	if (typeof value !== 'string') return bad('invalid_value', `${cap(what)}: bitte Text angeben.`);
	const v = value.replace(/\r\n?/g, '\n').trim();
	if (required && v === '') return bad(`${codeOf(what)}_required`, `Bitte geben Sie ${what} an.`);
	if (v.length > max)
		return bad(
			`${codeOf(what)}_too_long`,
			`${cap(what)} darf höchstens ${max.toLocaleString('de-DE')} Zeichen lang sein (jetzt: ${v.length.toLocaleString('de-DE')}).`
		);
	if (CONTROL_TEXT.test(v))
		return bad('invalid_value', `${cap(what)} enthält ungültige Steuerzeichen.`);
	return { ok: true, value: v };
}

const CODES: Record<string, string> = {
	'einen Titel': 'title',
	'Ihren Beitrag': 'text',
	'den Namen': 'name',
	'eine Einleitung': 'intro',
	'eine Begründung': 'reason'
};
const codeOf = (what: string) => CODES[what] ?? 'value';
const cap = (what: string) =>
	({
		'einen Titel': 'Der Titel',
		'Ihren Beitrag': 'Ihr Beitrag',
		'den Namen': 'Der Name',
		'eine Einleitung': 'Die Einleitung',
		'eine Begründung': 'Die Begründung'
	})[what] ?? what;

export interface SubmissionInput {
	kind: SubmissionKind;
	targetId: string;
	title: string;
	text: string;
	name: string;
}

/** What the public form sends; the target is checked against the round by the server. */
export function validateSubmission(body: Record<string, unknown>): Check<SubmissionInput> {
	if (body.consent !== true) {
		return bad(
			'consent_required',
			'Bitte stimmen Sie der Verarbeitung Ihres Beitrags zu (Kästchen „Einwilligung“).'
		);
	}
	if (!(SUBMISSION_KINDS as readonly unknown[]).includes(body.kind)) {
		return bad(
			'invalid_kind',
			'Bitte wählen Sie, ob Sie ein Ziel, eine Maßnahme oder eine Anmerkung einreichen.'
		);
	}
	if (typeof body.targetId !== 'string' || body.targetId === '' || body.targetId.length > 64) {
		return bad('invalid_target', 'Bitte wählen Sie aus, worauf sich Ihr Beitrag bezieht.');
	}
	const title = line(body.title, LIMITS.titleMax, 'einen Titel', true);
	if (!title.ok) return title;
	const t = text(body.text, LIMITS.textMax, 'Ihren Beitrag', true);
	if (!t.ok) return t;
	const name = line(body.name, LIMITS.nameMax, 'den Namen', false);
	if (!name.ok) return name;
	return {
		ok: true,
		value: {
			kind: body.kind as SubmissionKind,
			targetId: body.targetId,
			title: title.value,
			text: t.value,
			name: name.value
		}
	};
}

export interface RoundInput {
	title: string;
	fieldIds: string[];
	startsAt: string;
	endsAt: string;
	intro: string;
}

function isoTime(value: unknown, what: string): Check<string> {
	if (typeof value !== 'string' || value.length > 40 || Number.isNaN(Date.parse(value))) {
		return bad('invalid_dates', `Bitte geben Sie ${what} als Datum mit Uhrzeit an.`);
	}
	return { ok: true, value: new Date(Date.parse(value)).toISOString() };
}

/** Create (all fields) or update (`partial`: only what is present) a round. */
export function validateRound(body: Record<string, unknown>, partial: false): Check<RoundInput>;
export function validateRound(
	body: Record<string, unknown>,
	partial: true
): Check<Partial<RoundInput>>;
export function validateRound(
	body: Record<string, unknown>,
	partial: boolean
): Check<Partial<RoundInput>> {
	const out: Partial<RoundInput> = {};
	if (!partial || body.title !== undefined) {
		const t = line(body.title, LIMITS.roundTitleMax, 'einen Titel', true);
		if (!t.ok) return t;
		out.title = t.value;
	}
	if (!partial || body.fieldIds !== undefined) {
		const ids = body.fieldIds ?? [];
		if (!Array.isArray(ids) || ids.length > LIMITS.fieldIdsMax || !ids.every(isSafeId)) {
			return bad('invalid_fields', 'Die Auswahl der Handlungsfelder ist ungültig.');
		}
		out.fieldIds = [...new Set(ids as string[])];
	}
	if (!partial || body.startsAt !== undefined) {
		const s = isoTime(body.startsAt, 'den Beginn');
		if (!s.ok) return s;
		out.startsAt = s.value;
	}
	if (!partial || body.endsAt !== undefined) {
		const e = isoTime(body.endsAt, 'die Frist');
		if (!e.ok) return e;
		out.endsAt = e.value;
	}
	if (!partial || body.intro !== undefined) {
		const i = text(body.intro, LIMITS.introMax, 'eine Einleitung', false);
		if (!i.ok) return i;
		out.intro = i.value;
	}
	return { ok: true, value: out };
}

/** The dates of a round (after merging a patch) must make sense. */
export function checkRoundDates(startsAt: string, endsAt: string): Check<null> {
	if (Date.parse(endsAt) <= Date.parse(startsAt)) {
		return bad('invalid_dates', 'Die Frist muss nach dem Beginn liegen.');
	}
	return { ok: true, value: null };
}

export function validateDecision(
	decision: unknown,
	reason: unknown
): Check<{ decision: Decision | null; reason: string }> {
	if (decision !== null && !(DECISIONS as readonly unknown[]).includes(decision)) {
		return bad(
			'invalid_decision',
			'Die Entscheidung muss „übernommen“, „teilweise übernommen“ oder „nicht übernommen“ sein.'
		);
	}
	const r = text(reason, LIMITS.reasonMax, 'eine Begründung', false);
	if (!r.ok) return r;
	if (decision !== null && r.value === '') {
		return bad(
			'reason_required',
			'Bitte begründen Sie die Entscheidung – die Begründung steht in der Abwägungstabelle.'
		);
	}
	return { ok: true, value: { decision: decision as Decision | null, reason: r.value } };
}

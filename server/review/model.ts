/**
 * The pure rules of review (no I/O): input validation, thread changes, decisions, admin-check
 * verdicts and the inbox. The service (service.ts) loads, calls these inside atomic KV updates and
 * stores. Every refusal is a `ReviewError` with a stable code, HTTP status and German message.
 * Over 400 lines because the one message table belongs with the rules that raise its codes.
 */
import { isValidDate } from '../../src/lib/domain/schema';
import {
	MAX_COMMENT_LENGTH,
	MAX_CHECK_OFFICE_LENGTH,
	MAX_COMMENTS_PER_THREAD,
	MAX_INBOX_ENTRIES,
	MAX_REASON_LENGTH,
	type Actor,
	type AdminCheck,
	type CheckOutcome,
	type CheckVerdict,
	type Comment,
	type Notification,
	type ReviewDecision,
	type ReviewVerdict,
	type Thread,
	mayRecordCheckVerdict
} from '../../src/lib/review/types';
import type { ApiError } from '../../src/lib/contract/result';

export const MAX_MESSAGE_LENGTH = 2_000;
export const MAX_OFFICE_LENGTH = 200;
export const MAX_MENTIONS = 20;
export const MAX_REVIEWERS = 50;
export const MAX_CHECK_MEASURES = 500;
/** Threads per plan, requests per plan (open and closed together). */
export const MAX_THREADS_PER_PLAN = 2_000;
export const MAX_REQUESTS_PER_PLAN = 200;

export const REVIEW_MESSAGES = {
	comment_too_long: [
		400,
		`Ein Kommentar darf höchstens ${fmt(MAX_COMMENT_LENGTH)} Zeichen lang sein.`
	],
	comment_empty: [400, 'Bitte schreiben Sie einen Kommentar.'],
	invalid_mention: [
		400,
		'Erwähnt werden können nur Mitglieder dieses Plans, die ihn schon geöffnet haben (nicht „eingeladen“).'
	],
	too_many_mentions: [400, `Ein Kommentar kann höchstens ${MAX_MENTIONS} Personen erwähnen.`],
	item_not_found: [404, 'Diesen Eintrag gibt es nicht (mehr).'],
	thread_not_found: [404, 'Diese Diskussion gibt es nicht (mehr).'],
	comment_not_found: [404, 'Diesen Kommentar gibt es nicht (mehr).'],
	comment_deleted: [409, 'Dieser Kommentar wurde gelöscht und kann nicht mehr bearbeitet werden.'],
	not_own_comment: [403, 'Sie können nur Ihre eigenen Kommentare bearbeiten oder löschen.'],
	thread_full: [
		409,
		`Diese Diskussion hat bereits ${MAX_COMMENTS_PER_THREAD} Kommentare. Bitte beginnen Sie eine neue.`
	],
	too_many_threads: [
		409,
		`Dieser Plan hat bereits ${fmt(MAX_THREADS_PER_PLAN)} Diskussionen. Bitte erledigte löschen oder zusammenfassen.`
	],
	too_many_comments: [
		429,
		'Sie haben sehr viele Kommentare in kurzer Zeit geschrieben. Bitte warten Sie einen Moment.'
	],
	invalid_input: [400, 'Die Angaben sind unvollständig oder ungültig.'],
	invalid_scope: [400, 'Bitte wählen Sie den ganzen Plan oder ein Handlungsfeld zur Prüfung.'],
	invalid_reviewer: [
		400,
		'Prüfen können nur Mitglieder dieses Plans mit der Rolle „Prüfen und kommentieren“ oder höher, die den Plan schon geöffnet haben (nicht „eingeladen“).'
	],
	invalid_due_date: [400, 'Bitte geben Sie ein gültiges Fälligkeitsdatum an (JJJJ-MM-TT).'],
	message_too_long: [
		400,
		`Die Nachricht darf höchstens ${fmt(MAX_MESSAGE_LENGTH)} Zeichen lang sein.`
	],
	too_many_requests: [
		409,
		`Dieser Plan hat bereits ${MAX_REQUESTS_PER_PLAN} Prüfanfragen. Bitte schließen Sie erledigte.`
	],
	request_not_found: [404, 'Diese Prüfanfrage gibt es nicht (mehr).'],
	request_closed: [409, 'Diese Prüfanfrage ist abgeschlossen und nimmt keine Bewertungen mehr an.'],
	not_a_reviewer: [403, 'Sie sind für diese Prüfanfrage nicht als prüfende Person benannt.'],
	not_reviewable: [400, 'Bewertet werden können nur Ziele und Maßnahmen.'],
	out_of_scope: [400, 'Dieser Eintrag gehört nicht zum Umfang dieser Prüfanfrage.'],
	invalid_verdict: [400, 'Bitte wählen Sie „Freigegeben“ oder „Änderungen erbeten“.'],
	comment_required: [400, 'Bitte begründen Sie, welche Änderungen Sie erbitten.'],
	not_a_measure: [400, 'Zur Verwaltungsprüfung können nur Maßnahmen gegeben werden.'],
	invalid_department: [
		400,
		'Die prüfende Stelle muss ein Mitglied dieses Plans mit der Rolle „Prüfen und kommentieren“ oder höher sein, das den Plan schon geöffnet hat (nicht „eingeladen“).'
	],
	check_holder_required: [
		400,
		'Bitte nennen Sie die prüfende Stelle: ein Amt (z. B. „Sozialamt“) oder ein Mitglied des Plans.'
	],
	check_office_too_long: [
		400,
		`Der Name des prüfenden Amts darf höchstens ${MAX_CHECK_OFFICE_LENGTH} Zeichen lang sein.`
	],
	check_not_found: [404, 'Diese Verwaltungsprüfung gibt es nicht (mehr).'],
	not_department: [
		403,
		'Das Ergebnis kann nur die beauftragte Person eintragen (bei einem Amt ohne benannte Person: die Prozesssteuerung).'
	],
	invalid_outcome: [
		400,
		'Bitte wählen Sie „Umsetzbar“, „Umsetzbar unter Bedingungen“ oder „Nicht umsetzbar“.'
	],
	reasons_required: [
		400,
		`Bitte geben Sie eine Begründung an (höchstens ${fmt(MAX_REASON_LENGTH)} Zeichen).`
	],
	conditions_required: [400, 'Bitte nennen Sie die Bedingungen (z. B. Haushaltsvorbehalt).'],
	conditions_too_long: [
		400,
		`Die Bedingungen dürfen höchstens ${fmt(MAX_REASON_LENGTH)} Zeichen lang sein.`
	],
	office_required: [
		400,
		`Bitte nennen Sie das zuständige Amt (1 bis ${MAX_OFFICE_LENGTH} Zeichen).`
	],
	accounts_only: [403, 'Benachrichtigungen gibt es nur für angemeldete Konten, nicht für Gäste.'],
	storage_unavailable: [
		503,
		'Der Speicher ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment noch einmal.'
	]
} as const satisfies Record<string, readonly [number, string]>;

export type ReviewErrorCode = keyof typeof REVIEW_MESSAGES;

function fmt(n: number): string {
	return n.toLocaleString('de-DE');
}

/** A refused review operation; the service turns it into `{ ok: false, error }`. */
export class ReviewError extends Error {
	readonly status: number;
	constructor(
		readonly code: ReviewErrorCode,
		message?: string,
		readonly retryAfterSeconds?: number
	) {
		super(message ?? REVIEW_MESSAGES[code][1]);
		this.name = 'ReviewError';
		this.status = REVIEW_MESSAGES[code][0];
	}

	toApiError(): ApiError {
		return { status: this.status, code: this.code, message: this.message };
	}
}

const err = (code: ReviewErrorCode, message?: string) => new ReviewError(code, message);

// ---------------------------------------------------------------------------------------------
// Input

/** A comment body: trimmed, 1–MAX_COMMENT_LENGTH characters, plain text. */
export function parseBody(raw: unknown): string {
	if (typeof raw !== 'string') throw err('comment_empty');
	const body = raw.replace(/\r\n?/g, '\n').trim();
	if (!body) throw err('comment_empty');
	if (body.length > MAX_COMMENT_LENGTH) throw err('comment_too_long');
	return body;
}

/**
 * Mentioned user ids: unique, each a member of the plan. `members`: the plan's members by user id.
 * error message, which names what was wrong).
 */
export function parseMentions(raw: unknown, members: ReadonlyMap<string, unknown>): string[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw) || raw.some((x) => typeof x !== 'string')) {
		throw err('invalid_mention', 'Erwähnungen müssen eine Liste von Konto-IDs sein.');
	}
	const ids = [...new Set(raw as string[])];
	if (ids.length > MAX_MENTIONS) throw err('too_many_mentions');
	const unknown = ids.filter((id) => !members.has(id));
	if (unknown.length > 0) {
		const shown = unknown
			.slice(0, 3)
			.map((id) => `„${id.slice(0, 40)}“`)
			.join(', ');
		throw err(
			'invalid_mention',
			`Erwähnt werden können nur Mitglieder dieses Plans, die ihn schon geöffnet haben; ${shown} ${unknown.length === 1 ? 'ist' : 'sind'} keines.`
		);
	}
	return ids;
}

export function parseDueDate(raw: unknown): string {
	if (typeof raw !== 'string' || raw === '' || !isValidDate(raw)) throw err('invalid_due_date');
	return raw;
}

export function parseOptionalText(raw: unknown, max: number, code: ReviewErrorCode): string {
	if (raw === undefined || raw === null) return '';
	if (typeof raw !== 'string') throw err(code);
	const text = raw.trim();
	if (text.length > max) throw err(code);
	return text;
}

export function parseVerdict(raw: unknown): ReviewVerdict {
	if (raw !== 'approved' && raw !== 'changes_requested') throw err('invalid_verdict');
	return raw;
}

/** The department's verdict input; `conditional` requires conditions. */
export function parseCheckVerdict(
	input: Record<string, unknown>,
	by: Actor,
	at: string
): CheckVerdict {
	const outcome = input.outcome as CheckOutcome;
	if (!['feasible', 'conditional', 'not_feasible'].includes(outcome as string)) {
		throw err('invalid_outcome');
	}
	const reasons = typeof input.reasons === 'string' ? input.reasons.trim() : '';
	if (!reasons || reasons.length > MAX_REASON_LENGTH) throw err('reasons_required');
	const conditions = parseOptionalText(input.conditions, MAX_REASON_LENGTH, 'conditions_too_long');
	if (outcome === 'conditional' && !conditions) throw err('conditions_required');
	const office = typeof input.responsibleOffice === 'string' ? input.responsibleOffice.trim() : '';
	if (!office || office.length > MAX_OFFICE_LENGTH) throw err('office_required');
	return { outcome, reasons, conditions, responsibleOffice: office, by, at };
}

// ---------------------------------------------------------------------------------------------
// Threads

export function newComment(
	id: string,
	author: Actor,
	body: string,
	mentions: string[],
	at: string
): Comment {
	return { id, author, body, mentions, createdAt: at, editedAt: null, deleted: false };
}

export function newThread(
	id: string,
	planId: string,
	itemId: string | null,
	first: Comment
): Thread {
	return {
		id,
		planId,
		itemId,
		comments: [first],
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		createdAt: first.createdAt,
		updatedAt: first.createdAt
	};
}

/** A reply; a reply to a resolved thread reopens it. */
export function addReply(thread: Thread, comment: Comment): Thread {
	// All comments deleted: the thread is gone (its slot freed), it does not come back.
	if (!isVisibleThread(thread)) throw err('thread_not_found');
	if (thread.comments.length >= MAX_COMMENTS_PER_THREAD) throw err('thread_full');
	return {
		...thread,
		comments: [...thread.comments, comment],
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		updatedAt: comment.createdAt
	};
}

export function setResolved(thread: Thread, resolved: boolean, by: Actor, at: string): Thread {
	if (thread.resolved === resolved) return thread;
	return {
		...thread,
		resolved,
		resolvedBy: resolved ? by : null,
		resolvedAt: resolved ? at : null,
		updatedAt: at
	};
}

function findComment(thread: Thread, commentId: string): Comment {
	const comment = thread.comments.find((c) => c.id === commentId);
	if (!comment) throw err('comment_not_found');
	return comment;
}

/** Only the author edits; a deleted comment cannot be edited. */
export function editComment(
	thread: Thread,
	commentId: string,
	editor: Actor,
	body: string,
	mentions: string[],
	at: string
): Thread {
	const comment = findComment(thread, commentId);
	if (comment.deleted) throw err('comment_deleted');
	if (comment.author.id !== editor.id) throw err('not_own_comment');
	return {
		...thread,
		comments: thread.comments.map((c) =>
			c.id === commentId ? { ...c, body, mentions, editedAt: at } : c
		),
		updatedAt: at
	};
}

/** The author, or an owner (moderation), deletes; the comment keeps its place with an empty body. */
export function deleteComment(
	thread: Thread,
	commentId: string,
	actor: Actor,
	/** The caller may delete other people's comments (policy: review.moderate). */
	mayModerate: boolean,
	at: string
): Thread {
	const comment = findComment(thread, commentId);
	if (comment.author.id !== actor.id && !mayModerate) throw err('not_own_comment');
	if (comment.deleted) return thread;
	return {
		...thread,
		comments: thread.comments.map((c) =>
			c.id === commentId ? { ...c, body: '', mentions: [], deleted: true, editedAt: at } : c
		),
		updatedAt: at
	};
}

/** A thread whose comments are all deleted is gone from every list. */
export const isVisibleThread = (thread: Thread) => thread.comments.some((c) => !c.deleted);

/** Account ids that wrote a (not deleted) comment in the thread. */
export function participants(thread: Thread): string[] {
	const ids = new Set<string>();
	for (const c of thread.comments) {
		if (!c.deleted && c.author.kind === 'user') ids.add(c.author.id);
	}
	return [...ids];
}

// ---------------------------------------------------------------------------------------------
// Decisions and checks

/** The reviewer's new decision replaces their earlier one on the same item. */
export function upsertDecision(
	decisions: ReviewDecision[],
	decision: ReviewDecision
): ReviewDecision[] {
	return [
		...decisions.filter(
			(d) => !(d.itemId === decision.itemId && d.reviewer.id === decision.reviewer.id)
		),
		decision
	];
}

/** Replaces the check of each measure with the new one; returns the checks and the replaced ids. */
export function assignChecks(
	checks: Record<string, AdminCheck>,
	added: AdminCheck[]
): { checks: Record<string, AdminCheck>; replaced: string[] } {
	const measures = new Set(added.map((c) => c.measureId));
	const next: Record<string, AdminCheck> = {};
	const replaced: string[] = [];
	for (const [id, check] of Object.entries(checks)) {
		if (measures.has(check.measureId)) replaced.push(id);
		else next[id] = check;
	}
	for (const check of added) next[check.id] = check;
	return { checks: next, replaced };
}

/** The office of a check assignment: trimmed text, "" when not given; too long → refused. */
export function parseCheckOffice(raw: unknown): string {
	if (raw === undefined || raw === null) return '';
	if (typeof raw !== 'string') throw err('invalid_input');
	const office = raw.trim();
	if (office.length > MAX_CHECK_OFFICE_LENGTH) throw err('check_office_too_long');
	return office;
}

/**
 * The named member records the verdict; for an office-only check (no member) a plan owner
 * records the office's answer on its behalf.
 */
export function recordVerdict(
	check: AdminCheck,
	actor: Actor,
	verdict: CheckVerdict,
	actorIsOwner = false
): AdminCheck {
	if (!mayRecordCheckVerdict(check, actor.id, actorIsOwner)) throw err('not_department');
	return { ...check, verdict };
}

// ---------------------------------------------------------------------------------------------
// Inbox

export function inboxAdd(list: Notification[], notification: Notification): Notification[] {
	if (list.some((n) => n.id === notification.id)) return list;
	return [notification, ...list].slice(0, MAX_INBOX_ENTRIES);
}

export function inboxMarkRead(
	list: Notification[],
	ids: readonly string[] | 'all'
): Notification[] {
	const set = ids === 'all' ? null : new Set(ids);
	return list.map((n) => (!n.read && (!set || set.has(n.id)) ? { ...n, read: true } : n));
}

export const unreadCount = (list: Notification[]) => list.filter((n) => !n.read).length;

/** `YYYY-MM-DD` → `TT.MM.JJJJ` */
export function germanDate(date: string): string {
	const [y, m, d] = date.split('-');
	return y && m && d ? `${d}.${m}.${y}` : date;
}

/** Whole days from `today` (YYYY-MM-DD) until `due` (negative: overdue). */
export function daysUntil(due: string, today: string): number {
	return Math.round(
		(Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000
	);
}

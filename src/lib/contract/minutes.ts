/**
 * The Sitzungsprotokoll contract (issue 13, item 7): what is recorded during a session
 * (decisions, tasks, open questions, each optionally anchored to a plan item), the comment window
 * after the end, the protocol as one display-ready model (page, PDF) and the service the routes
 * call (server/meetings/minutes.ts). Routes have checked the plan role with the gate; the service
 * checks "facilitator or named note-taker" and "attendee" itself.
 */
import type { ApiResult } from './result';
import type { MeetingCaller } from './meetings';
import type { InterfaceLocale } from './languages';

export type MinutesEntryKind = 'decision' | 'task' | 'question';

export const MINUTES_KIND_LABELS: Record<MinutesEntryKind, string> = {
	decision: 'Beschluss',
	task: 'Aufgabe',
	question: 'Offene Frage'
};

export interface MinutesPerson {
	id: string;
	name: string;
}

export interface MinutesEntry {
	id: string;
	kind: MinutesEntryKind;
	/** ≤ 2,000 characters, line breaks allowed. */
	text: string;
	/** The plan item (field, goal, measure, …) it belongs to, or null. */
	itemId: string | null;
	/** Tasks: the plan member named (account id), or null when a free-text name is given. */
	assigneeId: string | null;
	/** Tasks: the name shown (the member's name, or the free text); '' for other kinds. */
	assigneeName: string;
	/** Tasks: YYYY-MM-DD or ''. */
	dueDate: string;
	createdAt: string;
	createdBy: MinutesPerson;
	updatedAt: string;
}

export interface MinutesComment {
	id: string;
	text: string;
	by: MinutesPerson;
	at: string;
}

/** The stored protocol data of one session (KV `mt:min:<planId>:<sessionId>`). */
export interface MinutesRecord {
	entries: MinutesEntry[];
	/** Members (editors or higher) who may record besides the facilitators. */
	noteTakerIds: string[];
	/** Days attendees may comment after the end (1–60, default 7). */
	commentDays: number;
	comments: MinutesComment[];
	/** Task id → the member it was delivered to (no second notification on edit). */
	delivered: Record<string, string>;
}

/**
 * Where the protocol stands: `entwurf` while the session is planned or running (entries can be
 * recorded), `kommentierung` from the end until `commentsUntil`, then `endgueltig` (read-only).
 * Computed from the time, no job needed.
 */
export type ProtocolPhase = 'entwurf' | 'kommentierung' | 'endgueltig';

/** One idea of the idea wall and what became of it (filled when an idea source is wired). */
export interface ProtocolIdea {
	text: string;
	/** e.g. "als Maßnahme „…“ übernommen", "verworfen", "offen". */
	outcome: string;
}

/** The protocol, ready to show: every text is final wording in `locale` (times in the plan's time zone). */
export interface ProtocolModel {
	/** The language every generated word is in (the reader's interface language). */
	locale: InterfaceLocale;
	planId: string;
	sessionId: string;
	planTitle: string;
	municipality: string;
	title: string;
	/** "Donnerstag, 12. März 2027" */
	dateLabel: string;
	/** "18:00–19:42 Uhr" or the planned time, or ''. */
	timeLabel: string;
	room: string;
	videoLink: string;
	facilitator: string;
	noteTakers: string[];
	phase: ProtocolPhase;
	phaseLabel: string;
	/** ISO; null before the end. */
	commentsUntil: string | null;
	/** "bis 19.03.2027 18:42 Uhr" or ''. */
	commentsUntilLabel: string;
	attendance: {
		online: Array<{ name: string; guest: boolean; times: string }>;
		inRoom: Array<{ name: string; organisation: string }>;
		headCount: number;
		/** Distinct people online + named in the room + head count. */
		total: number;
	};
	agenda: Array<{ title: string; planned: string; actual: string }>;
	/** null: no idea source is wired (the section is left out). */
	ideas: ProtocolIdea[] | null;
	votes: Array<{
		title: string;
		status: string;
		voters: number;
		results: Array<{ rank: number; title: string; total: number; online: number; room: number }>;
		/** "Maßnahme „…“: hoch" lines of written-back priorities. */
		priorities: string[];
	}>;
	decisions: ProtocolEntry[];
	tasks: ProtocolEntry[];
	questions: ProtocolEntry[];
	changes: Array<{ time: string; who: string; item: string; what: string }>;
	comments: Array<{ who: string; at: string; text: string }>;
}

export interface ProtocolEntry {
	id: string;
	text: string;
	/** "Maßnahme „Sprachcafé“" or '' (no anchor); "(gelöschtes Element)" when gone. */
	item: string;
	itemId: string | null;
	/** Tasks only. */
	assignee: string;
	due: string;
}

/** What the session page and the protocol page get: the model plus what the caller may do. */
export interface ProtocolView {
	protocol: ProtocolModel;
	entries: MinutesEntry[];
	noteTakerIds: string[];
	commentDays: number;
	canRecord: boolean;
	canSettle: boolean;
	canComment: boolean;
}

/** One decision of the plan-wide log (Gesamtplan appendix). */
export interface DecisionLogRow {
	date: string;
	session: string;
	text: string;
	item: string;
}

/** The push when entries change (socket.io `meeting:minutes`, to the plan room). */
export interface MinutesPush {
	planId: string;
	sessionId: string;
	entries: MinutesEntry[];
}

export interface MinutesService {
	/** The protocol with its generated wording in `locale` (German when not given). */
	view(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		locale?: InterfaceLocale
	): Promise<ApiResult<ProtocolView>>;
	/** `{kind, text, itemId?, assigneeId?, assigneeName?, dueDate?}`; facilitator or note-taker. */
	add(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<MinutesEntry>>;
	update(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		entryId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<MinutesEntry>>;
	remove(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		entryId: string
	): Promise<ApiResult<null>>;
	/** `{commentDays?, noteTakerIds?}`; facilitators only, not once the protocol is final. */
	settings(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>,
		locale?: InterfaceLocale
	): Promise<ApiResult<ProtocolView>>;
	/** `{text}`; attendees with an account, during the comment window. */
	comment(
		caller: MeetingCaller,
		planId: string,
		sessionId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<MinutesComment>>;
	/** The model alone (PDF export). */
	protocol(
		planId: string,
		sessionId: string,
		locale?: InterfaceLocale
	): Promise<ApiResult<ProtocolModel>>;
	/** Decisions of all sessions of the plan, oldest first (Gesamtplan appendix). */
	decisionLog(planId: string, locale?: InterfaceLocale): Promise<ApiResult<DecisionLogRow[]>>;
}

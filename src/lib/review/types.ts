/**
 * Asynchronous review (issue 5): comment threads, core-group review requests with per-reviewer
 * verdicts, the administrative check (Phase D) and the notification inbox. These are the shapes
 * the server (server/review) stores and the JSON API (docs/api.md, "Review") and the socket.io
 * events (src/lib/realtime/events.ts) carry. Review data is not document state: it lives in the
 * access KV (Redis or the embedded store), never in the plan's Y.Doc, so a reviewer who may not
 * edit the plan can still comment, and every write is checked against the plan role on the server.
 */

import type { Actor } from '../contract/actor';

/** Who did something (a member account or a guest who joined through an invite). */
export type { Actor };

/** What a thread, request or verdict is about: the whole plan (`itemId: null`) or one item. */
export type ItemId = string | null;

export const MAX_COMMENT_LENGTH = 5_000;
export const MAX_COMMENTS_PER_THREAD = 200;
export const MAX_REASON_LENGTH = 5_000;

export interface Comment {
	id: string;
	author: Actor;
	/** Plain text (never HTML), 1–MAX_COMMENT_LENGTH characters after trimming. */
	body: string;
	/** User ids of plan members mentioned as `@Name` (resolved and validated by the server). */
	mentions: string[];
	/** ISO timestamps */
	createdAt: string;
	editedAt: string | null;
	/** A deleted comment keeps its place in the thread (body emptied) so replies stay readable. */
	deleted: boolean;
}

/** A comment thread on the plan or on one item; the first comment opens it, the rest reply. */
export interface Thread {
	id: string;
	planId: string;
	itemId: ItemId;
	comments: Comment[];
	resolved: boolean;
	resolvedBy: Actor | null;
	resolvedAt: string | null;
	createdAt: string;
	/** ISO timestamp of the last change (new reply, edit, resolve). */
	updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Core-group review (Kerngruppe)

export type ReviewScope = { kind: 'plan' } | { kind: 'field'; fieldId: string };

/** The owner asks chosen reviewers to review a field (or the whole plan) by a due date. */
export interface ReviewRequest {
	id: string;
	planId: string;
	scope: ReviewScope;
	/** Account ids of plan members (role reviewer or higher). */
	reviewerIds: string[];
	/** `YYYY-MM-DD` */
	dueDate: string;
	/** Optional note to the reviewers, 0–2,000 characters. */
	message: string;
	createdBy: Actor;
	createdAt: string;
	/** Closed by the owner; a closed request takes no more verdicts. */
	closed: boolean;
}

export type ReviewVerdict = 'approved' | 'changes_requested';

export const REVIEW_VERDICT_LABELS: Record<ReviewVerdict, string> = {
	approved: 'Freigegeben',
	changes_requested: 'Änderungen erbeten'
};

/** One reviewer's verdict on one goal or measure (the latest one counts; replaced on change). */
export interface ReviewDecision {
	requestId: string;
	planId: string;
	/** A goal or measure inside the request's scope. */
	itemId: string;
	reviewer: Actor;
	verdict: ReviewVerdict;
	/** Optional for `approved`, required (1–MAX_COMMENT_LENGTH) for `changes_requested`. */
	comment: string;
	/**
	 * `changes_requested` opens a comment thread on the item with the comment (so the owner can
	 * answer and resolve it there); its id. null for `approved`.
	 */
	threadId: string | null;
	at: string;
}

// ---------------------------------------------------------------------------------------------
// Administrative check (Phase D, Verwaltungsprüfung)

export type CheckOutcome = 'feasible' | 'conditional' | 'not_feasible';

export const CHECK_OUTCOME_LABELS: Record<CheckOutcome, string> = {
	feasible: 'Umsetzbar',
	conditional: 'Umsetzbar unter Bedingungen',
	not_feasible: 'Nicht umsetzbar'
};

export interface CheckVerdict {
	outcome: CheckOutcome;
	/** Begründung, 1–MAX_REASON_LENGTH characters. */
	reasons: string;
	/** Bedingungen (e.g. "Haushaltsvorbehalt"), required for `conditional`, else 0–MAX_REASON_LENGTH. */
	conditions: string;
	/** Zuständiges Amt / Federführung, 1–200 characters. */
	responsibleOffice: string;
	by: Actor;
	at: string;
}

/** "Prüfende Stelle" as an office name (e.g. "Sozialamt"): trimmed, at most this many characters. */
export const MAX_CHECK_OFFICE_LENGTH = 120;

/**
 * The owner assigns a measure to a "Prüfende Stelle": an office (free text), a member who answers
 * for it (usually with role reviewer), or both. At least one of the two is always set.
 */
export interface AdminCheck {
	id: string;
	planId: string;
	measureId: string;
	/**
	 * The office that checks, e.g. "Amt für Jugend und Familie" (1–MAX_CHECK_OFFICE_LENGTH
	 * characters). Missing or empty in checks stored before offices existed and when only a
	 * member is named.
	 */
	office?: string;
	/**
	 * The member who answers for the check and records the verdict. null when only an office is
	 * named: then a plan owner (Prozesssteuerung) follows it up and records the office's answer.
	 */
	department: Actor | null;
	/** `YYYY-MM-DD` */
	dueDate: string;
	note: string;
	assignedBy: Actor;
	assignedAt: string;
	/** null until the department has recorded its verdict; may be replaced later. */
	verdict: CheckVerdict | null;
}

/** "Sozialamt (Dora Weber)", "Sozialamt" or "Dora Weber": who checks, for cards, lists and the PDF. */
export function checkHolderLabel(check: Pick<AdminCheck, 'office' | 'department'>): string {
	const office = typeof check.office === 'string' ? check.office.trim() : '';
	const person = check.department?.name ?? '';
	if (office && person) return `${office} (${person})`;
	return office || person || 'Unbekannte Stelle';
}

/** Whether this person records the verdict: the named member, else (office only) a plan owner. */
export function mayRecordCheckVerdict(
	check: Pick<AdminCheck, 'department'>,
	userId: string | null,
	isOwner: boolean
): boolean {
	return check.department ? check.department.id === userId : isOwner;
}

/** Everything the board needs about review in one plan (`GET /api/plans/<id>/review`). */
export interface PlanReviewState {
	threads: Thread[];
	requests: ReviewRequest[];
	decisions: ReviewDecision[];
	checks: AdminCheck[];
}

// ---------------------------------------------------------------------------------------------
// Notifications (in-app inbox, pushed live over socket.io)

export type NotificationKind =
	| 'mention'
	| 'reply'
	| 'review_requested'
	| 'review_verdict'
	| 'check_assigned'
	| 'check_verdict'
	| 'due_soon'
	/** Umsetzung (server/monitoring): a Sachstand is due; the owners' weekly digest. */
	| 'update_due'
	| 'weekly_digest'
	/** Sitzungsprotokoll (server/meetings/minutes-tasks.ts): a task from a session names me. */
	| 'meeting_task';

/** The details of a notice (ids and names as they were when it was sent; days as YYYY-MM-DD). */
export interface NoticeParams {
	/** The item's title ('' = untitled); absent: the whole plan (its title). */
	item?: string;
	/** Office checks of several measures at once: how many. */
	count?: number;
	/** Due day (YYYY-MM-DD). */
	due?: string;
	/** review_verdict */
	verdict?: ReviewVerdict;
	/** check_verdict */
	outcome?: CheckOutcome;
	/** check_assigned: the office the request names. */
	office?: string;
	/** due_soon: a review of mine or an office check; `holder`: who holds an office-only check. */
	of?: 'review' | 'check';
	holder?: string;
	/** weekly_digest */
	overdue?: number;
	changed?: number;
	/** meeting_task: the session's title and the task (shortened to 140 characters). */
	meeting?: string;
	task?: string;
}

export interface Notification {
	id: string;
	kind: NotificationKind;
	planId: string;
	planTitle: string;
	itemId: ItemId;
	threadId: string | null;
	/** Who caused it; null for system notices (due dates). */
	actor: Actor | null;
	/**
	 * What the sentence is built from, in the reader's language (src/lib/review/notice-text.ts,
	 * messages/notices). Absent on notices stored before 05.12.2026 (meeting tasks: before
	 * 06.12.2026): those have only `text`.
	 */
	params?: NoticeParams;
	/**
	 * The sentence for the inbox. Stored only by old notices (German) and kinds without `params`;
	 * the API (`GET /api/notifications`) fills it in the request's language. Show
	 * `noticeText(n, locale)`, which prefers `params`.
	 */
	text?: string;
	createdAt: string;
	read: boolean;
}

export const MAX_INBOX_ENTRIES = 200;

/** `GET /api/notifications` */
export interface Inbox {
	notifications: Notification[];
	unread: number;
}

/** One entry of "what needs my review" (`GET /api/review-queue`), across all my plans. */
export interface ReviewQueueEntry {
	planId: string;
	planTitle: string;
	kind: 'review' | 'check';
	/** The request or check id. */
	id: string;
	/** Goals/measures still without my verdict (review) or the measure (check). */
	itemIds: string[];
	dueDate: string;
	overdue: boolean;
}

/**
 * The review contract: what the app calls on the review service (server/review) — comment
 * threads, review requests and verdicts, administrative checks, inbox and queue. Every write gets
 * the `Caller` whose plan role the gate (server/access) has checked.
 */
import type { Principal } from './access';
import type { InterfaceLocale } from './languages';
import type { RetryableResult } from './result';
import type { PlanRole } from './roles';
import type {
	AdminCheck,
	Inbox,
	Notification,
	PlanReviewState,
	ReviewDecision,
	ReviewQueueEntry,
	ReviewRequest,
	Thread
} from '../review/types';

/** A review answer; a 429 says when to try again. */
export type ReviewResult<T> = RetryableResult<T>;

/** The caller of a plan-scoped operation, with the role the gate checked. */
export interface Caller {
	principal: Principal;
	role: PlanRole;
}

export interface ReviewService {
	state(planId: string): Promise<ReviewResult<PlanReviewState>>;
	createThread(
		c: Caller,
		planId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<Thread>>;
	reply(
		c: Caller,
		planId: string,
		threadId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<Thread>>;
	setThreadResolved(
		c: Caller,
		planId: string,
		threadId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<Thread>>;
	editComment(
		c: Caller,
		planId: string,
		threadId: string,
		commentId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<Thread>>;
	deleteComment(
		c: Caller,
		planId: string,
		threadId: string,
		commentId: string
	): Promise<ReviewResult<Thread>>;
	createRequest(
		c: Caller,
		planId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<ReviewRequest>>;
	setRequestClosed(
		c: Caller,
		planId: string,
		requestId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<ReviewRequest>>;
	/**
	 * "Änderungen erbeten" opens (or continues) a discussion with the reviewer's comment; its lead
	 * words are written in `locale`, the reviewer's language (default German), as content.
	 */
	decide(
		c: Caller,
		planId: string,
		itemId: string,
		input: Record<string, unknown>,
		locale?: InterfaceLocale
	): Promise<ReviewResult<ReviewDecision>>;
	assignChecks(
		c: Caller,
		planId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<AdminCheck[]>>;
	removeCheck(c: Caller, planId: string, checkId: string): Promise<ReviewResult<null>>;
	recordCheckVerdict(
		c: Caller,
		planId: string,
		checkId: string,
		input: Record<string, unknown>
	): Promise<ReviewResult<AdminCheck>>;
	/** Checks of a plan keyed by measure id (PDF export). */
	checksByMeasure(planId: string): Promise<Record<string, AdminCheck>>;
	/** The inbox; each notice's `text` in `locale` (default German; src/lib/review/notice-text.ts). */
	inbox(principal: Principal, locale?: InterfaceLocale): Promise<ReviewResult<Inbox>>;
	markRead(
		principal: Principal,
		input: Record<string, unknown>
	): Promise<ReviewResult<{ unread: number }>>;
	queue(principal: Principal): Promise<ReviewResult<ReviewQueueEntry[]>>;
	/** Removes all review data of a deleted plan (best effort). */
	forgetPlan(planId: string): Promise<void>;
	/** Delivers a system notice into a person's inbox (used by other services, e.g. monitoring). */
	deliver(userId: string, input: Omit<Notification, 'id' | 'createdAt' | 'read'>): Promise<void>;
	/** Sends "due soon" notifications once per request/check and person; returns how many. */
	runReminders(): Promise<number>;
}

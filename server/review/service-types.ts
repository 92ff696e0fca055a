/**
 * The review service's public shape: the interface the API routes and the realtime server call,
 * its dependencies and limits (server/review/service.ts composes it from the sub-domain files).
 */
import type { PlanRole } from '../../src/lib/auth/roles';
import type {
	AdminCheck,
	Inbox,
	PlanReviewState,
	ReviewDecision,
	ReviewQueueEntry,
	ReviewRequest,
	Thread
} from '../../src/lib/review/types';
import type { ApiResult } from '../../src/lib/server/backend';
import type { KvStore } from '../storage/kv';
import type { AccessService, Principal } from '../auth/types';
import type { Logger } from '../log';
import type { ReviewEmitter } from './emitter';
import type { PlanItemsReader } from './items';
import { MAX_THREADS_PER_PLAN } from './model';

export type ReviewResult<T> = ApiResult<T> & { retryAfterSeconds?: number };

/** The caller of a plan-scoped operation, with the role the route checked. */
export interface Caller {
	principal: Principal;
	role: PlanRole;
}

export interface ReviewLimits {
	/** Comment writes (new thread, reply, edit) per principal per minute. */
	commentsPerMinute: number;
	/** Remind of open requests/checks due within this many days. */
	dueSoonDays: number;
	/** Comment writes of all guests of one invite per minute; default 3 × commentsPerMinute. */
	commentsPerInvitePerMinute: number;
	/** Threads with a visible comment per plan (tests lower it). */
	threadsPerPlan: number;
}

export const DEFAULT_REVIEW_LIMITS: ReviewLimits = {
	commentsPerMinute: 20,
	dueSoonDays: 2,
	commentsPerInvitePerMinute: 60,
	threadsPerPlan: MAX_THREADS_PER_PLAN
};

export interface ReviewServiceDeps {
	kv: KvStore;
	access: Pick<AccessService, 'listMembers' | 'plansOf' | 'audit'>;
	readPlan: PlanItemsReader;
	emitter: ReviewEmitter;
	log: Logger;
	limits?: Partial<ReviewLimits>;
	now?: () => number;
	/** TIME_ZONE: "today" for due dates and reminders (default Europe/Berlin, not the server's). */
	timeZone?: string;
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
	decide(
		c: Caller,
		planId: string,
		itemId: string,
		input: Record<string, unknown>
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
	inbox(principal: Principal): Promise<ReviewResult<Inbox>>;
	markRead(
		principal: Principal,
		input: Record<string, unknown>
	): Promise<ReviewResult<{ unread: number }>>;
	queue(principal: Principal): Promise<ReviewResult<ReviewQueueEntry[]>>;
	/** Removes all review data of a deleted plan (best effort). */
	forgetPlan(planId: string): Promise<void>;
	/** Sends "due soon" notifications once per request/check and person; returns how many. */
	runReminders(): Promise<number>;
}

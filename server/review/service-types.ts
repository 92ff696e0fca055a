/**
 * The review service's public shape: the interface the API routes and the realtime server call,
 * its dependencies and limits (server/review/service.ts composes it from the sub-domain files).
 */
import type { KvStore } from '../storage/kv';
import type { AccessService } from '../auth/types';
import type { Logger } from '../log';
import type { ReviewEmitter } from './emitter';
import type { PlanItemsReader } from './items';
import type { Notification } from '../../src/lib/review/types';
import { MAX_THREADS_PER_PLAN } from './model';

/** The interface the app calls is the shared contract (src/lib/contract/review.ts). */
export type { Caller, ReviewResult, ReviewService } from '../../src/lib/contract/review';

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
	/** Called after a notification reached a person's inbox (e-mail, server/mail). Must not throw. */
	onDelivered?: (userId: string, notification: Notification) => void;
}

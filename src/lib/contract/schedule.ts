/**
 * The Zeitplan contract: what the app calls on the schedule service (server/schedule) — the
 * plan's phases and milestones, the default schedule, and each member's calendar feed (iCal
 * subscription with a revocable token). Routes have checked the plan role with the gate.
 */
import type { Principal } from './access';
import type { InterfaceLocale } from './languages';
import type { ApiResult } from './result';
import type { Schedule, ScheduleMilestone, SchedulePhase, ScheduleView } from '../domain/schedule';

/** The own calendar subscription of a member on one plan (the token is shown only once). */
export interface FeedStatus {
	active: boolean;
	/** ISO timestamp of the current link, null if none. */
	createdAt: string | null;
}

export interface ScheduleService {
	/** Phases, milestones, the automatic entries (feedback rounds, review requests) and fields. */
	view(planId: string): Promise<ApiResult<ScheduleView>>;
	/** Replaces the whole schedule (every entry validated). */
	replace(planId: string, body: Record<string, unknown>): Promise<ApiResult<Schedule>>;
	addPhase(planId: string, body: Record<string, unknown>): Promise<ApiResult<SchedulePhase>>;
	updatePhase(
		planId: string,
		id: string,
		body: Record<string, unknown>
	): Promise<ApiResult<SchedulePhase>>;
	deletePhase(planId: string, id: string): Promise<ApiResult<null>>;
	addMilestone(
		planId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<ScheduleMilestone>>;
	updateMilestone(
		planId: string,
		id: string,
		body: Record<string, unknown>
	): Promise<ApiResult<ScheduleMilestone>>;
	deleteMilestone(planId: string, id: string): Promise<ApiResult<null>>;
	/** `{start: YYYY-MM-DD, meetingsPerField?: 2|3}`: the default schedule; 409 if not empty. */
	applyDefault(planId: string, body: Record<string, unknown>): Promise<ApiResult<Schedule>>;
	feedStatus(planId: string, principal: Principal): Promise<ApiResult<FeedStatus>>;
	/** A new feed token for this account and plan (an older one stops working). Accounts only. */
	createFeed(
		planId: string,
		principal: Principal
	): Promise<ApiResult<FeedStatus & { token: string }>>;
	revokeFeed(planId: string, principal: Principal): Promise<ApiResult<null>>;
	/**
	 * The iCalendar text behind a feed token: 404 unknown, 410 revoked or access lost. Its own
	 * words in `locale` (default German).
	 */
	calendar(
		token: string,
		locale?: InterfaceLocale
	): Promise<ApiResult<{ ics: string; planId: string }>>;
	/** The plan was deleted: its schedule and feed tokens go with it. */
	forgetPlan(planId: string): Promise<void>;
}

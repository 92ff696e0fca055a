/**
 * The review service, composed of its sub-domain parts (threads.ts, requests.ts, checks.ts,
 * inbox.ts, queue.ts, reminders.ts over context.ts and thread-store.ts): comment threads,
 * core-group review requests and decisions, the administrative check (Phase D), the notification inbox, "what needs my review" and the due-date
 * reminders. Review data lives in the access KV (Redis `mitplan:app:review:*` or the embedded
 * store), never in the plan's Y.Doc. The API routes check the minimum plan role; this service
 * checks everything else (named reviewer, assigned department, own comment, item exists) and
 * answers with `ApiResult`s carrying stable codes and German messages.
 *
 * KV keys:
 *   review:plan:<planId>:thread-ids           JSON   string[]: thread ids with a visible comment
 *                                                    (atomic, capped; replaces the older set
 *                                                    `review:plan:<planId>:threads`, read once)
 *   review:thread:<planId>:<threadId>         JSON   Thread (atomic updates)
 *   review:plan:<planId>:requests             JSON   ReviewRequest[]
 *   review:plan:<planId>:decisions:<reqId>    JSON   ReviewDecision[] of one request
 *   review:plan:<planId>:checks               JSON   { [checkId]: AdminCheck }
 *   review:plans                              set    plans with requests or checks (reminders)
 *   review:inbox:<userId>                     JSON   Notification[] newest first (capped)
 *   review:rl:<principalId>                   counter comment writes in the current minute
 *   review:rl:invite:<inviteId>               counter the same for all guests of one invite
 *   review:due:<kind>:<id>:<userId>           string "due soon" sent (set-if-absent)
 */
import { isValidPlanId } from '../../src/lib/domain/ids';
import type { Notification } from '../../src/lib/review/types';
import type { ReviewService, ReviewServiceDeps } from './service-types';
import { K, parse, createReviewContext } from './context';
import { createThreadStore } from './thread-store';
import { createNotifier, inboxOperations } from './inbox';
import { threadOperations } from './threads';
import { requestOperations } from './requests';
import { checkOperations } from './checks';
import { queueOperations } from './queue';
import { reminderOperations } from './reminders';

export type {
	Caller,
	ReviewLimits,
	ReviewResult,
	ReviewService,
	ReviewServiceDeps
} from './service-types';
export { DEFAULT_REVIEW_LIMITS } from './service-types';

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
	const ctx = createReviewContext(deps);
	const { kv, log, run, members, readRequests, readChecks, readDecisions } = ctx;
	const threads = createThreadStore(ctx);
	const { threadIds, readThreads } = threads;
	const notifier = createNotifier(ctx);
	const service: ReviewService = {
		state: (planId) =>
			run('state', async () => {
				const [threads, requests, checks] = await Promise.all([
					readThreads(planId),
					readRequests(planId),
					readChecks(planId)
				]);
				const decisions = (
					await Promise.all(requests.map((r) => readDecisions(planId, r.id)))
				).flat();
				return { threads, requests, decisions, checks: Object.values(checks) };
			}),
		...threadOperations(ctx, threads, notifier),
		...requestOperations(ctx, threads, notifier),
		...checkOperations(ctx, notifier),
		...inboxOperations(ctx),
		...queueOperations(ctx),
		...reminderOperations(ctx, notifier),
		deliver: notifier.deliver,

		async forgetPlan(planId) {
			if (!isValidPlanId(planId)) return;
			const [ids, legacy, requests] = await Promise.all([
				threadIds(planId),
				kv.sMembers(K.legacyThreads(planId)),
				readRequests(planId)
			]);
			await kv.del([
				...[...new Set([...ids, ...legacy])].map((id) => K.thread(planId, id)),
				...requests.map((r) => K.decisions(planId, r.id)),
				K.threads(planId),
				K.legacyThreads(planId),
				K.requests(planId),
				K.checks(planId)
			]);
			await kv.sRem(K.plans, planId);
			// Notifications about the plan go too (they quote its title and comments). Called before
			// the members are forgotten; a member's inbox that fails to update is left as it is.
			for (const userId of (await members(planId)).keys()) {
				await kv
					.update(K.inbox(userId), (raw) => {
						const list = parse<Notification[]>(raw, []);
						const kept = list.filter((n) => n.planId !== planId);
						return kept.length === list.length
							? { result: null }
							: { value: JSON.stringify(kept), result: null };
					})
					.catch((error) => log.warn('inbox clean-up failed', { planId, userId, error }));
			}
		}
	};
	return service;
}

/**
 * Feedback rounds (Beteiligungsrunden), composed of its parts: rounds.ts, public.ts (public
 * submissions), triage.ts and consideration.ts (Abwägungstabelle) over context.ts. Persists into the access KV (Redis `mitplan:app:*` or
 * the embedded file store); reads and writes plan content through the live rooms, so a goal or
 * measure made from a submission reaches every connected client at once.
 *
 * Keys:
 *   fb:plan:<planId>:rounds        set     round ids of a plan
 *   fb:round:<roundId>             JSON    Round
 *   fb:token:<token>               string  roundId (the public link)
 *   fb:round:<roundId>:subs        set     submission ids
 *   fb:round:<roundId>:seq         string  last submission number (atomic update; also the cap)
 *   fb:sub:<roundId>:<subId>       JSON    Submission (one key each, no huge JSON)
 *   fb:origin:<planId>:<itemId>    set     `<roundId>/<subId>` of submissions linked to/made into it
 *   fb:rl:<sha256(round+address)>  counter submissions per address and round (window TTL)
 *   fb:claim:<roundId>:<subId>     string  an item is being made from the submission (short TTL)
 *   fb:round:<roundId>:merging     string  merge lock: one duplicate merge per round at a time (TTL)
 *
 * No IP address is stored in a submission; the rate-limit key holds only a hash and expires
 * with its window.
 */
import { K, createFeedbackContext, type FeedbackDeps } from './context';
import { createTriageHelpers, triageOperations } from './triage';
import { roundOperations } from './rounds';
import { considerationOperations } from './consideration';
import { publicOperations } from './public';

export { DEFAULT_FEEDBACK_LIMITS, type FeedbackDeps, type FeedbackLimits } from './context';

export type FeedbackService = ReturnType<typeof createFeedbackService>;

export function createFeedbackService(deps: FeedbackDeps) {
	const ctx = createFeedbackContext(deps);
	const { kv, limits } = ctx;
	const helpers = createTriageHelpers(ctx);
	const service = {
		limits,
		...roundOperations(ctx, helpers),

		/** The plan was deleted: its rounds, links and submissions go with it. */
		async forgetPlan(planId: string): Promise<void> {
			const ids = await kv.sMembers(K.planRounds(planId));
			for (const id of ids) await service.deleteRound(planId, id, null);
			await kv.del(K.planRounds(planId));
		},

		...triageOperations(ctx, helpers),
		...considerationOperations(ctx),
		...publicOperations(ctx)
	};
	return service;
}

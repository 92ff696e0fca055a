/**
 * "What needs my review": the open review requests and administrative checks of one person over
 * all their plans (for owners also the open checks assigned to an office alone), oldest due first.
 */
import { allows } from '../../src/lib/contract/policy';
import { mayRecordCheckVerdict, type ReviewQueueEntry } from '../../src/lib/review/types';
import type { ReviewService } from './service-types';
import { type ReviewContext } from './context';

export function queueOperations(ctx: ReviewContext): Pick<ReviewService, 'queue'> {
	const { deps, access, run, today, readRequests, readChecks, readDecisions, scopeItems } = ctx;
	return {
		queue: (principal) =>
			run('review queue', async () => {
				if (principal.kind !== 'user') return [];
				const plans = await access.plansOf(principal.id);
				const out: ReviewQueueEntry[] = [];
				const day = today();
				await Promise.all(
					plans.map(async ({ planId, role }) => {
						const [requests, checks] = await Promise.all([
							readRequests(planId),
							readChecks(planId)
						]);
						const mine = requests.filter((r) => !r.closed && r.reviewerIds.includes(principal.id));
						// A check assigned to an office alone has nobody to answer in Mitplan: it is the
						// owners' task to follow it up and record the office's answer.
						const myChecks = Object.values(checks).filter(
							(ch) =>
								ch.verdict === null &&
								mayRecordCheckVerdict(ch, principal.id, allows(role, 'review.manage'))
						);
						if (mine.length === 0 && myChecks.length === 0) return;
						const plan = await deps.readPlan(planId).catch(() => null);
						if (!plan) return;
						const decisionsOf = await Promise.all(mine.map((r) => readDecisions(planId, r.id)));
						for (const [i, r] of mine.entries()) {
							const decided = new Set(
								decisionsOf[i].filter((d) => d.reviewer.id === principal.id).map((d) => d.itemId)
							);
							const itemIds = scopeItems(plan, r.scope).filter((id) => !decided.has(id));
							if (itemIds.length === 0) continue;
							out.push({
								planId,
								planTitle: plan.title,
								kind: 'review',
								id: r.id,
								itemIds,
								dueDate: r.dueDate,
								overdue: r.dueDate < day
							});
						}
						for (const ch of myChecks) {
							if (!plan.items.has(ch.measureId)) continue;
							out.push({
								planId,
								planTitle: plan.title,
								kind: 'check',
								id: ch.id,
								itemIds: [ch.measureId],
								dueDate: ch.dueDate,
								overdue: ch.dueDate < day
							});
						}
					})
				);
				return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
			})
	};
}

/**
 * Due-date reminders: sends a "due soon" notification once per open request/check and person.
 */
import { noticeItem } from './items';
import { daysUntil } from './model';
import type { ReviewService } from './service-types';
import { K, type ReviewContext } from './context';
import { type Notifier, type NotifyInput } from './inbox';

export function reminderOperations(
	ctx: ReviewContext,
	notifier: Notifier
): Pick<ReviewService, 'runReminders'> {
	const { deps, kv, log, limits, today, members, readRequests, readChecks, readDecisions } = ctx;
	const { scopeItems } = ctx;
	const { deliver } = notifier;
	return {
		async runReminders() {
			let sent = 0;
			const day = today();
			for (const planId of await kv.sMembers(K.plans)) {
				try {
					const [requests, checks] = await Promise.all([readRequests(planId), readChecks(planId)]);
					const open = requests.filter((r) => !r.closed);
					const openChecks = Object.values(checks).filter((ch) => ch.verdict === null);
					if (open.length === 0 && openChecks.length === 0) continue;
					const plan = await deps.readPlan(planId);
					if (!plan) {
						await kv.sRem(K.plans, planId);
						continue;
					}
					const m = await members(planId);
					const due = (d: string) => daysUntil(d, day) <= limits.dueSoonDays;
					const once = async (kind: string, id: string, userId: string, input: NotifyInput) => {
						if (!m.has(userId)) return;
						const first = await kv.set(K.due(kind, id, userId), day, {
							ifAbsent: true,
							ttlMs: 90 * 86_400_000
						});
						if (!first) return;
						try {
							await deliver(userId, input);
						} catch (error) {
							// Not delivered: the next run tries again instead of never.
							await kv.del(K.due(kind, id, userId)).catch(() => {});
							throw error;
						}
						sent++;
					};
					for (const r of open.filter((x) => due(x.dueDate))) {
						const items = scopeItems(plan, r.scope);
						const decisions = await readDecisions(planId, r.id);
						for (const userId of r.reviewerIds) {
							const decided = new Set(
								decisions.filter((d) => d.reviewer.id === userId).map((d) => d.itemId)
							);
							if (items.every((id) => decided.has(id))) continue;
							await once('request', r.id, userId, {
								kind: 'due_soon',
								planId,
								planTitle: plan.title,
								itemId: r.scope.kind === 'field' ? r.scope.fieldId : null,
								threadId: null,
								actor: null,
								params: {
									...noticeItem(plan, r.scope.kind === 'field' ? r.scope.fieldId : null),
									due: r.dueDate,
									of: 'review'
								}
							});
						}
					}
					for (const ch of openChecks.filter((x) => due(x.dueDate))) {
						if (!plan.items.has(ch.measureId)) continue;
						// Office only: remind the owner who assigned it to follow it up.
						await once('check', ch.id, ch.department?.id ?? ch.assignedBy.id, {
							kind: 'due_soon',
							planId,
							planTitle: plan.title,
							itemId: ch.measureId,
							threadId: null,
							actor: null,
							params: {
								...noticeItem(plan, ch.measureId),
								due: ch.dueDate,
								of: 'check',
								// Office only: the office's name ('' → "unknown office" when shown).
								...(ch.department ? {} : { holder: ch.office?.trim() ?? '' })
							}
						});
					}
				} catch (error) {
					log.warn('[review] reminders failed for a plan', { planId, error });
				}
			}
			return sent;
		}
	};
}

/**
 * The administrative check (Phase D): assign measures to a "Prüfende Stelle" (an office, a member
 * or both), remove an assignment, record the verdict (the named member; for an office alone a plan
 * owner records the office's answer), and the checks by measure for the PDF export.
 */
import { allows, isReviewCandidate } from '../../src/lib/contract/policy';
import { newId } from '../../src/lib/domain/ids';
import type { Actor, AdminCheck } from '../../src/lib/review/types';
import {
	CHECK_OUTCOME_LABELS,
	checkHolderLabel,
	mayRecordCheckVerdict
} from '../../src/lib/review/types';
import { actorOf } from '../../src/lib/contract/actor';
import { noticeItem } from './items';
import {
	MAX_CHECK_MEASURES,
	MAX_MESSAGE_LENGTH,
	ReviewError,
	assignChecks,
	parseCheckVerdict,
	parseCheckOffice,
	parseDueDate,
	parseOptionalText,
	recordVerdict
} from './model';
import type { ReviewService } from './service-types';
import { K, fail, ownCheck, parse, type ReviewContext } from './context';
import { type Notifier } from './inbox';

export function checkOperations(
	ctx: ReviewContext,
	notifier: Notifier
): Pick<ReviewService, 'assignChecks' | 'removeCheck' | 'recordCheckVerdict' | 'checksByMeasure'> {
	const { kv, access, emitter, run, iso, loadPlan, members, namedMembers, readChecks } = ctx;
	const { notify } = notifier;
	return {
		assignChecks: (c, planId, input) =>
			run('assign checks', async () => {
				const raw = input.measureIds;
				if (
					!Array.isArray(raw) ||
					raw.length === 0 ||
					raw.length > MAX_CHECK_MEASURES ||
					raw.some((x) => typeof x !== 'string')
				) {
					fail('invalid_input', `Bitte wählen Sie 1 bis ${MAX_CHECK_MEASURES} Maßnahmen.`);
				}
				const measureIds = [...new Set(raw as string[])];
				const dueDate = parseDueDate(input.dueDate);
				const note = parseOptionalText(input.note, MAX_MESSAGE_LENGTH, 'message_too_long');
				const plan = await loadPlan(planId);
				for (const id of measureIds) {
					const item = plan.items.get(id);
					if (!item) fail('item_not_found');
					if (item!.type !== 'measure') fail('not_a_measure');
				}
				const office = parseCheckOffice(input.office);
				const deptId = input.departmentUserId;
				const named = deptId !== undefined && deptId !== null && deptId !== '';
				if (!named && !office) fail('check_holder_required');
				const m = await namedMembers(planId);
				let department: Actor | null = null;
				if (named) {
					const dept = typeof deptId === 'string' ? m.get(deptId) : undefined;
					if (!dept || !isReviewCandidate(dept.role)) fail('invalid_department');
					department = { id: deptId as string, name: dept!.name, kind: 'user' };
				}
				const holder = checkHolderLabel({ office, department });
				const assignedBy = actorOf(c.principal);
				const at = iso();
				const added: AdminCheck[] = measureIds.map((measureId) => ({
					id: newId(),
					planId,
					measureId,
					office,
					department,
					dueDate,
					note,
					assignedBy,
					assignedAt: at,
					verdict: null
				}));
				const replaced = await kv.update(K.checks(planId), (rawChecks) => {
					const next = assignChecks(parse<Record<string, AdminCheck>>(rawChecks, {}), added);
					return { value: JSON.stringify(next.checks), result: next.replaced };
				});
				await kv.sAdd(K.plans, planId);
				for (const id of replaced) emitter.toPlan(planId, 'review:check-removed', planId, id);
				for (const check of added) emitter.toPlan(planId, 'review:check', planId, check);
				await access
					.audit(planId, c.principal, 'check_assigned', {
						measures: added.length,
						department: holder,
						dueDate
					})
					.catch(() => {});
				// An office without a named member has no account to tell; the owner follows it up.
				await notify(department ? [department.id] : [], m, {
					kind: 'check_assigned',
					planId,
					planTitle: plan.title,
					itemId: added.length === 1 ? added[0].measureId : null,
					threadId: null,
					actor: assignedBy,
					params: {
						...(added.length === 1
							? noticeItem(plan, added[0].measureId)
							: { count: added.length }),
						due: dueDate,
						...(office ? { office } : {})
					}
				});
				return added;
			}),

		removeCheck: (c, planId, checkId) =>
			run('remove check', async () => {
				const removed = await kv.update(K.checks(planId), (rawChecks) => {
					const checks = parse<Record<string, AdminCheck>>(rawChecks, {});
					const found = ownCheck(checks, checkId);
					if (!found) return { result: null };
					delete checks[checkId];
					return { value: JSON.stringify(checks), result: found };
				});
				if (!removed) return fail('check_not_found');
				emitter.toPlan(planId, 'review:check-removed', planId, checkId);
				await access
					.audit(planId, c.principal, 'check_removed', { department: checkHolderLabel(removed) })
					.catch(() => {});
				return null;
			}),

		recordCheckVerdict: (c, planId, checkId, input) =>
			run('check verdict', async () => {
				const checks = await readChecks(planId);
				const existing = ownCheck(checks, checkId) ?? fail('check_not_found');
				// An office-only check is answered by whoever manages reviews (policy: review.manage).
				const isOwner = allows(c.role, 'review.manage');
				if (!mayRecordCheckVerdict(existing, c.principal.id, isOwner)) fail('not_department');
				const plan = await loadPlan(planId);
				if (plan.items.get(existing.measureId)?.type !== 'measure') fail('item_not_found');
				const actor = actorOf(c.principal);
				const verdict = parseCheckVerdict(input, actor, iso());
				const updated = await kv.update<{ check: AdminCheck } | { error: ReviewError }>(
					K.checks(planId),
					(rawChecks) => {
						const all = parse<Record<string, AdminCheck>>(rawChecks, {});
						const check = ownCheck(all, checkId);
						if (!check) return { result: { error: new ReviewError('check_not_found') } };
						try {
							const next = recordVerdict(check, actor, verdict, isOwner);
							all[checkId] = next;
							return { value: JSON.stringify(all), result: { check: next } };
						} catch (error) {
							if (error instanceof ReviewError) return { result: { error } };
							throw error;
						}
					}
				);
				if ('error' in updated) throw updated.error;
				emitter.toPlan(planId, 'review:check', planId, updated.check);
				await access
					.audit(planId, c.principal, 'check_verdict', {
						outcome: CHECK_OUTCOME_LABELS[verdict.outcome],
						office: verdict.responsibleOffice.slice(0, 100)
					})
					.catch(() => {});
				const m = await members(planId);
				await notify([existing.assignedBy.id], m, {
					kind: 'check_verdict',
					planId,
					planTitle: plan.title,
					itemId: existing.measureId,
					threadId: null,
					actor,
					params: { ...noticeItem(plan, existing.measureId), outcome: verdict.outcome }
				});
				return updated.check;
			}),

		async checksByMeasure(planId) {
			const out: Record<string, AdminCheck> = {};
			for (const check of Object.values(await readChecks(planId))) out[check.measureId] = check;
			return out;
		}
	};
}

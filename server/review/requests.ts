/**
 * Core-group review requests and verdicts: ask named reviewers for a review of the plan or one
 * field, close/reopen a request, and record a reviewer's decision on a goal or measure ("changes
 * requested" also opens or continues a comment thread).
 */
import { isReviewCandidate } from '../../src/lib/contract/policy';
import { newId } from '../../src/lib/domain/ids';
import type {
	ReviewDecision,
	ReviewRequest,
	ReviewScope,
	Thread
} from '../../src/lib/review/types';
import { actorOf } from '../../src/lib/contract/actor';
import * as t from '../../src/lib/paraglide/messages/_index.js';
import { itemLabel, noticeItem, type PlanItems } from './items';
import {
	MAX_MESSAGE_LENGTH,
	MAX_REQUESTS_PER_PLAN,
	MAX_REVIEWERS,
	addReply,
	newComment,
	newThread,
	parseBody,
	parseDueDate,
	parseOptionalText,
	parseVerdict,
	upsertDecision
} from './model';
import type { ReviewService } from './service-types';
import { K, fail, parse, type ReviewContext } from './context';
import { type ThreadStore } from './thread-store';
import { type Notifier } from './inbox';

function parseScope(raw: unknown, plan: PlanItems): ReviewScope {
	const r = (raw ?? {}) as Record<string, unknown>;
	if (r.kind === 'plan') return { kind: 'plan' };
	if (r.kind === 'field') {
		if (typeof r.fieldId !== 'string' || plan.items.get(r.fieldId)?.type !== 'field') {
			fail('item_not_found');
		}
		return { kind: 'field', fieldId: r.fieldId as string };
	}
	return fail('invalid_scope');
}

export function requestOperations(
	ctx: ReviewContext,
	threads: ThreadStore,
	notifier: Notifier
): Pick<ReviewService, 'createRequest' | 'setRequestClosed' | 'decide'> {
	const {
		kv,
		access,
		emitter,
		run,
		iso,
		loadPlan,
		members,
		namedMembers,
		rateLimit,
		readRequests
	} = ctx;
	const { readDecisions, scopeItems } = ctx;
	const { storeNewThread, updateThread } = threads;
	const { notify } = notifier;
	return {
		createRequest: (c, planId, input) =>
			run('create review request', async () => {
				const plan = await loadPlan(planId);
				const scope = parseScope(input.scope, plan);
				const dueDate = parseDueDate(input.dueDate);
				const message = parseOptionalText(input.message, MAX_MESSAGE_LENGTH, 'message_too_long');
				const raw = input.reviewerIds;
				if (
					!Array.isArray(raw) ||
					raw.length === 0 ||
					raw.length > MAX_REVIEWERS ||
					raw.some((x) => typeof x !== 'string')
				) {
					fail('invalid_reviewer', `Bitte wählen Sie 1 bis ${MAX_REVIEWERS} prüfende Personen.`);
				}
				const reviewerIds = [...new Set(raw as string[])];
				const m = await namedMembers(planId);
				const bad = reviewerIds.filter((id) => !isReviewCandidate(m.get(id)?.role));
				if (bad.length > 0) fail('invalid_reviewer');
				const request: ReviewRequest = {
					id: newId(),
					planId,
					scope,
					reviewerIds,
					dueDate,
					message,
					createdBy: actorOf(c.principal),
					createdAt: iso(),
					closed: false
				};
				const stored = await kv.update(K.requests(planId), (rawList) => {
					const list = parse<ReviewRequest[]>(rawList, []);
					if (list.length >= MAX_REQUESTS_PER_PLAN) return { result: false };
					return { value: JSON.stringify([...list, request]), result: true };
				});
				if (!stored) fail('too_many_requests');
				await kv.sAdd(K.plans, planId);
				emitter.toPlan(planId, 'review:request', planId, request);
				await access
					.audit(planId, c.principal, 'review_requested', {
						scope: scope.kind === 'field' ? itemLabel(plan, scope.fieldId) : 'Gesamter Plan',
						reviewers: reviewerIds.length,
						dueDate
					})
					.catch(() => {});
				await notify(reviewerIds, m, {
					kind: 'review_requested',
					planId,
					planTitle: plan.title,
					itemId: scope.kind === 'field' ? scope.fieldId : null,
					threadId: null,
					actor: request.createdBy,
					params: {
						...noticeItem(plan, scope.kind === 'field' ? scope.fieldId : null),
						due: dueDate
					}
				});
				return request;
			}),

		setRequestClosed: (c, planId, requestId, input) =>
			run('close review request', async () => {
				if (typeof input.closed !== 'boolean') {
					fail(
						'invalid_input',
						'Bitte geben Sie an, ob die Prüfanfrage abgeschlossen ist (closed: true/false).'
					);
				}
				const closed = input.closed as boolean;
				const updated = await kv.update(K.requests(planId), (rawList) => {
					const list = parse<ReviewRequest[]>(rawList, []);
					const found = list.find((r) => r.id === requestId);
					if (!found) return { result: null };
					const next = { ...found, closed };
					return {
						value: JSON.stringify(list.map((r) => (r.id === requestId ? next : r))),
						result: next
					};
				});
				if (!updated) return fail('request_not_found');
				emitter.toPlan(planId, 'review:request', planId, updated);
				await access
					.audit(planId, c.principal, closed ? 'review_closed' : 'review_reopened', {
						dueDate: updated.dueDate
					})
					.catch(() => {});
				return updated;
			}),

		decide: (c, planId, itemId, input, locale = 'de') =>
			run('review decision', async () => {
				const verdict = parseVerdict(input.verdict);
				const requests = await readRequests(planId);
				const request = requests.find((r) => r.id === input.requestId);
				if (!request) fail('request_not_found');
				const req = request as ReviewRequest;
				if (!req.reviewerIds.includes(c.principal.id) || c.principal.kind !== 'user') {
					fail('not_a_reviewer');
				}
				if (req.closed) fail('request_closed');
				const plan = await loadPlan(planId);
				const item = plan.items.get(itemId);
				if (!item) fail('item_not_found');
				if (item!.type !== 'goal' && item!.type !== 'measure') fail('not_reviewable');
				if (!scopeItems(plan, req.scope).includes(itemId)) fail('out_of_scope');
				let comment = '';
				if (verdict === 'changes_requested') {
					if (typeof input.comment !== 'string' || !input.comment.trim()) fail('comment_required');
					comment = parseBody(input.comment);
				} else if (input.comment !== undefined && input.comment !== null && input.comment !== '') {
					comment = parseBody(input.comment);
				}
				const reviewer = actorOf(c.principal);
				const at = iso();
				let threadId: string | null = null;
				if (verdict === 'changes_requested') {
					await rateLimit(c.principal);
					const earlier = (await readDecisions(planId, req.id)).find(
						(d) => d.itemId === itemId && d.reviewer.id === reviewer.id && d.threadId
					);
					// Written into the discussion (content) in the reviewer's language.
					const text = t.review_changes_requested_comment({ comment }, { locale }).slice(0, 5_000);
					const reply = newComment(newId(), reviewer, text, [], at);
					let thread: Thread | null = null;
					if (earlier?.threadId) {
						thread = await updateThread(planId, earlier.threadId, (t) => addReply(t, reply)).catch(
							() => null
						);
					}
					if (!thread) {
						thread = newThread(newId(), planId, itemId, reply);
						await storeNewThread(planId, thread);
						emitter.toPlan(planId, 'review:thread', planId, thread);
					}
					threadId = thread.id;
				}
				const decision: ReviewDecision = {
					requestId: req.id,
					planId,
					itemId,
					reviewer,
					verdict,
					comment,
					threadId,
					at
				};
				await kv.update(K.decisions(planId, req.id), (raw) => ({
					value: JSON.stringify(upsertDecision(parse<ReviewDecision[]>(raw, []), decision)),
					result: null
				}));
				emitter.toPlan(planId, 'review:decision', planId, decision);
				const m = await members(planId);
				await notify([req.createdBy.id], m, {
					kind: 'review_verdict',
					planId,
					planTitle: plan.title,
					itemId,
					threadId,
					actor: reviewer,
					params: { ...noticeItem(plan, itemId), verdict }
				});
				return decision;
			})
	};
}

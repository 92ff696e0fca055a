/**
 * The review service: comment threads, core-group review requests and decisions, the
 * administrative check (Phase D), the notification inbox, "what needs my review" and the due-date
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
import { roleAtLeast, type PlanRole } from '../../src/lib/contract/roles';
import { newId } from '../../src/lib/domain/ids';
import { isValidPlanId } from '../../src/lib/domain/ids';
import type {
	Actor,
	AdminCheck,
	Inbox,
	ItemId,
	Notification,
	PlanReviewState,
	ReviewDecision,
	ReviewQueueEntry,
	ReviewRequest,
	ReviewScope,
	Thread
} from '../../src/lib/review/types';
import { CHECK_OUTCOME_LABELS } from '../../src/lib/review/types';
import type { ApiResult } from '../../src/lib/server/backend';
import { PLAN_ERRORS } from '../../src/lib/server/backend';
import { isKvError, type KvStore } from '../auth/kv';
import type { AccessService, Principal } from '../auth/types';
import type { Logger } from '../log';
import { actorOf } from '../../src/lib/server/actor';
import type { ReviewEmitter } from './emitter';
import { fieldOf, itemLabel, type PlanItems, type PlanItemsReader } from './items';
import {
	MAX_CHECK_MEASURES,
	MAX_MESSAGE_LENGTH,
	MAX_REQUESTS_PER_PLAN,
	MAX_REVIEWERS,
	MAX_THREADS_PER_PLAN,
	ReviewError,
	addReply,
	assignChecks,
	daysUntil,
	deleteComment,
	editComment,
	germanDate,
	inboxAdd,
	inboxMarkRead,
	isVisibleThread,
	newComment,
	newThread,
	parseBody,
	parseCheckVerdict,
	parseDueDate,
	parseMentions,
	parseOptionalText,
	parseVerdict,
	participants,
	recordVerdict,
	setResolved,
	unreadCount,
	upsertDecision
} from './model';

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

const K = {
	/** The thread index before it became an atomically capped JSON list (read to seed it). */
	legacyThreads: (p: string) => `review:plan:${p}:threads`,
	threads: (p: string) => `review:plan:${p}:thread-ids`,
	thread: (p: string, t: string) => `review:thread:${p}:${t}`,
	requests: (p: string) => `review:plan:${p}:requests`,
	decisions: (p: string, r: string) => `review:plan:${p}:decisions:${r}`,
	checks: (p: string) => `review:plan:${p}:checks`,
	plans: 'review:plans',
	inbox: (u: string) => `review:inbox:${u}`,
	rate: (id: string) => `review:rl:${id}`,
	due: (kind: string, id: string, u: string) => `review:due:${kind}:${id}:${u}`
};

function parse<T>(raw: string | null, fallback: T): T {
	if (raw === null) return fallback;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

const fail = (code: ConstructorParameters<typeof ReviewError>[0], message?: string) => {
	throw new ReviewError(code, message);
};
const validId = (id: string) => typeof id === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(id);

/** The check stored under this id – own properties only (never `toString`, `__proto__`, …). */
const ownCheck = (checks: Record<string, AdminCheck>, id: string): AdminCheck | undefined =>
	validId(id) && Object.hasOwn(checks, id) ? checks[id] : undefined;

export function createReviewService(deps: ReviewServiceDeps): ReviewService {
	const { kv, access, emitter, log } = deps;
	const limits = {
		...DEFAULT_REVIEW_LIMITS,
		commentsPerInvitePerMinute:
			3 * (deps.limits?.commentsPerMinute ?? DEFAULT_REVIEW_LIMITS.commentsPerMinute),
		...deps.limits
	};
	const now = deps.now ?? Date.now;
	const iso = () => new Date(now()).toISOString();
	const today = () => iso().slice(0, 10);

	/** Runs an operation; refusals and storage failures become results. */
	async function run<T>(what: string, fn: () => Promise<T>): Promise<ReviewResult<T>> {
		try {
			return { ok: true, value: await fn() };
		} catch (error) {
			if (error instanceof ReviewError) {
				const result: ReviewResult<T> = { ok: false, error: error.toApiError() };
				if (error.retryAfterSeconds) result.retryAfterSeconds = error.retryAfterSeconds;
				return result;
			}
			if (isKvError(error)) log.warn(`[review] ${what}: storage unavailable`, { error });
			else log.error(`[review] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	async function loadPlan(planId: string): Promise<PlanItems> {
		const plan = await deps.readPlan(planId);
		if (!plan) throw new ReviewError('item_not_found', PLAN_ERRORS.notFound().message);
		return plan;
	}

	function requireItem(plan: PlanItems, itemId: unknown): string {
		if (typeof itemId !== 'string' || !plan.items.has(itemId)) fail('item_not_found');
		return itemId as string;
	}

	async function members(planId: string): Promise<Map<string, { name: string; role: PlanRole }>> {
		const list = await access.listMembers(planId);
		return new Map(list.map((m) => [m.userId, { name: m.name, role: m.role }]));
	}

	/**
	 * Comment writes per minute: per principal, and for guests also per invite (a guest who joins
	 * again gets a new principal id, but not a new budget).
	 */
	async function rateLimit(principal: Principal): Promise<void> {
		const counter = await kv.incr(K.rate(principal.id), 60_000);
		if (counter.value <= limits.commentsPerMinute && principal.kind === 'guest') {
			const shared = await kv.incr(K.rate(`invite:${principal.inviteId}`), 60_000);
			if (shared.value > limits.commentsPerInvitePerMinute) {
				throw new ReviewError(
					'too_many_comments',
					undefined,
					Math.max(1, Math.ceil(shared.ttlMs / 1000))
				);
			}
		}
		if (counter.value > limits.commentsPerMinute) {
			throw new ReviewError(
				'too_many_comments',
				undefined,
				Math.max(1, Math.ceil(counter.ttlMs / 1000))
			);
		}
	}

	async function loadThread(planId: string, threadId: string): Promise<Thread> {
		if (!validId(threadId)) fail('thread_not_found');
		const thread = parse<Thread | null>(await kv.get(K.thread(planId, threadId)), null);
		if (!thread || thread.planId !== planId) fail('thread_not_found');
		return thread as Thread;
	}

	/** The thread ids of a plan (seeded once from the older set index). */
	async function threadIds(planId: string): Promise<string[]> {
		const raw = await kv.get(K.threads(planId));
		if (raw !== null) return parse<string[]>(raw, []);
		return kv.sMembers(K.legacyThreads(planId));
	}

	/**
	 * Stores a new thread if the plan has room for it: the index is checked and extended in one
	 * atomic step (concurrent creations never exceed the limit); 409 `too_many_threads` otherwise.
	 */
	async function storeNewThread(planId: string, thread: Thread): Promise<void> {
		const seed = (await kv.get(K.threads(planId))) === null ? await threadIds(planId) : [];
		const added = await kv.update(K.threads(planId), (raw) => {
			const ids = raw === null ? seed : parse<string[]>(raw, []);
			if (ids.length >= limits.threadsPerPlan) return { result: false };
			return { value: JSON.stringify([...ids, thread.id]), result: true };
		});
		if (!added) fail('too_many_threads');
		await kv.set(K.thread(planId, thread.id), JSON.stringify(thread));
	}

	/** A thread whose comments are all deleted leaves the index (and frees its slot). */
	async function dropThread(planId: string, threadId: string): Promise<void> {
		const seed = (await kv.get(K.threads(planId))) === null ? await threadIds(planId) : [];
		await kv.update(K.threads(planId), (raw) => {
			const ids = raw === null ? seed : parse<string[]>(raw, []);
			return { value: JSON.stringify(ids.filter((id) => id !== threadId)), result: null };
		});
		await kv.del(K.thread(planId, threadId));
	}

	/** Atomic change of one thread; the change function may throw ReviewError. */
	async function updateThread(
		planId: string,
		threadId: string,
		change: (thread: Thread) => Thread
	): Promise<Thread> {
		if (!validId(threadId)) fail('thread_not_found');
		const result = await kv.update<{ thread: Thread } | { error: ReviewError }>(
			K.thread(planId, threadId),
			(raw) => {
				const thread = parse<Thread | null>(raw, null);
				if (!thread || thread.planId !== planId) {
					return { result: { error: new ReviewError('thread_not_found') } };
				}
				try {
					const next = change(thread);
					return { value: JSON.stringify(next), result: { thread: next } };
				} catch (error) {
					if (error instanceof ReviewError) return { result: { error } };
					throw error;
				}
			}
		);
		if ('error' in result) throw result.error;
		emitter.toPlan(planId, 'review:thread', planId, result.thread);
		return result.thread;
	}

	// ----- notifications -----

	type NotifyInput = Omit<Notification, 'id' | 'createdAt' | 'read'>;

	async function deliver(userId: string, input: NotifyInput): Promise<void> {
		const notification: Notification = {
			id: newId(16),
			...input,
			createdAt: iso(),
			read: false
		};
		const unread = await kv.update(K.inbox(userId), (raw) => {
			const list = inboxAdd(parse<Notification[]>(raw, []), notification);
			return { value: JSON.stringify(list), result: unreadCount(list) };
		});
		emitter.toUser(userId, 'notification', notification, unread);
	}

	/**
	 * Notifies these accounts (never the actor; only current members of the plan). Best effort:
	 * the write that caused it has already succeeded, a failure here is logged.
	 */
	async function notify(
		userIds: Iterable<string>,
		memberIds: ReadonlySet<string> | ReadonlyMap<string, unknown>,
		input: NotifyInput
	): Promise<string[]> {
		const targets = [...new Set(userIds)].filter(
			(id) => id !== input.actor?.id && memberIds.has(id)
		);
		await Promise.all(
			targets.map((id) =>
				deliver(id, input).catch((error) =>
					log.warn('[review] notification not delivered', { error, userId: id, kind: input.kind })
				)
			)
		);
		return targets;
	}

	async function notifyComment(
		planId: string,
		plan: PlanItems,
		thread: Thread,
		author: Actor,
		mentions: string[],
		isReply: boolean
	): Promise<void> {
		const m = await members(planId);
		const about = itemLabel(plan, thread.itemId);
		const base = {
			planId,
			planTitle: plan.title,
			itemId: thread.itemId,
			threadId: thread.id,
			actor: author
		};
		const mentioned = await notify(mentions, m, {
			...base,
			kind: 'mention',
			text: `${author.name} hat Sie in „${about}“ erwähnt.`
		});
		if (!isReply) return;
		const already = new Set(mentioned);
		await notify(
			participants(thread).filter((id) => !already.has(id)),
			m,
			{
				...base,
				kind: 'reply',
				text: `${author.name} hat in der Diskussion zu „${about}“ geantwortet.`
			}
		);
	}

	// ----- reading -----

	async function readThreads(planId: string): Promise<Thread[]> {
		const ids = await threadIds(planId);
		const threads = await Promise.all(
			ids.map(async (id) => parse<Thread | null>(await kv.get(K.thread(planId, id)), null))
		);
		return threads
			.filter((t): t is Thread => t !== null && isVisibleThread(t))
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
	}

	const readRequests = async (planId: string) =>
		parse<ReviewRequest[]>(await kv.get(K.requests(planId)), []);
	const readDecisions = async (planId: string, requestId: string) =>
		parse<ReviewDecision[]>(await kv.get(K.decisions(planId, requestId)), []);
	const readChecks = async (planId: string) =>
		parse<Record<string, AdminCheck>>(await kv.get(K.checks(planId)), {});

	/** Goals and measures inside a request's scope. */
	function scopeItems(plan: PlanItems, scope: ReviewScope): string[] {
		const out: string[] = [];
		for (const [id, info] of plan.items) {
			if (info.type !== 'goal' && info.type !== 'measure') continue;
			if (scope.kind === 'field' && fieldOf(plan.items, id) !== scope.fieldId) continue;
			out.push(id);
		}
		return out;
	}

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

		createThread: (c, planId, input) =>
			run('create thread', async () => {
				const body = parseBody(input.body);
				const plan = await loadPlan(planId);
				const itemId: ItemId =
					input.itemId === null || input.itemId === undefined
						? null
						: requireItem(plan, input.itemId);
				const m = await members(planId);
				const mentions = parseMentions(input.mentions, m);
				await rateLimit(c.principal);
				const at = iso();
				const author = actorOf(c.principal);
				const thread = newThread(
					newId(),
					planId,
					itemId,
					newComment(newId(), author, body, mentions, at)
				);
				await storeNewThread(planId, thread);
				emitter.toPlan(planId, 'review:thread', planId, thread);
				await notifyComment(planId, plan, thread, author, mentions, false);
				return thread;
			}),

		reply: (c, planId, threadId, input) =>
			run('reply', async () => {
				const body = parseBody(input.body);
				const m = await members(planId);
				const mentions = parseMentions(input.mentions, m);
				await loadThread(planId, threadId);
				const plan = await loadPlan(planId);
				await rateLimit(c.principal);
				const author = actorOf(c.principal);
				const comment = newComment(newId(), author, body, mentions, iso());
				const thread = await updateThread(planId, threadId, (t) => addReply(t, comment));
				await notifyComment(planId, plan, thread, author, mentions, true);
				return thread;
			}),

		setThreadResolved: (c, planId, threadId, input) =>
			run('resolve thread', async () => {
				if (typeof input.resolved !== 'boolean') {
					fail(
						'invalid_input',
						'Bitte geben Sie an, ob die Diskussion erledigt ist (resolved: true/false).'
					);
				}
				const at = iso();
				return updateThread(planId, threadId, (t) =>
					setResolved(t, input.resolved as boolean, actorOf(c.principal), at)
				);
			}),

		editComment: (c, planId, threadId, commentId, input) =>
			run('edit comment', async () => {
				const body = parseBody(input.body);
				const m = await members(planId);
				const mentions = parseMentions(input.mentions, m);
				const before = await loadThread(planId, threadId);
				// An unknown comment costs no write from the rate limit.
				if (!before.comments.some((x) => x.id === commentId)) fail('comment_not_found');
				await rateLimit(c.principal);
				const at = iso();
				const thread = await updateThread(planId, threadId, (t) =>
					editComment(t, commentId, actorOf(c.principal), body, mentions, at)
				);
				// Newly mentioned people hear about it (the earlier ones already did).
				const old = new Set(before.comments.find((x) => x.id === commentId)?.mentions ?? []);
				const added = mentions.filter((id) => !old.has(id));
				if (added.length > 0) {
					const plan = await loadPlan(planId);
					await notifyComment(planId, plan, thread, actorOf(c.principal), added, false);
				}
				return thread;
			}),

		deleteComment: (c, planId, threadId, commentId) =>
			run('delete comment', async () => {
				const at = iso();
				const thread = await updateThread(planId, threadId, (t) =>
					deleteComment(t, commentId, actorOf(c.principal), c.role === 'owner', at)
				);
				// Nothing left to show: the thread is gone for good (replies are refused).
				if (!isVisibleThread(thread)) await dropThread(planId, threadId);
				return thread;
			}),

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
				const m = await members(planId);
				const bad = reviewerIds.filter((id) => !roleAtLeast(m.get(id)?.role, 'reviewer'));
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
				const about =
					scope.kind === 'field' ? itemLabel(plan, scope.fieldId) : itemLabel(plan, null);
				await notify(reviewerIds, m, {
					kind: 'review_requested',
					planId,
					planTitle: plan.title,
					itemId: scope.kind === 'field' ? scope.fieldId : null,
					threadId: null,
					actor: request.createdBy,
					text: `${request.createdBy.name} bittet Sie bis ${germanDate(dueDate)} um Ihre Prüfung von „${about}“.`
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

		decide: (c, planId, itemId, input) =>
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
					const text = `Änderungen erbeten: ${comment}`.slice(0, 5_000);
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
				const about = itemLabel(plan, itemId);
				await notify([req.createdBy.id], m, {
					kind: 'review_verdict',
					planId,
					planTitle: plan.title,
					itemId,
					threadId,
					actor: reviewer,
					text:
						verdict === 'approved'
							? `${reviewer.name} hat „${about}“ freigegeben.`
							: `${reviewer.name} erbittet Änderungen an „${about}“.`
				});
				return decision;
			}),

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
				const m = await members(planId);
				const deptId = input.departmentUserId;
				const dept = typeof deptId === 'string' ? m.get(deptId) : undefined;
				if (!dept || !roleAtLeast(dept.role, 'reviewer')) fail('invalid_department');
				const department: Actor = { id: deptId as string, name: dept!.name, kind: 'user' };
				const assignedBy = actorOf(c.principal);
				const at = iso();
				const added: AdminCheck[] = measureIds.map((measureId) => ({
					id: newId(),
					planId,
					measureId,
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
						department: department.name,
						dueDate
					})
					.catch(() => {});
				const about =
					added.length === 1
						? `„${itemLabel(plan, added[0].measureId)}“`
						: `${added.length} Maßnahmen`;
				await notify([department.id], m, {
					kind: 'check_assigned',
					planId,
					planTitle: plan.title,
					itemId: added.length === 1 ? added[0].measureId : null,
					threadId: null,
					actor: assignedBy,
					text: `${assignedBy.name} bittet Sie bis ${germanDate(dueDate)} um die Verwaltungsprüfung von ${about}.`
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
					.audit(planId, c.principal, 'check_removed', { department: removed.department.name })
					.catch(() => {});
				return null;
			}),

		recordCheckVerdict: (c, planId, checkId, input) =>
			run('check verdict', async () => {
				const checks = await readChecks(planId);
				const existing = ownCheck(checks, checkId) ?? fail('check_not_found');
				if (existing.department.id !== c.principal.id) fail('not_department');
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
							const next = recordVerdict(check, actor, verdict);
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
					text: `${actor.name} hat „${itemLabel(plan, existing.measureId)}“ geprüft: ${CHECK_OUTCOME_LABELS[verdict.outcome]}.`
				});
				return updated.check;
			}),

		async checksByMeasure(planId) {
			const out: Record<string, AdminCheck> = {};
			for (const check of Object.values(await readChecks(planId))) out[check.measureId] = check;
			return out;
		},

		inbox: (principal) =>
			run('inbox', async () => {
				if (principal.kind !== 'user') fail('accounts_only');
				const list = parse<Notification[]>(await kv.get(K.inbox(principal.id)), []);
				return { notifications: list, unread: unreadCount(list) };
			}),

		markRead: (principal, input) =>
			run('mark read', async () => {
				if (principal.kind !== 'user') fail('accounts_only');
				let ids: string[] | 'all';
				if (input.all === true) ids = 'all';
				else if (
					Array.isArray(input.ids) &&
					input.ids.length <= 1000 &&
					input.ids.every((x) => typeof x === 'string')
				) {
					ids = input.ids as string[];
				} else {
					return fail('invalid_input', 'Erwartet wird {"ids": [...]} oder {"all": true}.');
				}
				const unread = await kv.update(K.inbox(principal.id), (raw) => {
					const list = inboxMarkRead(parse<Notification[]>(raw, []), ids);
					return {
						value: raw === null ? undefined : JSON.stringify(list),
						result: unreadCount(list)
					};
				});
				emitter.toUser(principal.id, 'notifications:unread', unread);
				return { unread };
			}),

		queue: (principal) =>
			run('review queue', async () => {
				if (principal.kind !== 'user') return [];
				const plans = await access.plansOf(principal.id);
				const out: ReviewQueueEntry[] = [];
				const day = today();
				await Promise.all(
					plans.map(async ({ planId }) => {
						const [requests, checks] = await Promise.all([
							readRequests(planId),
							readChecks(planId)
						]);
						const mine = requests.filter((r) => !r.closed && r.reviewerIds.includes(principal.id));
						const myChecks = Object.values(checks).filter(
							(ch) => ch.department.id === principal.id && ch.verdict === null
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
			}),

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
		},

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
						await deliver(userId, input);
						sent++;
					};
					for (const r of open.filter((x) => due(x.dueDate))) {
						const items = scopeItems(plan, r.scope);
						const decisions = await readDecisions(planId, r.id);
						const about =
							r.scope.kind === 'field' ? itemLabel(plan, r.scope.fieldId) : itemLabel(plan, null);
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
								text: `Ihre Prüfung von „${about}“ ist am ${germanDate(r.dueDate)} fällig.`
							});
						}
					}
					for (const ch of openChecks.filter((x) => due(x.dueDate))) {
						if (!plan.items.has(ch.measureId)) continue;
						await once('check', ch.id, ch.department.id, {
							kind: 'due_soon',
							planId,
							planTitle: plan.title,
							itemId: ch.measureId,
							threadId: null,
							actor: null,
							text: `Die Verwaltungsprüfung von „${itemLabel(plan, ch.measureId)}“ ist am ${germanDate(ch.dueDate)} fällig.`
						});
					}
				} catch (error) {
					log.warn('[review] reminders failed for a plan', { planId, error });
				}
			}
			return sent;
		}
	};
	return service;
}

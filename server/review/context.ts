/**
 * Shared plumbing of the review service's parts: KV keys, JSON parsing, refusals, the `run`
 * wrapper that turns refusals and storage failures into results, and the look-ups every part
 * needs (plan items, members, comment rate limit, requests, decisions, checks, request scope).
 */
import { isSafeId } from '../../src/lib/contract/ids';
import { type PlanRole } from '../../src/lib/contract/roles';
import type {
	AdminCheck,
	ReviewDecision,
	ReviewRequest,
	ReviewScope
} from '../../src/lib/review/types';
import { DEFAULT_TIME_ZONE, todayIn } from '../../src/lib/domain/time-zone';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { isKvError } from '../storage/kv';
import type { Principal } from '../auth/types';
import { fieldOf, type PlanItems } from './items';
import { ReviewError } from './model';
import type { ReviewResult, ReviewServiceDeps } from './service-types';
import { DEFAULT_REVIEW_LIMITS } from './service-types';

export const K = {
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

export function parse<T>(raw: string | null, fallback: T): T {
	if (raw === null) return fallback;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return fallback;
	}
}

export const fail = (code: ConstructorParameters<typeof ReviewError>[0], message?: string) => {
	throw new ReviewError(code, message);
};
export const validId = isSafeId;

/** The check stored under this id – own properties only (never `toString`, `__proto__`, …). */
export const ownCheck = (checks: Record<string, AdminCheck>, id: string): AdminCheck | undefined =>
	validId(id) && Object.hasOwn(checks, id) ? checks[id] : undefined;

export type ReviewContext = ReturnType<typeof createReviewContext>;

export function createReviewContext(deps: ReviewServiceDeps) {
	const { kv, access, emitter, log } = deps;
	const limits = {
		...DEFAULT_REVIEW_LIMITS,
		commentsPerInvitePerMinute:
			3 * (deps.limits?.commentsPerMinute ?? DEFAULT_REVIEW_LIMITS.commentsPerMinute),
		...deps.limits
	};
	const now = deps.now ?? Date.now;
	const iso = () => new Date(now()).toISOString();
	// the calendar day in the municipality's zone: a UTC server would be a day behind after midnight
	const today = () => todayIn(deps.timeZone ?? DEFAULT_TIME_ZONE, now());

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
	 * Members who can be named as reviewer, department or @mention: not those still „eingeladen“
	 * (added by e-mail, plan not opened since). Members added by an e-mail without account are not
	 * members yet, so both kinds of invited entries are refused alike – assigning or mentioning
	 * must not reveal whether an e-mail has an account (issue 12), nor an invited person's name.
	 */
	async function namedMembers(
		planId: string
	): Promise<Map<string, { name: string; role: PlanRole }>> {
		const list = await access.listMembers(planId);
		return new Map(
			list.filter((m) => !m.invited).map((m) => [m.userId, { name: m.name, role: m.role }])
		);
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

	return {
		deps,
		kv,
		access,
		emitter,
		log,
		limits,
		now,
		iso,
		today,
		run,
		loadPlan,
		requireItem,
		members,
		namedMembers,
		rateLimit,
		readRequests,
		readDecisions,
		readChecks,
		scopeItems
	};
}

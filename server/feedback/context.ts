/**
 * Shared plumbing of the feedback service's parts: limits and dependencies, KV keys, refusals
 * with German messages, JSON parsing, item look-ups, and the helpers every part uses (guarded
 * runs, the live room of a plan, loading rounds and submissions, round views, audit).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { PlanJson } from '../../src/lib/domain/types';
import type { ApiError, ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { formatBerlin, roundState } from '../../src/lib/feedback/model';
import { type Round, type RoundView, type Submission } from '../../src/lib/feedback/types';
import { isKvError, type KvStore } from '../storage/kv';
import type { AccessService, Principal } from '../auth/types';
import type { Logger } from '../log';
import type { Room } from '../sync/room';
import type { RoomManager } from '../sync/rooms';

export interface FeedbackLimits {
	/** Submissions per address and round in one window (default 5 per 10 minutes). */
	perAddress: number;
	windowMs: number;
	/** Submissions per round in total (default 2,000). */
	perRound: number;
}

export const DEFAULT_FEEDBACK_LIMITS: FeedbackLimits = {
	perAddress: 5,
	windowMs: 10 * 60 * 1000,
	perRound: 2000
};

export interface FeedbackDeps {
	kv: KvStore;
	rooms: RoomManager;
	access: AccessService;
	log: Logger;
	limits?: Partial<FeedbackLimits>;
	now?: () => number;
	/** An item was created from a submission (server edit: the versions history records it). */
	onItemCreated?: (
		planId: string,
		actor: Principal,
		itemId: string,
		type: 'goal' | 'measure'
	) => void;
}

export type R<T> = ApiResult<T> & { retryAfterSeconds?: number };

export const K = {
	planRounds: (planId: string) => `fb:plan:${planId}:rounds`,
	round: (id: string) => `fb:round:${id}`,
	token: (token: string) => `fb:token:${token}`,
	subs: (roundId: string) => `fb:round:${roundId}:subs`,
	seq: (roundId: string) => `fb:round:${roundId}:seq`,
	sub: (roundId: string, subId: string) => `fb:sub:${roundId}:${subId}`,
	origin: (planId: string, itemId: string) => `fb:origin:${planId}:${itemId}`,
	claim: (roundId: string, subId: string) => `fb:claim:${roundId}:${subId}`,
	mergeLock: (roundId: string) => `fb:round:${roundId}:merging`,
	rate: (roundId: string, address: string) =>
		`fb:rl:${createHash('sha256').update(`${roundId}\n${address}`).digest('hex').slice(0, 32)}`
};

export const failure = (
	status: number,
	code: string,
	message: string
): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});

export const E = {
	unavailable: () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() }),
	planNotFound: () => ({ ok: false as const, error: PLAN_ERRORS.notFound() }),
	roundNotFound: () =>
		failure(
			404,
			'round_not_found',
			'Diese Beteiligungsrunde gibt es nicht (mehr). Bitte laden Sie die Seite neu.'
		),
	linkNotFound: () =>
		failure(
			404,
			'round_not_found',
			'Diese Beteiligungsrunde gibt es nicht (mehr). Bitte prüfen Sie, ob der Link vollständig ist.'
		),
	subNotFound: () =>
		failure(
			404,
			'submission_not_found',
			'Diesen Beitrag gibt es nicht (mehr). Bitte laden Sie die Liste neu.'
		),
	closed: (at: string) =>
		failure(
			410,
			'round_closed',
			`Diese Beteiligungsrunde ist seit ${formatBerlin(at)} beendet. Beiträge sind nicht mehr möglich.`
		),
	notOpen: (at: string) =>
		failure(
			409,
			'round_not_open',
			`Diese Beteiligungsrunde beginnt erst am ${formatBerlin(at)}. Bitte reichen Sie Ihren Beitrag dann ein.`
		),
	bad: (code: string, message: string) => failure(400, code, message),
	isDuplicate: () =>
		failure(
			409,
			'is_duplicate',
			'Dieser Beitrag ist mit einem anderen zusammengeführt und übernimmt dessen Entscheidung. Heben Sie die Zusammenführung auf, um ihn einzeln zu entscheiden.'
		),
	mergeBusy: () =>
		failure(
			409,
			'merge_busy',
			'Gerade wird in dieser Runde ein anderer Beitrag zusammengeführt. Bitte versuchen Sie es gleich noch einmal.'
		)
};

const isRound = (v: unknown): v is Round =>
	typeof v === 'object' && v !== null && typeof (v as Round).id === 'string';

export function parse<T>(raw: string | null): T | null {
	if (raw === null) return null;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return null;
	}
}

/** How long a claim on a submission (an item is being made from it) lasts at most. */
export const CLAIM_TTL_MS = 60_000;
/** The merge lock of a round: its lifetime at most, and how long a merge waits for it. */
export const MERGE_LOCK_TTL_MS = 10_000;
export const MERGE_WAIT_MS = 5_000;

export const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/** Items the round may show and take submissions on: its fields and everything below them. */
export function roundFields(plan: PlanJson, round: Round): PlanJson['fields'] {
	if (round.fieldIds.length === 0) return plan.fields;
	const wanted = new Set(round.fieldIds);
	return plan.fields.filter((f) => wanted.has(f.id));
}

export function itemIndex(
	fields: PlanJson['fields']
): Map<string, { type: string; title: string }> {
	const out = new Map<string, { type: string; title: string }>();
	for (const f of fields) {
		out.set(f.id, { type: 'field', title: f.title });
		for (const g of f.goals) {
			out.set(g.id, { type: 'goal', title: g.title });
			for (const m of g.measures) out.set(m.id, { type: 'measure', title: m.title });
		}
	}
	return out;
}

/** Item id → title for these fields (for the public link: only the round's own fields). */
export function titlesOf(fields: PlanJson['fields']): Map<string, string> {
	const out = new Map<string, string>();
	for (const [id, v] of itemIndex(fields)) out.set(id, v.title);
	return out;
}

export type FeedbackContext = ReturnType<typeof createFeedbackContext>;

export function createFeedbackContext(deps: FeedbackDeps) {
	const { kv, rooms, log, access } = deps;
	const limits: FeedbackLimits = { ...DEFAULT_FEEDBACK_LIMITS, ...deps.limits };
	const now = deps.now ?? Date.now;
	const iso = () => new Date(now()).toISOString();

	async function guarded<T>(what: string, fn: () => Promise<R<T>>): Promise<R<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) {
				log.warn(`[feedback] ${what}: storage unavailable`, { error });
				return E.unavailable();
			}
			log.error(`[feedback] ${what} failed`, { error });
			return E.unavailable();
		}
	}

	/** Runs fn on the live room of the plan; null room = plan deleted / unknown. */
	async function withPlan<T>(
		planId: string,
		fn: (room: Room) => Promise<R<T>> | R<T>
	): Promise<R<T>> {
		const room = await rooms.acquire(planId);
		if (!room) return E.planNotFound();
		try {
			return await fn(room);
		} finally {
			rooms.release(room);
		}
	}

	async function loadRound(roundId: string): Promise<Round | null> {
		if (typeof roundId !== 'string' || roundId.length > 80) return null;
		const r = parse<Round>(await kv.get(K.round(roundId)));
		return isRound(r) ? r : null;
	}

	async function planRound(planId: string, roundId: string): Promise<Round | null> {
		const r = await loadRound(roundId);
		return r && r.planId === planId ? r : null;
	}

	async function loadSubs(roundId: string): Promise<Submission[]> {
		const ids = await kv.sMembers(K.subs(roundId));
		const out: Submission[] = [];
		for (let i = 0; i < ids.length; i += 100) {
			const batch = await Promise.all(
				ids.slice(i, i + 100).map(async (id) => parse<Submission>(await kv.get(K.sub(roundId, id))))
			);
			for (const s of batch) if (s) out.push(s);
		}
		return out.sort((a, b) => a.number - b.number);
	}

	async function listRoundsRaw(planId: string): Promise<Round[]> {
		const ids = await kv.sMembers(K.planRounds(planId));
		const rounds = (await Promise.all(ids.map((id) => loadRound(id)))).filter(
			(r): r is Round => r !== null && r.planId === planId
		);
		return rounds.sort(
			(a, b) => a.startsAt.localeCompare(b.startsAt) || a.createdAt.localeCompare(b.createdAt)
		);
	}

	async function view(round: Round): Promise<RoundView> {
		const subs = await loadSubs(round.id);
		return {
			...round,
			state: roundState(round, now()),
			submissionCount: subs.length,
			undecidedCount: subs.filter((s) => !s.duplicateOf && s.decision === null).length
		};
	}

	function audit(
		planId: string,
		actor: Principal,
		action: Parameters<AccessService['audit']>[2],
		details: Record<string, string | number | boolean | null>
	) {
		return access.audit(planId, actor, action, details).catch((error) => {
			log.warn('[feedback] audit failed', { error });
		});
	}

	async function roundByToken(token: string): Promise<Round | null> {
		if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
		const id = await kv.get(K.token(token));
		if (!id) return null;
		const r = await loadRound(id);
		return r && r.token === token ? r : null;
	}

	return {
		deps,
		kv,
		rooms,
		log,
		access,
		limits,
		now,
		iso,
		guarded,
		withPlan,
		loadRound,
		planRound,
		loadSubs,
		listRoundsRaw,
		view,
		audit,
		roundByToken
	};
}

/**
 * Vote service (issue 13, item 6, Priorisierung): dot votes over a plan's measures or goals in
 * the KV. A vote is ONE key (see common.ts), so every ballot, hand count and close is a single
 * atomic read-modify-write (Redis WATCH/MULTI, file store: serialised in the process): a person
 * or guest has exactly one ballot however many tabs they use, nothing is counted twice, and a
 * ballot that arrives after the close is refused, never half-counted.
 *
 * Ballots replace the person's whole set of dots (idempotent: a retried request changes
 * nothing); an optional `revision` refuses a change from a tab that had not seen the latest one.
 * On close the facilitator confirms priorities; `writePriorities` writes them into the plan's
 * document through the live room (history entry, live on every board).
 */
import { randomBytes } from 'node:crypto';
import { actorOf } from '../../src/lib/contract/actor';
import { allows } from '../../src/lib/contract/policy';
import type { ApiResult } from '../../src/lib/contract/result';
import type {
	Ballot,
	VoteCaller,
	VoteForMe,
	VotePriority,
	VoteRecord,
	VoteService
} from '../../src/lib/contract/votes';
import {
	VOTE_LIMITS,
	checkBallot,
	isVotePriority,
	statusOf,
	viewOf
} from '../../src/lib/votes/model';
import { isKvError } from '../storage/kv';
import { E, K, parseVote, type VoteDeps } from './common';
import { checkOpen } from './open';

export type { VoteDeps } from './common';

type R<T> = ApiResult<T>;

const voterKey = (caller: VoteCaller) => `${caller.principal.kind}:${caller.principal.id}`;
const newVoteId = () => `abst-${randomBytes(9).toString('base64url')}`;

/** May this caller give dots in this vote (role, or viewers where the facilitator allowed it)? */
export function mayCast(caller: VoteCaller, vote: Pick<VoteRecord, 'viewersMayVote'>): boolean {
	return allows(caller.role, 'votes.cast') || (caller.role === 'viewer' && vote.viewersMayVote);
}

const sameDots = (a: Record<string, number>, b: Record<string, number>) => {
	const ka = Object.keys(a);
	return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
};

export function createVoteService(deps: VoteDeps): VoteService {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	const emitEveryMs = deps.emitEveryMs ?? 250;

	async function guarded<T>(what: string, fn: () => Promise<R<T>>): Promise<R<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[votes] ${what}: storage unavailable`, { error });
			else log.error(`[votes] ${what} failed`, { error });
			return E.unavailable();
		}
	}

	async function load(planId: string, voteId: string): Promise<VoteRecord | null> {
		if (typeof voteId !== 'string' || !/^abst-[A-Za-z0-9_-]{1,40}$/.test(voteId)) return null;
		const v = parseVote(await kv.get(K.vote(voteId)));
		return v && v.planId === planId ? v : null;
	}

	function forMe(vote: VoteRecord, caller: VoteCaller): VoteForMe {
		const t = now();
		const own = vote.ballots[voterKey(caller)];
		return {
			vote: viewOf(vote, t),
			mine: own ? { dots: own.dots, revision: own.revision } : null,
			canVote: statusOf(vote, t) === 'open' && mayCast(caller, vote),
			canManage: allows(caller.role, 'votes.manage')
		};
	}

	// ----- live pushes: at once for open/close/apply, at most every emitEveryMs while voting ---
	const pending = new Map<string, ReturnType<typeof setTimeout>>();
	async function pushNow(planId: string, voteId: string) {
		if (!deps.emit) return;
		const t = pending.get(voteId);
		if (t) clearTimeout(t);
		pending.delete(voteId);
		try {
			const vote = await load(planId, voteId);
			if (vote) deps.emit(planId, viewOf(vote, now()));
		} catch (error) {
			log.warn('[votes] push failed', { error });
		}
	}
	function pushSoon(planId: string, voteId: string) {
		if (!deps.emit || pending.has(voteId)) return;
		const timer = setTimeout(() => void pushNow(planId, voteId), emitEveryMs);
		timer.unref?.();
		pending.set(voteId, timer);
	}

	/** One atomic change of the vote; `fn` is pure (it may run again on a Redis conflict). */
	async function change(
		planId: string,
		voteId: string,
		fn: (vote: VoteRecord) => R<VoteRecord | null>
	): Promise<R<VoteRecord>> {
		if (!(await load(planId, voteId))) return E.notFound();
		return kv.update<R<VoteRecord>>(K.vote(voteId), (raw) => {
			const vote = parseVote(raw);
			if (!vote || vote.planId !== planId) return { result: E.notFound() };
			const out = fn(vote);
			if (!out.ok) return { result: out };
			if (out.value === null) return { result: { ok: true, value: vote } };
			return { value: JSON.stringify(out.value), result: { ok: true, value: out.value } };
		});
	}

	return {
		list: (planId, sessionId) =>
			guarded('list', async () => {
				const ids = await kv.sMembers(K.planVotes(planId));
				const votes = (await Promise.all(ids.map((id) => load(planId, id)))).filter(
					(v): v is VoteRecord =>
						v !== null &&
						(sessionId === undefined || sessionId === null || v.sessionId === sessionId)
				);
				const t = now();
				return {
					ok: true,
					value: votes
						.sort((a, b) => b.createdAt.localeCompare(a.createdAt))
						.map((v) => viewOf(v, t))
				};
			}),

		get: (planId, voteId, caller) =>
			guarded('get', async () => {
				const vote = await load(planId, voteId);
				return vote ? { ok: true, value: forMe(vote, caller) } : E.notFound();
			}),

		open: (planId, caller, body) =>
			guarded('open', async () => {
				const plan = await deps.readItems(planId);
				if (!plan) return E.planNotFound();
				const checked = checkOpen(body, plan);
				if (!checked.ok) return E.bad(checked.code, checked.message);
				const existing = await kv.sMembers(K.planVotes(planId));
				if (existing.length >= VOTE_LIMITS.votesPerPlan) {
					return E.tooManyVotes(VOTE_LIMITS.votesPerPlan);
				}
				const { durationMinutes, ...settings } = checked.value;
				const t = now();
				const vote: VoteRecord = {
					id: newVoteId(),
					planId,
					...settings,
					endsAt: durationMinutes ? new Date(t + durationMinutes * 60_000).toISOString() : null,
					createdAt: new Date(t).toISOString(),
					createdBy: actorOf(caller.principal),
					closedAt: null,
					closedBy: null,
					ballots: {},
					handCounts: {},
					handCountLog: [],
					applications: []
				};
				await kv.set(K.vote(vote.id), JSON.stringify(vote));
				await kv.sAdd(K.planVotes(planId), vote.id);
				void pushNow(planId, vote.id);
				return { ok: true, value: forMe(vote, caller) };
			}),

		cast: (planId, voteId, caller, body) =>
			guarded('cast', async () => {
				const revision = body.revision;
				if (
					revision !== undefined &&
					(typeof revision !== 'number' || !Number.isInteger(revision))
				) {
					return E.bad('invalid_revision', '„revision“ muss eine ganze Zahl sein.');
				}
				const key = voterKey(caller);
				const t = now();
				const at = new Date(t).toISOString();
				const voter = actorOf(caller.principal);
				const result = await change(planId, voteId, (vote) => {
					if (vote.closedAt) return E.closed();
					if (statusOf(vote, t) === 'closed') return E.expired();
					if (!mayCast(caller, vote)) return E.viewer();
					const dots = checkBallot(vote, body.dots);
					if (!dots.ok) return E.bad(dots.code, dots.message);
					const own = vote.ballots[key];
					// A retry of what is already stored changes nothing (whatever revision it names).
					if (own && sameDots(own.dots, dots.value)) return { ok: true, value: null };
					if (!own && Object.keys(dots.value).length === 0) return { ok: true, value: null };
					if (revision !== undefined && revision !== (own?.revision ?? 0)) return E.conflict();
					if (!own && Object.keys(vote.ballots).length >= VOTE_LIMITS.ballots) return E.full();
					const ballot: Ballot = {
						voter,
						dots: dots.value,
						revision: (own?.revision ?? 0) + 1,
						updatedAt: at
					};
					return { ok: true, value: { ...vote, ballots: { ...vote.ballots, [key]: ballot } } };
				});
				if (!result.ok) return result;
				pushSoon(planId, voteId);
				return { ok: true, value: forMe(result.value, caller) };
			}),

		setHandCount: (planId, voteId, caller, body) =>
			guarded('hand count', async () => {
				const { itemId, count } = body;
				if (
					typeof count !== 'number' ||
					!Number.isInteger(count) ||
					count < 0 ||
					count > VOTE_LIMITS.handCount
				) {
					return E.bad(
						'invalid_count',
						`Die Handzählung ist eine ganze Zahl von 0 bis ${VOTE_LIMITS.handCount}.`
					);
				}
				const at = new Date(now()).toISOString();
				const by = actorOf(caller.principal);
				const result = await change(planId, voteId, (vote) => {
					if (!vote.targets.some((tg) => tg.itemId === itemId)) {
						return E.bad(
							'unknown_target',
							'Über dieses Element wird in dieser Abstimmung nicht abgestimmt.'
						);
					}
					if (vote.applications.length > 0) return E.applied();
					const id = itemId as string;
					if ((vote.handCounts[id] ?? 0) === count) return { ok: true, value: null };
					const handCounts = { ...vote.handCounts, [id]: count };
					if (count === 0) delete handCounts[id];
					const log = [...vote.handCountLog, { itemId: id, count, by, at }].slice(
						-VOTE_LIMITS.handCountLog
					);
					return { ok: true, value: { ...vote, handCounts, handCountLog: log } };
				});
				if (!result.ok) return result;
				void pushNow(planId, voteId);
				return { ok: true, value: forMe(result.value, caller) };
			}),

		close: (planId, voteId, caller) =>
			guarded('close', async () => {
				const t = now();
				const by = actorOf(caller.principal);
				const result = await change(planId, voteId, (vote) => {
					if (vote.closedAt) return { ok: true, value: null };
					// Ran out of time: it ended then, not now.
					const closedAt =
						vote.endsAt && Date.parse(vote.endsAt) <= t ? vote.endsAt : new Date(t).toISOString();
					return { ok: true, value: { ...vote, closedAt, closedBy: by } };
				});
				if (!result.ok) return result;
				void pushNow(planId, voteId);
				return { ok: true, value: forMe(result.value, caller) };
			}),

		apply: (planId, voteId, caller, body) =>
			guarded('apply', async () => {
				const vote = await load(planId, voteId);
				if (!vote) return E.notFound();
				if (statusOf(vote, now()) === 'open') return E.stillOpen();
				const raw = body.priorities;
				if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
					return E.bad(
						'invalid_priorities',
						'Erwartet wird „priorities“: je Maßnahme „hoch“, „mittel“, „niedrig“ oder leer.'
					);
				}
				const priorities: Record<string, VotePriority> = {};
				for (const [itemId, value] of Object.entries(raw as Record<string, unknown>)) {
					const target = vote.targets.find((tg) => tg.itemId === itemId);
					if (!target) {
						return E.bad(
							'unknown_target',
							'Über dieses Element wurde in dieser Abstimmung nicht abgestimmt.'
						);
					}
					if (target.type !== 'measure') {
						return E.bad(
							'not_a_measure',
							`„${target.title}“ ist ein Ziel; eine Priorität haben nur Maßnahmen.`
						);
					}
					if (!isVotePriority(value)) {
						return E.bad(
							'invalid_priority',
							'Die Priorität muss „hoch“, „mittel“, „niedrig“ oder leer sein.'
						);
					}
					priorities[itemId] = value;
				}
				if (Object.keys(priorities).length === 0) {
					return E.bad('invalid_priorities', 'Bitte wählen Sie mindestens eine Priorität.');
				}
				const by = actorOf(caller.principal);
				const written = await deps.writePriorities(planId, by, priorities, vote.title);
				if (!written) return E.planNotFound();
				const at = new Date(now()).toISOString();
				const kept: Record<string, VotePriority> = {};
				for (const id of written.written) kept[id] = priorities[id];
				const result = await change(planId, voteId, (v) => ({
					ok: true,
					value: {
						...v,
						applications: [
							...v.applications,
							{ at, by, priorities: kept, skipped: written.skipped }
						].slice(-VOTE_LIMITS.applications)
					}
				}));
				if (!result.ok) return result;
				void pushNow(planId, voteId);
				return { ok: true, value: forMe(result.value, caller) };
			}),

		async forgetPlan(planId) {
			const ids = await kv.sMembers(K.planVotes(planId));
			for (const id of ids) {
				const t = pending.get(id);
				if (t) clearTimeout(t);
				pending.delete(id);
			}
			if (ids.length > 0) await kv.del(ids.map((id) => K.vote(id)));
			await kv.del(K.planVotes(planId));
		}
	};
}

/**
 * Feedback rounds (Beteiligungsrunden): rounds, public submissions, triage and the
 * consideration table (Abwägungstabelle). Persists into the access KV (Redis `mitplan:app:*` or
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
import { createHash, randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { createItem, readItem, readPlan } from '../../src/lib/domain/index';
import type { PlanJson } from '../../src/lib/domain/types';
import type { ApiError, ApiResult } from '../../src/lib/server/backend';
import { PLAN_ERRORS } from '../../src/lib/server/backend';
import {
	checkRoundDates,
	formatBerlin,
	roundEndedAt,
	roundState,
	validateDecision,
	validateRound,
	validateSubmission
} from '../../src/lib/feedback/model';
import {
	LIMITS,
	type ConsiderationRow,
	type ItemOriginEntry,
	type PublicDraftField,
	type PublicRound,
	type Round,
	type RoundView,
	type Submission
} from '../../src/lib/feedback/types';
import { isKvError, type KvStore } from '../auth/kv';
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

type R<T> = ApiResult<T> & { retryAfterSeconds?: number };

const K = {
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

const failure = (
	status: number,
	code: string,
	message: string
): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});

const E = {
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

function parse<T>(raw: string | null): T | null {
	if (raw === null) return null;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return null;
	}
}

/** How long a claim on a submission (an item is being made from it) lasts at most. */
const CLAIM_TTL_MS = 60_000;
/** The merge lock of a round: its lifetime at most, and how long a merge waits for it. */
const MERGE_LOCK_TTL_MS = 10_000;
const MERGE_WAIT_MS = 5_000;

const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

/** Items the round may show and take submissions on: its fields and everything below them. */
function roundFields(plan: PlanJson, round: Round): PlanJson['fields'] {
	if (round.fieldIds.length === 0) return plan.fields;
	const wanted = new Set(round.fieldIds);
	return plan.fields.filter((f) => wanted.has(f.id));
}

function itemIndex(fields: PlanJson['fields']): Map<string, { type: string; title: string }> {
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
function titlesOf(fields: PlanJson['fields']): Map<string, string> {
	const out = new Map<string, string>();
	for (const [id, v] of itemIndex(fields)) out.set(id, v.title);
	return out;
}

export type FeedbackService = ReturnType<typeof createFeedbackService>;

export function createFeedbackService(deps: FeedbackDeps) {
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

	function rowsFor(
		round: Round,
		subs: Submission[],
		titles: Map<string, string>,
		withNames: boolean
	): ConsiderationRow[] {
		const byId = new Map(subs.map((s) => [s.id, s]));
		/** The submission whose decision s shares; s itself if its chain ends in a cycle. */
		const root = (s: Submission): Submission => {
			const seen = new Set<string>([s.id]);
			let cur = s;
			while (cur.duplicateOf) {
				const next = byId.get(cur.duplicateOf);
				if (!next) break;
				if (seen.has(next.id)) return s;
				seen.add(next.id);
				cur = next;
			}
			return cur;
		};
		return subs.map((s) => {
			const r = root(s);
			const dup = s.duplicateOf ? byId.get(s.duplicateOf) : undefined;
			const reason =
				r === s
					? s.reason
					: `Zusammengeführt mit Beitrag #${r.number}.${r.reason ? ` ${r.reason}` : ''}`;
			return {
				roundId: round.id,
				roundTitle: round.title,
				submissionId: s.id,
				number: s.number,
				kind: s.kind,
				targetTitle: titles.get(s.targetId) ?? '',
				title: s.title,
				text: s.text,
				name: withNames ? s.name : '',
				decision: r.decision,
				reason,
				duplicateOfNumber: dup ? dup.number : null,
				createdItemTitle: s.createdItemId ? (titles.get(s.createdItemId) ?? '') : '',
				createdAt: s.createdAt
			};
		});
	}

	function publicDraft(fields: PlanJson['fields']): PublicDraftField[] {
		return fields.map((f) => ({
			id: f.id,
			title: f.title,
			situation: f.situation,
			goals: f.goals.map((g) => ({
				id: g.id,
				title: g.title,
				specific: g.specific,
				indicator: g.indicator,
				measures: g.measures.map((m) => ({
					id: m.id,
					title: m.title,
					description: m.description,
					status: m.status
				}))
			}))
		}));
	}

	async function roundByToken(token: string): Promise<Round | null> {
		if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
		const id = await kv.get(K.token(token));
		if (!id) return null;
		const r = await loadRound(id);
		return r && r.token === token ? r : null;
	}

	async function setOrigin(planId: string, itemId: string | null, ref: string, add: boolean) {
		if (!itemId) return;
		if (add) await kv.sAdd(K.origin(planId, itemId), ref);
		else await kv.sRem(K.origin(planId, itemId), ref);
	}

	/**
	 * Runs fn while holding the round's merge lock (a KV key set only if absent, with a short
	 * TTL so a crashed holder cannot block the round for long). Waits up to MERGE_WAIT_MS.
	 */
	async function withMergeLock<T>(roundId: string, fn: () => Promise<R<T>>): Promise<R<T>> {
		const key = K.mergeLock(roundId);
		const mine = randomBytes(9).toString('base64url');
		const until = Date.now() + MERGE_WAIT_MS;
		while (!(await kv.set(key, mine, { ifAbsent: true, ttlMs: MERGE_LOCK_TTL_MS }))) {
			if (Date.now() >= until) return E.mergeBusy();
			await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30));
		}
		try {
			return await fn();
		} finally {
			// only our own lock (it may have expired and been taken by someone else)
			await kv.update(key, (cur) =>
				cur === mine ? { value: null, result: true } : { result: false }
			);
		}
	}

	/** The error when merging subId into target would close a cycle (or target is unknown). */
	async function mergeCycle(roundId: string, subId: string, target: string) {
		const byId = new Map((await loadSubs(roundId)).map((s) => [s.id, s]));
		let cur = byId.get(target);
		if (!cur) return E.bad('invalid_duplicate', 'Diesen Beitrag gibt es in dieser Runde nicht.');
		const seen = new Set<string>();
		while (cur && !seen.has(cur.id)) {
			if (cur.id === subId) {
				return E.bad('invalid_duplicate', 'Diese Zusammenführung ergäbe einen Kreis.');
			}
			seen.add(cur.id);
			cur = cur.duplicateOf ? byId.get(cur.duplicateOf) : undefined;
		}
		return null;
	}

	const service = {
		limits,

		// ----- owner: rounds -----
		listRounds(planId: string): Promise<R<RoundView[]>> {
			return guarded('list rounds', async () => {
				const rounds = await listRoundsRaw(planId);
				return { ok: true, value: await Promise.all(rounds.map(view)) };
			});
		},

		createRound(
			planId: string,
			actor: Principal,
			body: Record<string, unknown>
		): Promise<R<RoundView>> {
			return guarded('create round', async () => {
				const input = validateRound(body, false);
				if (!input.ok) return E.bad(input.code, input.message);
				const dates = checkRoundDates(input.value.startsAt, input.value.endsAt);
				if (!dates.ok) return E.bad(dates.code, dates.message);
				return withPlan(planId, async (room) => {
					const plan = readPlan(room.doc, planId);
					const known = new Set(plan.fields.map((f) => f.id));
					const missing = input.value.fieldIds.find((id) => !known.has(id));
					if (missing) {
						return E.bad(
							'invalid_fields',
							'Ein gewähltes Handlungsfeld gibt es in diesem Plan nicht (mehr).'
						);
					}
					const round: Round = {
						id: newId('runde'),
						planId,
						...input.value,
						token: randomBytes(24).toString('base64url'),
						closedEarly: false,
						closedAt: null,
						createdBy: actor.name,
						createdAt: iso()
					};
					await kv.set(K.round(round.id), JSON.stringify(round));
					await kv.set(K.token(round.token), round.id);
					await kv.sAdd(K.planRounds(planId), round.id);
					await audit(planId, actor, 'feedback_round_created', {
						roundId: round.id,
						title: round.title.slice(0, 100)
					});
					return { ok: true, value: await view(round) };
				});
			});
		},

		updateRound(
			planId: string,
			roundId: string,
			actor: Principal,
			body: Record<string, unknown>
		): Promise<R<RoundView>> {
			return guarded('update round', async () => {
				const patch = validateRound(body, true);
				if (!patch.ok) return E.bad(patch.code, patch.message);
				if (body.closed !== undefined && typeof body.closed !== 'boolean') {
					return E.bad('invalid_value', '„closed“ muss true oder false sein.');
				}
				if (patch.value.fieldIds) {
					const ids = patch.value.fieldIds;
					const check = await withPlan(planId, (room) => {
						const known = new Set(readPlan(room.doc, planId).fields.map((f) => f.id));
						return ids.every((id) => known.has(id))
							? { ok: true as const, value: null }
							: E.bad(
									'invalid_fields',
									'Ein gewähltes Handlungsfeld gibt es in diesem Plan nicht (mehr).'
								);
					});
					if (!check.ok) return check;
				}
				if (!(await planRound(planId, roundId))) return E.roundNotFound();
				const stamp = iso();
				const result = await kv.update<R<Round>>(K.round(roundId), (raw) => {
					const cur = parse<Round>(raw);
					if (!cur || cur.planId !== planId) return { result: E.roundNotFound() };
					const next: Round = { ...cur, ...patch.value };
					if (body.closed === true && !cur.closedEarly) {
						next.closedEarly = true;
						next.closedAt = stamp;
					} else if (body.closed === false) {
						next.closedEarly = false;
						next.closedAt = null;
					}
					const dates = checkRoundDates(next.startsAt, next.endsAt);
					if (!dates.ok) return { result: E.bad(dates.code, dates.message) };
					return { value: JSON.stringify(next), result: { ok: true, value: next } };
				});
				if (!result.ok) return result;
				await audit(planId, actor, 'feedback_round_changed', {
					roundId,
					fields: Object.keys(body).join(', ').slice(0, 100)
				});
				return { ok: true, value: await view(result.value) };
			});
		},

		deleteRound(planId: string, roundId: string, actor: Principal | null): Promise<R<null>> {
			return guarded('delete round', async () => {
				const round = await planRound(planId, roundId);
				if (!round) return E.roundNotFound();
				// The round goes first: a submission arriving from now on finds no round, and one
				// already under way notices afterwards and takes back what it wrote (see submit).
				await kv.del([K.token(round.token), K.round(roundId)]);
				await kv.sRem(K.planRounds(planId), roundId);
				const subs = await loadSubs(roundId);
				for (const s of subs) {
					const ref = `${roundId}/${s.id}`;
					await setOrigin(planId, s.linkedItemId, ref, false);
					await setOrigin(planId, s.createdItemId, ref, false);
				}
				await kv.del([
					K.subs(roundId),
					K.seq(roundId),
					K.mergeLock(roundId),
					...subs.map((s) => K.sub(roundId, s.id))
				]);
				if (actor) {
					await audit(planId, actor, 'feedback_round_deleted', {
						roundId,
						title: round.title.slice(0, 100),
						submissions: subs.length
					});
				}
				return { ok: true, value: null };
			});
		},

		/** The plan was deleted: its rounds, links and submissions go with it. */
		async forgetPlan(planId: string): Promise<void> {
			const ids = await kv.sMembers(K.planRounds(planId));
			for (const id of ids) await service.deleteRound(planId, id, null);
			await kv.del(K.planRounds(planId));
		},

		// ----- owner: triage -----
		listSubmissions(planId: string, roundId: string): Promise<R<Submission[]>> {
			return guarded('list submissions', async () => {
				if (!(await planRound(planId, roundId))) return E.roundNotFound();
				return { ok: true, value: await loadSubs(roundId) };
			});
		},

		/**
		 * Triage of one submission: `linkedItemId` (an item id or null), `duplicateOf` (another
		 * submission of the round or null), `decision` + `reason`. Only what is present changes.
		 */
		triage(
			planId: string,
			roundId: string,
			subId: string,
			actor: Principal,
			body: Record<string, unknown>
		): Promise<R<Submission>> {
			return guarded('triage', async () => {
				const round = await planRound(planId, roundId);
				if (!round) return E.roundNotFound();
				const current = parse<Submission>(await kv.get(K.sub(roundId, subId)));
				if (!current) return E.subNotFound();
				const known = Object.keys(body).filter(
					(k) => !['linkedItemId', 'duplicateOf', 'decision', 'reason'].includes(k)
				);
				if (known.length > 0) {
					return E.bad('invalid_value', `Das Feld „${known[0].slice(0, 40)}“ gibt es hier nicht.`);
				}
				let linked: string | null | undefined;
				if (body.linkedItemId !== undefined) {
					if (body.linkedItemId !== null && typeof body.linkedItemId !== 'string') {
						return E.bad('invalid_item', 'Bitte wählen Sie ein Element des Plans.');
					}
					linked = body.linkedItemId as string | null;
					if (linked !== null) {
						const id = linked;
						const exists = await withPlan(planId, (room) =>
							readItem(room.doc, id) && readItem(room.doc, id)!.type !== 'principle'
								? { ok: true as const, value: null }
								: E.bad('invalid_item', 'Dieses Element gibt es im Plan nicht (mehr).')
						);
						if (!exists.ok) return exists;
					}
				}
				let duplicateOf: string | null | undefined;
				if (body.duplicateOf !== undefined) {
					if (body.duplicateOf === null) duplicateOf = null;
					else {
						if (typeof body.duplicateOf !== 'string' || body.duplicateOf === subId) {
							return E.bad(
								'invalid_duplicate',
								'Ein Beitrag kann nicht mit sich selbst zusammengeführt werden.'
							);
						}
						duplicateOf = body.duplicateOf;
					}
				}
				let decision: ReturnType<typeof validateDecision> | undefined;
				if (body.decision !== undefined || body.reason !== undefined) {
					decision = validateDecision(
						body.decision === undefined ? current.decision : body.decision,
						body.reason === undefined ? current.reason : body.reason
					);
					if (!decision.ok) return E.bad(decision.code, decision.message);
					const dupAfter = duplicateOf === undefined ? current.duplicateOf : duplicateOf;
					if (dupAfter && decision.value.decision !== null) return E.isDuplicate();
				}
				const stamp = iso();
				const write = () =>
					kv.update<R<Submission>>(K.sub(roundId, subId), (raw) => {
						const s = parse<Submission>(raw);
						if (!s) return { result: E.subNotFound() };
						const next: Submission = { ...s };
						if (linked !== undefined) next.linkedItemId = linked;
						if (duplicateOf !== undefined) {
							next.duplicateOf = duplicateOf;
							if (duplicateOf) {
								next.decision = null;
								next.decidedBy = actor.name;
								next.decidedAt = stamp;
							}
						}
						if (decision?.ok) {
							next.decision = decision.value.decision;
							next.reason = decision.value.reason;
							next.decidedBy = actor.name;
							next.decidedAt = stamp;
						}
						// merged meanwhile (a concurrent request): a duplicate has no decision of its own
						if (next.duplicateOf && next.decision !== null) return { result: E.isDuplicate() };
						return { value: JSON.stringify(next), result: { ok: true, value: next } };
					});
				let result: R<Submission>;
				if (duplicateOf) {
					// Merging can close a cycle (A→B while B→A): check and write under the round's
					// merge lock, so two merges of one round never interleave (on any instance).
					const target = duplicateOf;
					result = await withMergeLock(roundId, async () => {
						const cycle = await mergeCycle(roundId, subId, target);
						return cycle ?? (await write());
					});
				} else {
					result = await write();
				}
				if (!result.ok) return result;
				const updated = result.value;
				const ref = `${roundId}/${subId}`;
				if (linked !== undefined && linked !== current.linkedItemId) {
					if (current.linkedItemId !== current.createdItemId)
						await setOrigin(planId, current.linkedItemId, ref, false);
					await setOrigin(planId, linked, ref, true);
				}
				await audit(planId, actor, 'feedback_triaged', {
					roundId,
					submission: current.number,
					...(decision?.ok ? { decision: decision.value.decision } : {}),
					...(duplicateOf !== undefined ? { duplicateOf: duplicateOf ?? null } : {}),
					...(linked !== undefined ? { linkedItemId: linked } : {})
				});
				return { ok: true, value: updated };
			});
		},

		/**
		 * Turns a submission into a new goal (parent: a field) or measure (parent: a goal) in the
		 * live plan; the submission records the new item (link back).
		 */
		createItemFrom(
			planId: string,
			roundId: string,
			subId: string,
			actor: Principal,
			body: Record<string, unknown>
		): Promise<R<{ submission: Submission; itemId: string }>> {
			return guarded('create item', async () => {
				const round = await planRound(planId, roundId);
				if (!round) return E.roundNotFound();
				const type = body.type;
				if (type !== 'goal' && type !== 'measure') {
					return E.bad('invalid_type', 'Bitte wählen Sie „Ziel“ oder „Maßnahme“.');
				}
				if (typeof body.parentId !== 'string') {
					return E.bad(
						'invalid_parent',
						type === 'goal'
							? 'Bitte wählen Sie das Handlungsfeld für das neue Ziel.'
							: 'Bitte wählen Sie das Ziel für die neue Maßnahme.'
					);
				}
				const parentId = body.parentId;
				// Claim the submission first (atomic, set-if-absent): a double click or a second tab
				// must not make a second item. The claim expires by itself should this process die.
				const claim = K.claim(roundId, subId);
				const claimed = await kv.set(claim, iso(), { ifAbsent: true, ttlMs: CLAIM_TTL_MS });
				if (!claimed) {
					return failure(
						409,
						'already_created',
						'Aus diesem Beitrag wird gerade ein Element angelegt. Bitte laden Sie die Liste neu.'
					);
				}
				// Made in the plan but not recorded (storage failed): keep the claim until it expires
				// rather than let a retry make a second item.
				let itemMade = false;
				let recorded = false;
				const makeItem = async (): Promise<R<{ submission: Submission; itemId: string }>> => {
					const sub = parse<Submission>(await kv.get(K.sub(roundId, subId)));
					if (!sub) return E.subNotFound();
					if (sub.createdItemId) {
						return failure(
							409,
							'item_exists',
							`Aus Beitrag #${sub.number} wurde bereits ein Element angelegt.`
						);
					}
					const created = await withPlan<string>(planId, async (room) => {
						let result: ReturnType<typeof createItem> | undefined;
						room.transact((doc: Y.Doc) => {
							result = createItem(doc, {
								type,
								parentId,
								values:
									type === 'goal'
										? { title: sub.title, specific: sub.text }
										: { title: sub.title, description: sub.text, status: 'idee' }
							});
						});
						if (!result || !result.ok) {
							return E.bad(
								result?.error.code ?? 'invalid_parent',
								result?.error.message ?? 'Das Element konnte nicht angelegt werden.'
							);
						}
						itemMade = true;
						await room.flush();
						return { ok: true, value: result.value };
					});
					if (!created.ok) return created;
					const itemId = created.value;
					deps.onItemCreated?.(planId, actor, itemId, type);
					const updated = await kv.update<Submission | null>(K.sub(roundId, subId), (raw) => {
						const s = parse<Submission>(raw);
						if (!s) return { result: null };
						const next = { ...s, createdItemId: itemId };
						return { value: JSON.stringify(next), result: next };
					});
					recorded = true;
					if (!updated) return E.subNotFound();
					await setOrigin(planId, itemId, `${roundId}/${subId}`, true);
					await audit(planId, actor, 'feedback_triaged', {
						roundId,
						submission: sub.number,
						createdItemId: itemId,
						type
					});
					return { ok: true, value: { submission: updated, itemId } };
				};
				try {
					return await makeItem();
				} finally {
					if (!itemMade || recorded) await kv.del(claim);
				}
			});
		},

		/** Submissions an item was made from or linked to (DetailPanel). */
		origins(planId: string, itemId: string): Promise<R<ItemOriginEntry[]>> {
			return guarded('origins', async () => {
				if (typeof itemId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(itemId)) {
					return E.bad(
						'invalid_item',
						'Ungültige Element-ID. Bitte öffnen Sie das Element erneut auf der Planungstafel.'
					);
				}
				const refs = await kv.sMembers(K.origin(planId, itemId));
				const out: ItemOriginEntry[] = [];
				for (const ref of refs) {
					const [roundId, subId] = ref.split('/');
					const round = await planRound(planId, roundId);
					const sub = round ? parse<Submission>(await kv.get(K.sub(roundId, subId))) : null;
					if (!round || !sub) continue;
					const relation =
						sub.createdItemId === itemId
							? 'created'
							: sub.linkedItemId === itemId
								? 'linked'
								: null;
					if (!relation) continue;
					out.push({
						roundId,
						roundTitle: round.title,
						submissionId: sub.id,
						number: sub.number,
						relation
					});
				}
				out.sort((a, b) => a.roundTitle.localeCompare(b.roundTitle, 'de') || a.number - b.number);
				return { ok: true, value: out };
			});
		},

		/** The consideration table of all rounds of a plan (or one round). */
		consideration(
			planId: string,
			options: { roundId?: string; withNames: boolean }
		): Promise<R<ConsiderationRow[]>> {
			return guarded('consideration', async () => {
				let rounds = await listRoundsRaw(planId);
				if (options.roundId !== undefined) {
					rounds = rounds.filter((r) => r.id === options.roundId);
					if (rounds.length === 0) return E.roundNotFound();
				}
				return withPlan(planId, async (room) => {
					const titles = titlesOf(readPlan(room.doc, planId).fields);
					const rows: ConsiderationRow[] = [];
					for (const round of rounds) {
						rows.push(...rowsFor(round, await loadSubs(round.id), titles, options.withNames));
					}
					return { ok: true, value: rows };
				});
			});
		},

		// ----- public link -----
		publicRound(token: string): Promise<R<PublicRound>> {
			return guarded('public round', async () => {
				const round = await roundByToken(token);
				if (!round) return E.linkNotFound();
				const res = await withPlan<PublicRound>(round.planId, async (room) => {
					const plan = readPlan(room.doc, round.planId);
					const fields = roundFields(plan, round);
					const state = roundState(round, now());
					const consideration =
						state === 'beendet'
							? rowsFor(round, await loadSubs(round.id), titlesOf(fields), false)
							: null;
					return {
						ok: true,
						value: {
							planTitle: plan.meta.title,
							municipality: plan.meta.municipality,
							title: round.title,
							intro: round.intro,
							startsAt: round.startsAt,
							endsAt: round.endsAt,
							endedAt: roundEndedAt(round, now()),
							state,
							fields: publicDraft(fields),
							consideration,
							limits: {
								titleMax: LIMITS.titleMax,
								textMax: LIMITS.textMax,
								nameMax: LIMITS.nameMax
							}
						}
					};
				});
				// a deleted plan: the link is gone too
				return !res.ok && res.error.code === 'plan_not_found' ? E.linkNotFound() : res;
			});
		},

		submit(
			token: string,
			body: Record<string, unknown>,
			address: string
		): Promise<R<{ number: number; id: string }>> {
			return guarded('submit', async () => {
				const round = await roundByToken(token);
				if (!round) return E.linkNotFound();
				const state = roundState(round, now());
				if (state === 'beendet') return E.closed(roundEndedAt(round, now()) ?? round.endsAt);
				if (state === 'geplant') return E.notOpen(round.startsAt);
				const input = validateSubmission(body);
				if (!input.ok) return E.bad(input.code, input.message);
				const target = await withPlan(round.planId, (room) => {
					const index = itemIndex(roundFields(readPlan(room.doc, round.planId), round));
					const item = index.get(input.value.targetId);
					if (!item) {
						return E.bad(
							'invalid_target',
							'Das gewählte Element gehört nicht zu dieser Beteiligungsrunde (oder wurde gerade entfernt).'
						);
					}
					if (input.value.kind === 'proposal_goal' && item.type !== 'field') {
						return E.bad(
							'invalid_target',
							'Ein Vorschlag für ein Ziel bezieht sich auf ein Handlungsfeld.'
						);
					}
					if (input.value.kind === 'proposal_measure' && item.type === 'measure') {
						return E.bad(
							'invalid_target',
							'Ein Vorschlag für eine Maßnahme bezieht sich auf ein Handlungsfeld oder ein Ziel.'
						);
					}
					return { ok: true as const, value: null };
				});
				if (!target.ok) return target.error.code === 'plan_not_found' ? E.linkNotFound() : target;
				const counter = await kv.incr(K.rate(round.id, address), limits.windowMs);
				if (counter.value > limits.perAddress) {
					const retry = Math.max(1, Math.ceil(counter.ttlMs / 1000));
					return {
						...failure(
							429,
							'too_many_submissions',
							`Von Ihrem Anschluss kamen in kurzer Zeit sehr viele Beiträge. Bitte versuchen Sie es in ${Math.ceil(retry / 60)} Minute(n) erneut – bereits eingegangene Beiträge sind gespeichert.`
						),
						retryAfterSeconds: retry
					};
				}
				const number = await kv.update<number | null>(K.seq(round.id), (raw) => {
					const n = Number(raw ?? '0') || 0;
					if (n >= limits.perRound) return { result: null };
					return { value: String(n + 1), result: n + 1 };
				});
				if (number === null) {
					return failure(
						429,
						'round_full',
						`Diese Beteiligungsrunde hat die Höchstzahl von ${limits.perRound.toLocaleString('de-DE')} Beiträgen erreicht. Bitte wenden Sie sich direkt an die Prozesssteuerung.`
					);
				}
				const stamp = iso();
				const sub: Submission = {
					id: newId('beitrag'),
					roundId: round.id,
					number,
					...input.value,
					consentAt: stamp,
					createdAt: stamp,
					linkedItemId: null,
					createdItemId: null,
					duplicateOf: null,
					decision: null,
					reason: '',
					decidedBy: null,
					decidedAt: null
				};
				await kv.set(K.sub(round.id, sub.id), JSON.stringify(sub));
				await kv.sAdd(K.subs(round.id), sub.id);
				// Deleted while this submission was under way (deleteRound removes the round before
				// it reads the submissions): take back what was written here, leave nothing behind.
				if (!(await loadRound(round.id))) {
					await kv.del([K.sub(round.id, sub.id), K.subs(round.id), K.seq(round.id)]);
					return E.linkNotFound();
				}
				return { ok: true, value: { number, id: sub.id } };
			});
		}
	};
	return service;
}

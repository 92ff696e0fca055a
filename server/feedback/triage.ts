/**
 * Triage of submissions (owner side): list them, decide/merge/unmerge (with the round's merge
 * lock), make a goal or measure from one, and the submissions an item came from.
 */
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { isSafeId } from '../../src/lib/contract/ids';
import { createItem, readItem } from '../../src/lib/domain/index';
import { validateDecision } from '../../src/lib/feedback/model';
import { type ItemOriginEntry, type Submission } from '../../src/lib/feedback/types';
import type { Principal } from '../auth/types';
import {
	CLAIM_TTL_MS,
	E,
	K,
	MERGE_LOCK_TTL_MS,
	MERGE_WAIT_MS,
	failure,
	parse,
	type FeedbackContext,
	type R
} from './context';

export type TriageHelpers = ReturnType<typeof createTriageHelpers>;

export function createTriageHelpers(ctx: FeedbackContext) {
	const { kv, loadSubs } = ctx;

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

	return { setOrigin, withMergeLock, mergeCycle };
}

export function triageOperations(ctx: FeedbackContext, helpers: TriageHelpers) {
	const { deps, kv, iso, guarded, withPlan, planRound, loadSubs, audit } = ctx;
	const { setOrigin, withMergeLock, mergeCycle } = helpers;
	return {
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
										? { title: sub.title, description: sub.text }
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
				if (!isSafeId(itemId)) {
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
		}
	};
}

/**
 * Feedback rounds (owner side): list, create, change and delete a plan's rounds.
 */
import { randomBytes } from 'node:crypto';
import { readPlan } from '../../src/lib/domain/index';
import { checkRoundDates, validateRound } from '../../src/lib/feedback/model';
import { type Round, type RoundView } from '../../src/lib/feedback/types';
import type { Principal } from '../auth/types';
import { E, K, newId, parse, type FeedbackContext, type R } from './context';
import { type TriageHelpers } from './triage';

export function roundOperations(ctx: FeedbackContext, helpers: TriageHelpers) {
	const { kv, iso, guarded, withPlan, planRound, loadSubs, listRoundsRaw, view, audit } = ctx;
	const { setOrigin } = helpers;
	return {
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
		}
	};
}

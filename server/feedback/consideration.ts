/**
 * The consideration table (Abwägungstabelle): one row per submission with its (shared) decision.
 */
import { readPlan } from '../../src/lib/domain/index';
import { type ConsiderationRow, type Round, type Submission } from '../../src/lib/feedback/types';
import { E, titlesOf, type FeedbackContext, type R } from './context';

/** Rows of one round; a merged submission shows the decision of the one it was merged into. */
export function rowsFor(
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
			...(r === s ? {} : { mergedInto: { number: r.number, reason: r.reason } }),
			duplicateOfNumber: dup ? dup.number : null,
			createdItemTitle: s.createdItemId ? (titles.get(s.createdItemId) ?? '') : '',
			createdAt: s.createdAt
		};
	});
}

export function considerationOperations(ctx: FeedbackContext) {
	const { guarded, withPlan, loadSubs, listRoundsRaw } = ctx;
	return {
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
		}
	};
}

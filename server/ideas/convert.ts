/**
 * Taking over an idea or a cluster (`convert`, issue 13 item 5): claimed first against a double
 * click or a second tab, the new Ziel or Maßnahme written into the live plan (deps.writeItem:
 * server/ideas/writeback.ts), the item's link back to the session stored, and the ideas (and the
 * cluster) marked with the outcome and pushed to the plan room.
 */
import { actorOf } from '../../src/lib/contract/actor';
import { isSafeId } from '../../src/lib/contract/ids';
import type {
	IdeaCaller,
	IdeaCluster,
	IdeaItemOrigin,
	IdeaOutcome,
	IdeaRecord,
	IdeaService
} from '../../src/lib/contract/ideas';
import type { Meeting } from '../../src/lib/contract/meetings';
import type { HistoryNote } from '../../src/lib/versions/types';
import { MAX_TEXT_LENGTH } from '../../src/lib/domain/schema';
import { clusterDescription } from '../../src/lib/meetings/ideas/model';
import { CLUSTER_ID, E, IDEA_ID, K, type IdeaDeps } from './common';
import type { IdeaStore } from './store';

const CLAIM_TTL_MS = 60_000;

/** The service's `convert` (without its storage guard) on the given store. */
export function createIdeaConverter(deps: IdeaDeps, store: IdeaStore): IdeaService['convert'] {
	const { kv } = deps;

	async function makeItem(
		caller: IdeaCaller,
		planId: string,
		meeting: Meeting,
		body: Record<string, unknown>,
		title: string,
		description: string
	) {
		const type = body.type;
		if (type !== 'goal' && type !== 'measure')
			return E.invalid('Bitte wählen Sie „Als Ziel“ oder „Als Maßnahme“ übernehmen.', 'type');
		if (!isSafeId(body.parentId))
			return E.invalid(
				type === 'goal'
					? 'Bitte wählen Sie das Handlungsfeld für das neue Ziel.'
					: 'Bitte wählen Sie das Ziel für die neue Maßnahme.',
				'parentId'
			);
		const actor = actorOf(caller.principal);
		const note: HistoryNote = { kind: 'idea_session', session: meeting.title, date: meeting.date };
		const made = await deps.writeItem(
			planId,
			actor,
			{ type, parentId: body.parentId, title, description },
			note
		);
		if (!made) return E.planNotFound();
		if (!made.ok) return made;
		const outcome: Omit<IdeaOutcome, 'via'> = {
			itemId: made.itemId,
			itemType: type,
			itemTitle: title,
			at: store.iso(),
			by: actor
		};
		return { ok: true as const, value: outcome };
	}

	return async (caller, planId, sessionId, target, body, locale = 'de') => {
		const fac = await store.asFacilitator(caller, planId, sessionId);
		if (!fac.ok) return fac;
		const meeting = fac.value;
		const isCluster = target.kind === 'cluster';
		if (isCluster ? !CLUSTER_ID.test(target.id) : !IDEA_ID.test(target.id))
			return isCluster ? E.clusterNotFound() : E.ideaNotFound();
		// Claim first (set-if-absent): a double click or a second tab must not make two items.
		const claim = K.claim(planId, sessionId, target.id);
		if (!(await kv.set(claim, store.iso(), { ifAbsent: true, ttlMs: CLAIM_TTL_MS })))
			return E.busy();
		try {
			let ideas: IdeaRecord[];
			let title: string;
			let description: string;
			let cluster: IdeaCluster | null = null;
			if (isCluster) {
				cluster =
					(await store.clustersOf(planId, sessionId)).find((c) => c.id === target.id) ?? null;
				if (!cluster) return E.clusterNotFound();
				if (cluster.outcome) return E.taken(cluster.outcome.itemTitle);
				ideas = (await store.allIdeas(planId, sessionId)).filter(
					(r) => r.clusterId === target.id && !r.hidden
				);
				if (ideas.length === 0) return E.emptyCluster();
				title = cluster.title;
				description = clusterDescription(cluster, ideas, MAX_TEXT_LENGTH, locale);
			} else {
				const idea = await store.loadIdea(planId, sessionId, target.id);
				if (!idea) return E.ideaNotFound();
				if (idea.outcome) return E.taken(idea.outcome.itemTitle);
				ideas = [idea];
				title = idea.text;
				description = '';
			}
			const made = await makeItem(caller, planId, meeting, body, title, description);
			if (!made.ok) return made;
			const outcome: IdeaOutcome = { ...made.value, via: isCluster ? 'cluster' : 'idea' };
			const origin: IdeaItemOrigin = {
				planId,
				sessionId,
				sessionTitle: meeting.title,
				sessionDate: meeting.date,
				ideaIds: ideas.map((r) => r.id),
				clusterId: cluster?.id ?? null
			};
			await kv.set(K.origin(planId, outcome.itemId), JSON.stringify(origin));
			const marked: IdeaRecord[] = [];
			for (const r of ideas) {
				// An idea taken over alone before keeps that outcome.
				const c = await store.changeIdea(planId, sessionId, r.id, (x) =>
					x.outcome ? { ok: true, value: null } : { ok: true, value: { ...x, outcome } }
				);
				if (c.ok) marked.push(c.value);
			}
			let clusters: IdeaCluster[] | null = null;
			if (cluster) {
				const out = await store.changeClusters<null>(planId, sessionId, (list) => ({
					ok: true,
					value: {
						clusters: list.map((x) => (x.id === target.id ? { ...x, outcome } : x)),
						result: null
					}
				}));
				if (out.ok) clusters = out.value.clusters;
			}
			store.push(planId, sessionId, marked, clusters);
			return { ok: true, value: { itemId: outcome.itemId, outcome } };
		} finally {
			await kv.del(claim);
		}
	};
}

/**
 * The idea wall's stored state for the service (server/ideas/service.ts) and the take-over
 * (server/ideas/convert.ts): a session, its ideas and clusters read tolerantly from the KV, one
 * atomic change of an idea or of the cluster list, the push to the plan room, and the caller as
 * the session's Moderation.
 */
import type { IdeaCaller, IdeaCluster, IdeaRecord, IdeaView } from '../../src/lib/contract/ideas';
import type { Meeting } from '../../src/lib/contract/meetings';
import type { ApiResult } from '../../src/lib/contract/result';
import { ideaView } from '../../src/lib/meetings/ideas/model';
import { K as MK, SESSION_ID, parseMeeting } from '../meetings/common';
import { canFacilitate } from '../meetings/service';
import { E, IDEA_ID, K, parseClusters, parseIdea, type IdeaDeps } from './common';

type R<T> = ApiResult<T>;

/** What is pushed of an idea: a hidden idea's text stays on the server (the wall GET has it). */
const pushed = (r: IdeaRecord): IdeaView => {
	const v = ideaView(r);
	return v.hidden ? { ...v, text: '' } : v;
};

export function createIdeaStore(deps: IdeaDeps) {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	const iso = () => new Date(now()).toISOString();

	async function session(planId: string, sessionId: string): Promise<Meeting | null> {
		if (typeof sessionId !== 'string' || !SESSION_ID.test(sessionId)) return null;
		const m = parseMeeting(await kv.get(MK.meeting(planId, sessionId)));
		return m && m.planId === planId ? m : null;
	}

	async function loadIdea(planId: string, sessionId: string, ideaId: string) {
		if (typeof ideaId !== 'string' || !IDEA_ID.test(ideaId)) return null;
		const r = parseIdea(await kv.get(K.idea(planId, sessionId, ideaId)));
		return r && r.planId === planId && r.sessionId === sessionId ? r : null;
	}

	async function allIdeas(planId: string, sessionId: string): Promise<IdeaRecord[]> {
		const ids = await kv.sMembers(K.ideas(planId, sessionId));
		const all = await Promise.all(ids.map((id) => loadIdea(planId, sessionId, id)));
		return all
			.filter((r): r is IdeaRecord => r !== null)
			.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
	}

	const clustersOf = async (planId: string, sessionId: string) =>
		parseClusters(await kv.get(K.clusters(planId, sessionId)));

	function push(
		planId: string,
		sessionId: string,
		ideas: IdeaRecord[],
		clusters: IdeaCluster[] | null
	) {
		try {
			deps.emit?.({ planId, sessionId, ideas: ideas.map(pushed), clusters });
		} catch (error) {
			log.warn('[ideas] push failed', { error });
		}
	}

	/** One atomic change of an idea; `fn` is pure (it may run again on a Redis conflict). */
	async function changeIdea(
		planId: string,
		sessionId: string,
		ideaId: string,
		fn: (r: IdeaRecord) => R<IdeaRecord | null>
	): Promise<R<IdeaRecord>> {
		if (!(await loadIdea(planId, sessionId, ideaId))) return E.ideaNotFound();
		return kv.update<R<IdeaRecord>>(K.idea(planId, sessionId, ideaId), (raw) => {
			const r = parseIdea(raw);
			if (!r) return { result: E.ideaNotFound() };
			const out = fn(r);
			if (!out.ok) return { result: out };
			if (out.value === null) return { result: { ok: true, value: r } };
			const next = { ...out.value, rev: r.rev + 1 };
			return { value: JSON.stringify(next), result: { ok: true, value: next } };
		});
	}

	async function changeClusters<T>(
		planId: string,
		sessionId: string,
		fn: (clusters: IdeaCluster[]) => R<{ clusters: IdeaCluster[] | null; result: T }>
	): Promise<R<{ clusters: IdeaCluster[]; result: T }>> {
		return kv.update<R<{ clusters: IdeaCluster[]; result: T }>>(
			K.clusters(planId, sessionId),
			(raw) => {
				const before = parseClusters(raw);
				const out = fn(before);
				if (!out.ok) return { result: out };
				const { clusters, result } = out.value;
				if (clusters === null)
					return { result: { ok: true as const, value: { clusters: before, result } } };
				return {
					value: JSON.stringify(clusters),
					result: { ok: true as const, value: { clusters, result } }
				};
			}
		);
	}

	/** The session, and the caller as its Moderation (or a refusal). */
	async function asFacilitator(
		caller: IdeaCaller,
		planId: string,
		sessionId: string
	): Promise<R<Meeting>> {
		const meeting = await session(planId, sessionId);
		if (!meeting) return E.sessionNotFound();
		if (!canFacilitate(caller, meeting)) return E.notFacilitator();
		return { ok: true, value: meeting };
	}

	return {
		iso,
		session,
		loadIdea,
		allIdeas,
		clustersOf,
		push,
		changeIdea,
		changeClusters,
		asFacilitator
	};
}

export type IdeaStore = ReturnType<typeof createIdeaStore>;

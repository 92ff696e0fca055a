/**
 * Idea wall service (issue 13, item 5, "Ideensammlung"): short idea cards per session in the KV,
 * one key per idea (every change is one atomic update), clusters in one key per session, every
 * change pushed to the plan room over socket.io (`ideas:changed`, across instances through the
 * Redis adapter). Why server state and not a Yjs document: see docs/api.md ("Ideensammlung").
 *
 * Adding is idempotent: the idea's id is derived from the sender and the client's `clientId`, so
 * a re-sent idea (offline queue, retry) is stored once and the repeat answers with it. The
 * facilitator edits, hides, groups and takes over ideas; `convert` writes the new Ziel or
 * Maßnahme into the live plan (server/ideas/writeback.ts) and records the link back.
 */
import { randomBytes } from 'node:crypto';
import { actorOf } from '../../src/lib/contract/actor';
import { isSafeId } from '../../src/lib/contract/ids';
import type {
	IdeaCaller,
	IdeaCluster,
	IdeaItemOrigin,
	IdeaOutcome,
	IdeaRecord,
	IdeaService,
	IdeaView,
	SessionIdeaEntry
} from '../../src/lib/contract/ideas';
import type { Meeting } from '../../src/lib/contract/meetings';
import { allows } from '../../src/lib/contract/policy';
import type { ApiResult } from '../../src/lib/contract/result';
import type { HistoryNote } from '../../src/lib/versions/types';
import { MAX_TEXT_LENGTH } from '../../src/lib/domain/schema';
import {
	IDEA_LIMITS,
	clusterDescription,
	clusterTitle,
	ideaView,
	validateIdeaEdit,
	validateNewIdea
} from '../../src/lib/meetings/ideas/model';
import { K as MK, SESSION_ID, parseMeeting } from '../meetings/common';
import { canFacilitate } from '../meetings/service';
import { isKvError } from '../storage/kv';
import {
	CLUSTER_ID,
	E,
	IDEA_ID,
	K,
	ideaIdOf,
	parseClusters,
	parseIdea,
	type IdeaDeps
} from './common';

export type { IdeaDeps } from './common';

type R<T> = ApiResult<T>;

const CLAIM_TTL_MS = 60_000;

/** What is pushed of an idea: a hidden idea's text stays on the server (the wall GET has it). */
const pushed = (r: IdeaRecord): IdeaView => {
	const v = ideaView(r);
	return v.hidden ? { ...v, text: '' } : v;
};

export function createIdeaService(deps: IdeaDeps): IdeaService {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	const iso = () => new Date(now()).toISOString();

	async function guarded<T>(what: string, fn: () => Promise<R<T>>): Promise<R<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[ideas] ${what}: storage unavailable`, { error });
			else log.error(`[ideas] ${what} failed`, { error });
			return E.unavailable();
		}
	}

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
			at: iso(),
			by: actor
		};
		return { ok: true as const, value: outcome };
	}

	const service: IdeaService = {
		wall: (caller, planId, sessionId) =>
			guarded('wall', async () => {
				const meeting = await session(planId, sessionId);
				if (!meeting) return E.sessionNotFound();
				const canModerate = canFacilitate(caller, meeting);
				const [records, clusters] = await Promise.all([
					allIdeas(planId, sessionId),
					clustersOf(planId, sessionId)
				]);
				return {
					ok: true,
					value: {
						// Hidden ideas only for the Moderation (they may show them again).
						ideas: records.filter((r) => canModerate || !r.hidden).map(ideaView),
						clusters,
						canAdd: allows(caller.role, 'meeting.ideas') && meeting.status !== 'beendet',
						ended: meeting.status === 'beendet',
						canModerate
					}
				};
			}),

		add: (caller, planId, sessionId, body) =>
			guarded<{ idea: IdeaView; created: boolean }>('add', async () => {
				if (!allows(caller.role, 'meeting.ideas')) return E.notParticipant();
				const v = validateNewIdea(body);
				if (!v.ok) return E.invalid(v.message, v.field);
				const meeting = await session(planId, sessionId);
				if (!meeting) return E.sessionNotFound();
				const author = actorOf(caller.principal);
				const id = ideaIdOf(author, v.value.clientId);
				// A repeat (offline queue, retry) answers with the idea stored the first time.
				const existing = await loadIdea(planId, sessionId, id);
				if (existing) return { ok: true, value: { idea: ideaView(existing), created: false } };
				if (meeting.status === 'beendet') return E.ended();
				const fieldId = v.value.fieldId ?? meeting.fieldId;
				if (v.value.fieldId !== null) {
					const plan = await deps.readFields(planId);
					if (!plan) return E.planNotFound();
					if (!plan.fields.some((f) => f.id === v.value.fieldId)) return E.noField();
				}
				const count = (await kv.sMembers(K.ideas(planId, sessionId))).length;
				if (count >= IDEA_LIMITS.ideasPerSession) return E.full(IDEA_LIMITS.ideasPerSession);
				const record: IdeaRecord = {
					id,
					planId,
					sessionId,
					clientId: v.value.clientId,
					text: v.value.text,
					anonymous: v.value.anonymous,
					author,
					fieldId,
					clusterId: null,
					hidden: false,
					outcome: null,
					createdAt: iso(),
					rev: 1
				};
				const stored = await kv.set(K.idea(planId, sessionId, id), JSON.stringify(record), {
					ifAbsent: true
				});
				if (!stored) {
					// The same idea arrived twice at once: the first one is it.
					const first = await loadIdea(planId, sessionId, id);
					if (first) return { ok: true, value: { idea: ideaView(first), created: false } };
					return E.unavailable();
				}
				await kv.sAdd(K.ideas(planId, sessionId), id);
				await kv.sAdd(K.plan(planId), sessionId);
				push(planId, sessionId, [record], null);
				return { ok: true, value: { idea: ideaView(record), created: true } };
			}),

		edit: (caller, planId, sessionId, ideaId, body) =>
			guarded('edit', async () => {
				const fac = await asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const v = validateIdeaEdit(body);
				if (!v.ok) return E.invalid(v.message, v.field);
				const edit = v.value;
				if (edit.clusterId) {
					const clusters = await clustersOf(planId, sessionId);
					if (!clusters.some((c) => c.id === edit.clusterId)) return E.clusterNotFound();
				}
				const changed = await changeIdea(planId, sessionId, ideaId, (r) => {
					const next = { ...r, ...edit };
					const same =
						next.text === r.text && next.hidden === r.hidden && next.clusterId === r.clusterId;
					return { ok: true, value: same ? null : next };
				});
				if (!changed.ok) return changed;
				push(planId, sessionId, [changed.value], null);
				return { ok: true, value: ideaView(changed.value) };
			}),

		addCluster: (caller, planId, sessionId, body) =>
			guarded('add cluster', async () => {
				const fac = await asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const title = clusterTitle(body.title);
				if (!title.ok) return E.invalid(title.message, title.field);
				const cluster: IdeaCluster = {
					id: `gruppe-${randomBytes(9).toString('base64url')}`,
					title: title.value,
					createdAt: iso(),
					outcome: null
				};
				const out = await changeClusters(planId, sessionId, (list) =>
					list.length >= IDEA_LIMITS.clusters
						? E.tooManyClusters(IDEA_LIMITS.clusters)
						: { ok: true, value: { clusters: [...list, cluster], result: cluster } }
				);
				if (!out.ok) return out;
				await kv.sAdd(K.plan(planId), sessionId);
				push(planId, sessionId, [], out.value.clusters);
				return { ok: true, value: cluster };
			}),

		renameCluster: (caller, planId, sessionId, clusterId, body) =>
			guarded('rename cluster', async () => {
				const fac = await asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const title = clusterTitle(body.title);
				if (!title.ok) return E.invalid(title.message, title.field);
				const out = await changeClusters<IdeaCluster>(planId, sessionId, (list) => {
					const c = list.find((x) => x.id === clusterId);
					if (!c) return E.clusterNotFound();
					const next = { ...c, title: title.value };
					return {
						ok: true,
						value: { clusters: list.map((x) => (x.id === clusterId ? next : x)), result: next }
					};
				});
				if (!out.ok) return out;
				push(planId, sessionId, [], out.value.clusters);
				return { ok: true, value: out.value.result };
			}),

		removeCluster: (caller, planId, sessionId, clusterId) =>
			guarded('remove cluster', async () => {
				const fac = await asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const out = await changeClusters<null>(planId, sessionId, (list) => {
					const c = list.find((x) => x.id === clusterId);
					if (!c) return E.clusterNotFound();
					if (c.outcome) return E.clusterTaken();
					return {
						ok: true,
						value: { clusters: list.filter((x) => x.id !== clusterId), result: null }
					};
				});
				if (!out.ok) return out;
				const members = (await allIdeas(planId, sessionId)).filter(
					(r) => r.clusterId === clusterId
				);
				const released: IdeaRecord[] = [];
				for (const r of members) {
					const c = await changeIdea(planId, sessionId, r.id, (x) =>
						x.clusterId === clusterId
							? { ok: true, value: { ...x, clusterId: null } }
							: { ok: true, value: null }
					);
					if (c.ok) released.push(c.value);
				}
				push(planId, sessionId, released, out.value.clusters);
				return { ok: true, value: null };
			}),

		convert: (caller, planId, sessionId, target, body, locale = 'de') =>
			guarded('convert', async () => {
				const fac = await asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const meeting = fac.value;
				const isCluster = target.kind === 'cluster';
				if (isCluster ? !CLUSTER_ID.test(target.id) : !IDEA_ID.test(target.id))
					return isCluster ? E.clusterNotFound() : E.ideaNotFound();
				// Claim first (set-if-absent): a double click or a second tab must not make two items.
				const claim = K.claim(planId, sessionId, target.id);
				if (!(await kv.set(claim, iso(), { ifAbsent: true, ttlMs: CLAIM_TTL_MS }))) return E.busy();
				try {
					let ideas: IdeaRecord[];
					let title: string;
					let description: string;
					let cluster: IdeaCluster | null = null;
					if (isCluster) {
						cluster = (await clustersOf(planId, sessionId)).find((c) => c.id === target.id) ?? null;
						if (!cluster) return E.clusterNotFound();
						if (cluster.outcome) return E.taken(cluster.outcome.itemTitle);
						ideas = (await allIdeas(planId, sessionId)).filter(
							(r) => r.clusterId === target.id && !r.hidden
						);
						if (ideas.length === 0) return E.emptyCluster();
						title = cluster.title;
						description = clusterDescription(cluster, ideas, MAX_TEXT_LENGTH, locale);
					} else {
						const idea = await loadIdea(planId, sessionId, target.id);
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
						const c = await changeIdea(planId, sessionId, r.id, (x) =>
							x.outcome ? { ok: true, value: null } : { ok: true, value: { ...x, outcome } }
						);
						if (c.ok) marked.push(c.value);
					}
					let clusters: IdeaCluster[] | null = null;
					if (cluster) {
						const out = await changeClusters<null>(planId, sessionId, (list) => ({
							ok: true,
							value: {
								clusters: list.map((x) => (x.id === target.id ? { ...x, outcome } : x)),
								result: null
							}
						}));
						if (out.ok) clusters = out.value.clusters;
					}
					push(planId, sessionId, marked, clusters);
					return { ok: true, value: { itemId: outcome.itemId, outcome } };
				} finally {
					await kv.del(claim);
				}
			}),

		origin: (planId, itemId) =>
			guarded('origin', async () => {
				if (!isSafeId(itemId))
					return E.invalid(
						'Ungültige Element-ID. Bitte öffnen Sie das Element erneut auf der Planungstafel.',
						'itemId'
					);
				const raw = await kv.get(K.origin(planId, itemId));
				if (!raw) return { ok: true, value: null };
				try {
					const o = JSON.parse(raw) as IdeaItemOrigin;
					return { ok: true, value: o && o.planId === planId ? o : null };
				} catch {
					return { ok: true, value: null };
				}
			}),

		listSessionIdeas: (planId, sessionId) =>
			guarded('list session ideas', async () => {
				if (!(await session(planId, sessionId))) return E.sessionNotFound();
				const [records, clusters] = await Promise.all([
					allIdeas(planId, sessionId),
					clustersOf(planId, sessionId)
				]);
				const titles = new Map(clusters.map((c) => [c.id, c.title]));
				const entries: SessionIdeaEntry[] = records.map((r) => ({
					id: r.id,
					text: r.text,
					authorName: r.anonymous ? null : r.author.name,
					clusterTitle: r.clusterId ? (titles.get(r.clusterId) ?? null) : null,
					hidden: r.hidden,
					createdAt: r.createdAt,
					outcome: r.outcome
				}));
				return { ok: true, value: entries };
			}),

		async forgetPlan(planId) {
			const sessions = await kv.sMembers(K.plan(planId));
			for (const sessionId of sessions) {
				const ids = await kv.sMembers(K.ideas(planId, sessionId));
				const origins = (await allIdeas(planId, sessionId))
					.map((r) => r.outcome?.itemId)
					.filter((x): x is string => !!x)
					.map((itemId) => K.origin(planId, itemId));
				await kv.del([
					...ids.map((id) => K.idea(planId, sessionId, id)),
					...origins,
					K.ideas(planId, sessionId),
					K.clusters(planId, sessionId)
				]);
			}
			await kv.del(K.plan(planId));
		}
	};
	return service;
}

/**
 * Idea wall service (issue 13, item 5, "Ideensammlung"): short idea cards per session in the KV,
 * one key per idea (every change is one atomic update), clusters in one key per session, every
 * change pushed to the plan room over socket.io (`ideas:changed`, across instances through the
 * Redis adapter). Why server state and not a Yjs document: see docs/api.md ("Ideensammlung").
 *
 * Adding is idempotent: the idea's id is derived from the sender and the client's `clientId`, so
 * a re-sent idea (offline queue, retry) is stored once and the repeat answers with it. The
 * facilitator edits, hides, groups and takes over ideas; `convert` (server/ideas/convert.ts)
 * writes the new Ziel or Maßnahme into the live plan (server/ideas/writeback.ts) and records the
 * link back. Reading and changing the stored ideas and clusters: server/ideas/store.ts.
 */
import { randomBytes } from 'node:crypto';
import { actorOf } from '../../src/lib/contract/actor';
import { isSafeId } from '../../src/lib/contract/ids';
import type {
	IdeaCluster,
	IdeaItemOrigin,
	IdeaRecord,
	IdeaService,
	IdeaView,
	SessionIdeaEntry
} from '../../src/lib/contract/ideas';
import { allows } from '../../src/lib/contract/policy';
import type { ApiResult } from '../../src/lib/contract/result';
import {
	IDEA_LIMITS,
	clusterTitle,
	ideaView,
	validateIdeaEdit,
	validateNewIdea
} from '../../src/lib/meetings/ideas/model';
import { canFacilitate } from '../meetings/service';
import { isKvError } from '../storage/kv';
import { E, K, ideaIdOf, type IdeaDeps } from './common';
import { createIdeaConverter } from './convert';
import { createIdeaStore } from './store';

export type { IdeaDeps } from './common';

type R<T> = ApiResult<T>;

export function createIdeaService(deps: IdeaDeps): IdeaService {
	const { kv, log } = deps;
	const store = createIdeaStore(deps);
	const convert = createIdeaConverter(deps, store);

	async function guarded<T>(what: string, fn: () => Promise<R<T>>): Promise<R<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[ideas] ${what}: storage unavailable`, { error });
			else log.error(`[ideas] ${what} failed`, { error });
			return E.unavailable();
		}
	}

	const service: IdeaService = {
		wall: (caller, planId, sessionId) =>
			guarded('wall', async () => {
				const meeting = await store.session(planId, sessionId);
				if (!meeting) return E.sessionNotFound();
				const canModerate = canFacilitate(caller, meeting);
				const [records, clusters] = await Promise.all([
					store.allIdeas(planId, sessionId),
					store.clustersOf(planId, sessionId)
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
				const meeting = await store.session(planId, sessionId);
				if (!meeting) return E.sessionNotFound();
				const author = actorOf(caller.principal);
				const id = ideaIdOf(author, v.value.clientId);
				// A repeat (offline queue, retry) answers with the idea stored the first time.
				const existing = await store.loadIdea(planId, sessionId, id);
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
					createdAt: store.iso(),
					rev: 1
				};
				const stored = await kv.set(K.idea(planId, sessionId, id), JSON.stringify(record), {
					ifAbsent: true
				});
				if (!stored) {
					// The same idea arrived twice at once: the first one is it.
					const first = await store.loadIdea(planId, sessionId, id);
					if (first) return { ok: true, value: { idea: ideaView(first), created: false } };
					return E.unavailable();
				}
				await kv.sAdd(K.ideas(planId, sessionId), id);
				await kv.sAdd(K.plan(planId), sessionId);
				store.push(planId, sessionId, [record], null);
				return { ok: true, value: { idea: ideaView(record), created: true } };
			}),

		edit: (caller, planId, sessionId, ideaId, body) =>
			guarded('edit', async () => {
				const fac = await store.asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const v = validateIdeaEdit(body);
				if (!v.ok) return E.invalid(v.message, v.field);
				const edit = v.value;
				if (edit.clusterId) {
					const clusters = await store.clustersOf(planId, sessionId);
					if (!clusters.some((c) => c.id === edit.clusterId)) return E.clusterNotFound();
				}
				const changed = await store.changeIdea(planId, sessionId, ideaId, (r) => {
					const next = { ...r, ...edit };
					const same =
						next.text === r.text && next.hidden === r.hidden && next.clusterId === r.clusterId;
					return { ok: true, value: same ? null : next };
				});
				if (!changed.ok) return changed;
				store.push(planId, sessionId, [changed.value], null);
				return { ok: true, value: ideaView(changed.value) };
			}),

		addCluster: (caller, planId, sessionId, body) =>
			guarded('add cluster', async () => {
				const fac = await store.asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const title = clusterTitle(body.title);
				if (!title.ok) return E.invalid(title.message, title.field);
				const cluster: IdeaCluster = {
					id: `gruppe-${randomBytes(9).toString('base64url')}`,
					title: title.value,
					createdAt: store.iso(),
					outcome: null
				};
				const out = await store.changeClusters(planId, sessionId, (list) =>
					list.length >= IDEA_LIMITS.clusters
						? E.tooManyClusters(IDEA_LIMITS.clusters)
						: { ok: true, value: { clusters: [...list, cluster], result: cluster } }
				);
				if (!out.ok) return out;
				await kv.sAdd(K.plan(planId), sessionId);
				store.push(planId, sessionId, [], out.value.clusters);
				return { ok: true, value: cluster };
			}),

		renameCluster: (caller, planId, sessionId, clusterId, body) =>
			guarded('rename cluster', async () => {
				const fac = await store.asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const title = clusterTitle(body.title);
				if (!title.ok) return E.invalid(title.message, title.field);
				const out = await store.changeClusters<IdeaCluster>(planId, sessionId, (list) => {
					const c = list.find((x) => x.id === clusterId);
					if (!c) return E.clusterNotFound();
					const next = { ...c, title: title.value };
					return {
						ok: true,
						value: { clusters: list.map((x) => (x.id === clusterId ? next : x)), result: next }
					};
				});
				if (!out.ok) return out;
				store.push(planId, sessionId, [], out.value.clusters);
				return { ok: true, value: out.value.result };
			}),

		removeCluster: (caller, planId, sessionId, clusterId) =>
			guarded('remove cluster', async () => {
				const fac = await store.asFacilitator(caller, planId, sessionId);
				if (!fac.ok) return fac;
				const out = await store.changeClusters<null>(planId, sessionId, (list) => {
					const c = list.find((x) => x.id === clusterId);
					if (!c) return E.clusterNotFound();
					if (c.outcome) return E.clusterTaken();
					return {
						ok: true,
						value: { clusters: list.filter((x) => x.id !== clusterId), result: null }
					};
				});
				if (!out.ok) return out;
				const members = (await store.allIdeas(planId, sessionId)).filter(
					(r) => r.clusterId === clusterId
				);
				const released: IdeaRecord[] = [];
				for (const r of members) {
					const c = await store.changeIdea(planId, sessionId, r.id, (x) =>
						x.clusterId === clusterId
							? { ok: true, value: { ...x, clusterId: null } }
							: { ok: true, value: null }
					);
					if (c.ok) released.push(c.value);
				}
				store.push(planId, sessionId, released, out.value.clusters);
				return { ok: true, value: null };
			}),

		convert: (...args) => guarded('convert', () => convert(...args)),

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
				if (!(await store.session(planId, sessionId))) return E.sessionNotFound();
				const [records, clusters] = await Promise.all([
					store.allIdeas(planId, sessionId),
					store.clustersOf(planId, sessionId)
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
				const origins = (await store.allIdeas(planId, sessionId))
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

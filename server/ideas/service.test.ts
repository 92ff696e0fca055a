/**
 * The idea wall service on both KV stores (embedded file store and a real redis-server): who may
 * add (viewers not), idempotent repeats of a `clientId`, anonymous ideas without a name in views
 * and pushes, limits with German messages, the Moderation's edits, hiding and clusters, taking
 * over an idea or a cluster once (with the link back), the protocol list and the plan's deletion.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/contract/access';
import type { IdeaCaller, IdeaPush } from '../../src/lib/contract/ideas';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import { createRedisKv } from '../storage/kv-redis';
import type { KvStore } from '../storage/kv';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { tempDir } from '../../tests/helpers/server';
import { createLockRegistry } from '../meetings/locks';
import { createMeetingService } from '../meetings/service';
import { createIdeaService } from './service';
import type { IdeaItemWriter } from './common';
import { noteText } from '../../src/lib/versions/history-text';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis?.stop();
});

const user = (id: string, name: string): Principal => ({
	kind: 'user',
	id,
	name,
	email: `${id}@example.org`,
	isAdmin: false
});
const owner: IdeaCaller = { principal: user('u-owner', 'Olga Owner'), role: 'owner' };
const moderator: IdeaCaller = { principal: user('u-mod', 'Mona Moderation'), role: 'editor' };
const editor: IdeaCaller = { principal: user('u-ed', 'Emil Editor'), role: 'editor' };
const reviewer: IdeaCaller = { principal: user('u-rev', 'Rita Review'), role: 'reviewer' };
const viewer: IdeaCaller = { principal: user('u-view', 'Vera Viewer'), role: 'viewer' };
const guest: IdeaCaller = {
	principal: { kind: 'guest', id: 'g-1', name: 'Gast Gisela', inviteId: 'inv-1' } as Principal,
	role: 'reviewer'
};

function setup(kv: KvStore) {
	const log = createLogger('error');
	const pushes: IdeaPush[] = [];
	let clock = Date.UTC(2027, 2, 12, 18, 0, 0);
	const written: Array<{
		planId: string;
		type: string;
		parentId: string;
		title: string;
		description: string;
		note: string;
		noteEn: string;
	}> = [];
	let n = 0;
	const writeItem: IdeaItemWriter = async (planId, _actor, input, note) => {
		if (planId.startsWith('gone')) return null;
		if (input.parentId === 'nope')
			return {
				ok: false,
				error: {
					status: 400,
					code: 'unknown_parent',
					message: 'Das übergeordnete Element gibt es nicht (mehr).'
				}
			};
		written.push({ planId, ...input, note: noteText(note, 'de'), noteEn: noteText(note, 'en') });
		return { ok: true, itemId: `item-${++n}` };
	};
	const meetings = createMeetingService({
		kv,
		log,
		access: {
			listMembers: async () => [
				{ userId: 'u-mod', name: 'Mona Moderation', role: 'editor', email: '', addedAt: '' }
			],
			// The session guest link (server/meetings/guest-link.ts) is not used here.
			createInvite: async () => {
				throw new Error('not used');
			},
			listInvites: async () => []
		},
		readFields: async () => ({ title: 'Plan', fields: [{ id: 'feld-1', title: 'Bildung' }] }),
		locks: createLockRegistry(kv, log),
		bus: { publish: async () => {} }
	});
	const ideas = createIdeaService({
		kv,
		log,
		readFields: async (planId) =>
			planId.startsWith('gone')
				? null
				: { title: 'Plan', fields: [{ id: 'feld-1', title: 'Bildung' }] },
		writeItem,
		emit: (p) => pushes.push(p),
		now: () => (clock += 1000)
	});
	return { meetings, ideas, pushes, written };
}

async function session(meetings: ReturnType<typeof setup>['meetings'], planId: string) {
	const c = await meetings.create(owner, planId, {
		title: 'AG Bildung',
		date: '2027-03-12',
		facilitatorId: 'u-mod'
	});
	if (!c.ok) throw new Error(c.error.message);
	return c.value.id;
}

function suite(name: string, open: () => Promise<KvStore>) {
	describe(`idea wall (${name})`, () => {
		let n = 0;
		const plan = () => `plan-${name}-${++n}`;

		it('participants and guests add ideas; viewers watch; a repeat of a clientId is the same idea', async () => {
			const kv = await open();
			const { meetings, ideas, pushes } = setup(kv);
			const planId = plan();
			const sid = await session(meetings, planId);
			const first = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'Schulhof öffnen'
			});
			expect(first.ok && first.value.created).toBe(true);
			const again = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'Schulhof öffnen'
			});
			expect(again.ok && again.value.created).toBe(false);
			expect(again.ok && first.ok && again.value.idea.id).toBe(first.ok && first.value.idea.id);
			// Another person's same clientId is another idea.
			const other = await ideas.add(guest, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'Trinkbrunnen',
				anonymous: true
			});
			expect(other.ok && other.value.created).toBe(true);
			const byViewer = await ideas.add(viewer, planId, sid, { clientId: 'c-bbbbbbbb', text: 'X' });
			expect(!byViewer.ok && byViewer.error).toMatchObject({
				status: 403,
				code: 'ideas_viewers_excluded'
			});
			const wall = await ideas.wall(viewer, planId, sid);
			if (!wall.ok) throw new Error(wall.error.message);
			expect(wall.value.ideas.map((i) => [i.text, i.authorName])).toEqual([
				['Schulhof öffnen', 'Rita Review'],
				['Trinkbrunnen', null]
			]);
			expect(wall.value).toMatchObject({ canAdd: false, canModerate: false, ended: false });
			const asMod = await ideas.wall(moderator, planId, sid);
			expect(asMod.ok && asMod.value).toMatchObject({ canAdd: true, canModerate: true });
			const asEditor = await ideas.wall(editor, planId, sid);
			expect(asEditor.ok && asEditor.value.canModerate).toBe(false);
			// Two pushes (the repeat pushes nothing); the anonymous name is never pushed.
			expect(pushes).toHaveLength(2);
			expect(JSON.stringify(pushes)).not.toContain('Gisela');
			expect(JSON.stringify(wall.value)).not.toContain('Gisela');
			await kv.close();
		});

		it('refuses bad input, unknown sessions and ended sessions with German messages', async () => {
			const kv = await open();
			const { meetings, ideas } = setup(kv);
			const planId = plan();
			const sid = await session(meetings, planId);
			const long = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'x'.repeat(100_000)
			});
			expect(!long.ok && long.error).toMatchObject({
				status: 400,
				message: 'Die Idee ist zu lang (100.000 Zeichen, höchstens 500).'
			});
			const field = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'a',
				fieldId: 'feld-x'
			});
			expect(!field.ok && field.error.code).toBe('field_not_found');
			const none = await ideas.add(reviewer, planId, 'sitzung-unbekannt', {
				clientId: 'c-aaaaaaaa',
				text: 'a'
			});
			expect(!none.ok && none.error).toMatchObject({ status: 404, code: 'session_not_found' });
			const foreign = await ideas.wall(owner, plan(), sid);
			expect(!foreign.ok && foreign.error.status).toBe(404);
			const kept = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-kept0000',
				text: 'vorher'
			});
			expect(kept.ok).toBe(true);
			await meetings.control(owner, planId, sid, { action: 'start' });
			await meetings.control(owner, planId, sid, { action: 'end' });
			const endedWall = await ideas.wall(reviewer, planId, sid);
			expect(endedWall.ok && endedWall.value).toMatchObject({ canAdd: false, ended: true });
			expect(endedWall.ok && endedWall.value.ideas.map((i) => i.text)).toEqual(['vorher']);
			const late = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-late0000',
				text: 'zu spät'
			});
			expect(!late.ok && late.error.code).toBe('session_ended');
			// The repeat of an idea sent before the end still answers with it (offline queue).
			const repeat = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-kept0000',
				text: 'vorher'
			});
			expect(repeat.ok && repeat.value.created).toBe(false);
			await kv.close();
		});

		it('the Moderation edits, hides and groups; others may not', async () => {
			const kv = await open();
			const { meetings, ideas, pushes } = setup(kv);
			const planId = plan();
			const sid = await session(meetings, planId);
			const a = await ideas.add(reviewer, planId, sid, {
				clientId: 'c-aaaaaaaa',
				text: 'Schulhof'
			});
			if (!a.ok) throw new Error(a.error.message);
			const id = a.value.idea.id;
			const byEditor = await ideas.edit(editor, planId, sid, id, { text: 'anders' });
			expect(!byEditor.ok && byEditor.error.code).toBe('not_facilitator');
			const edited = await ideas.edit(moderator, planId, sid, id, {
				text: 'Schulhof am Nachmittag öffnen'
			});
			expect(edited.ok && edited.value).toMatchObject({
				text: 'Schulhof am Nachmittag öffnen',
				rev: 2
			});
			const cluster = await ideas.addCluster(moderator, planId, sid, { title: 'Freiflächen' });
			if (!cluster.ok) throw new Error(cluster.error.message);
			const noCluster = await ideas.edit(moderator, planId, sid, id, {
				clusterId: 'gruppe-unbekannt'
			});
			expect(!noCluster.ok && noCluster.error.code).toBe('cluster_not_found');
			const grouped = await ideas.edit(moderator, planId, sid, id, { clusterId: cluster.value.id });
			expect(grouped.ok && grouped.value.clusterId).toBe(cluster.value.id);
			const hidden = await ideas.edit(owner, planId, sid, id, { hidden: true });
			expect(hidden.ok && hidden.value.hidden).toBe(true);
			// The hidden text is not pushed and not shown to participants, only to the Moderation.
			expect(pushes.at(-1)?.ideas[0]).toMatchObject({ hidden: true, text: '' });
			const forReviewer = await ideas.wall(reviewer, planId, sid);
			expect(forReviewer.ok && forReviewer.value.ideas).toEqual([]);
			const forMod = await ideas.wall(moderator, planId, sid);
			expect(forMod.ok && forMod.value.ideas[0].text).toBe('Schulhof am Nachmittag öffnen');
			const renamed = await ideas.renameCluster(moderator, planId, sid, cluster.value.id, {
				title: 'Schulhöfe'
			});
			expect(renamed.ok && renamed.value.title).toBe('Schulhöfe');
			const removed = await ideas.removeCluster(moderator, planId, sid, cluster.value.id);
			expect(removed.ok).toBe(true);
			const after = await ideas.wall(moderator, planId, sid);
			expect(after.ok && after.value.clusters).toEqual([]);
			expect(after.ok && after.value.ideas[0].clusterId).toBeNull();
			await kv.close();
		});

		it('takes over an idea and a cluster once, with the link back and the protocol list', async () => {
			const kv = await open();
			const { meetings, ideas, written } = setup(kv);
			const planId = plan();
			const sid = await session(meetings, planId);
			const add = async (c: string, text: string) => {
				const r = await ideas.add(reviewer, planId, sid, { clientId: c, text });
				if (!r.ok) throw new Error(r.error.message);
				return r.value.idea.id;
			};
			const i1 = await add('c-11111111', 'Trinkbrunnen am Markt');
			const i2 = await add('c-22222222', 'Schulhof öffnen');
			const i3 = await add('c-33333333', 'Spielstraße');
			await add('c-44444444', 'Nicht übernommen');
			const byEditor = await ideas.convert(
				editor,
				planId,
				sid,
				{ kind: 'idea', id: i1 },
				{ type: 'measure', parentId: 'ziel-1' }
			);
			expect(!byEditor.ok && byEditor.error.code).toBe('not_facilitator');
			const noType = await ideas.convert(
				moderator,
				planId,
				sid,
				{ kind: 'idea', id: i1 },
				{ parentId: 'ziel-1' }
			);
			expect(!noType.ok && noType.error).toMatchObject({ field: 'type' });
			const badParent = await ideas.convert(
				moderator,
				planId,
				sid,
				{ kind: 'idea', id: i1 },
				{ type: 'measure', parentId: 'nope' }
			);
			expect(!badParent.ok && badParent.error.code).toBe('unknown_parent');
			const made = await ideas.convert(
				moderator,
				planId,
				sid,
				{ kind: 'idea', id: i1 },
				{ type: 'measure', parentId: 'ziel-1' }
			);
			if (!made.ok) throw new Error(made.error.message);
			expect(written[0]).toMatchObject({
				type: 'measure',
				parentId: 'ziel-1',
				title: 'Trinkbrunnen am Markt',
				// kind + params, worded per reader (German as the sentence stored before)
				note: 'aus der Sitzung „AG Bildung“ vom 12.03.2027',
				noteEn: 'from the session “AG Bildung” on 12/03/2027'
			});
			const twice = await ideas.convert(
				moderator,
				planId,
				sid,
				{ kind: 'idea', id: i1 },
				{ type: 'measure', parentId: 'ziel-1' }
			);
			expect(!twice.ok && twice.error).toMatchObject({ status: 409, code: 'idea_taken' });
			expect(written).toHaveLength(1);
			const origin = await ideas.origin(planId, made.value.itemId);
			expect(origin.ok && origin.value).toEqual({
				planId,
				sessionId: sid,
				sessionTitle: 'AG Bildung',
				sessionDate: '2027-03-12',
				ideaIds: [i1],
				clusterId: null
			});
			const cl = await ideas.addCluster(owner, planId, sid, { title: 'Freiräume für Kinder' });
			if (!cl.ok) throw new Error(cl.error.message);
			const empty = await ideas.convert(
				owner,
				planId,
				sid,
				{ kind: 'cluster', id: cl.value.id },
				{ type: 'goal', parentId: 'feld-1' }
			);
			expect(!empty.ok && empty.error.code).toBe('cluster_empty');
			await ideas.edit(owner, planId, sid, i2, { clusterId: cl.value.id });
			await ideas.edit(owner, planId, sid, i3, { clusterId: cl.value.id });
			const goal = await ideas.convert(
				owner,
				planId,
				sid,
				{ kind: 'cluster', id: cl.value.id },
				{ type: 'goal', parentId: 'feld-1' }
			);
			if (!goal.ok) throw new Error(goal.error.message);
			expect(written[1]).toMatchObject({
				type: 'goal',
				title: 'Freiräume für Kinder',
				description: 'Ideen aus der Sitzung:\n– Schulhof öffnen\n– Spielstraße'
			});
			const clusterTwice = await ideas.convert(
				owner,
				planId,
				sid,
				{ kind: 'cluster', id: cl.value.id },
				{ type: 'goal', parentId: 'feld-1' }
			);
			expect(!clusterTwice.ok && clusterTwice.error.code).toBe('idea_taken');
			const noRemove = await ideas.removeCluster(owner, planId, sid, cl.value.id);
			expect(!noRemove.ok && noRemove.error.code).toBe('cluster_taken');
			const list = await ideas.listSessionIdeas(planId, sid);
			if (!list.ok) throw new Error(list.error.message);
			expect(
				list.value.map((e) => [
					e.text,
					e.clusterTitle,
					e.outcome?.itemTitle ?? null,
					e.outcome?.via ?? null
				])
			).toEqual([
				['Trinkbrunnen am Markt', null, 'Trinkbrunnen am Markt', 'idea'],
				['Schulhof öffnen', 'Freiräume für Kinder', 'Freiräume für Kinder', 'cluster'],
				['Spielstraße', 'Freiräume für Kinder', 'Freiräume für Kinder', 'cluster'],
				['Nicht übernommen', null, null, null]
			]);
			await kv.close();
		});

		it('a deleted plan takes its ideas along; its sessions answer 404', async () => {
			const kv = await open();
			const { meetings, ideas } = setup(kv);
			const planId = plan();
			const sid = await session(meetings, planId);
			const a = await ideas.add(reviewer, planId, sid, { clientId: 'c-aaaaaaaa', text: 'Idee' });
			if (!a.ok) throw new Error(a.error.message);
			await ideas.forgetPlan(planId);
			await meetings.forgetPlan(planId);
			const wall = await ideas.wall(owner, planId, sid);
			expect(!wall.ok && wall.error.status).toBe(404);
			expect(await kv.sMembers(`mt:ideas:${planId}:${sid}`)).toEqual([]);
			expect(await kv.get(`mt:idea:${planId}:${sid}:${a.value.idea.id}`)).toBeNull();
			await kv.close();
		});
	});
}

let prefixNo = 0;
suite('file', async () => createFileKv({ dir: tempDir().dir }));
suite('redis', async () =>
	createRedisKv({
		url: redis.url,
		keyPrefix: `ideas${++prefixNo}:`,
		logger: { warn: () => {}, error: () => {} }
	})
);

/**
 * The vote service on the real embedded KV and on a real Redis (two KV clients = two instances
 * on one Redis), with real rooms over the file store: opening, dot limits, one ballot per person
 * however many tabs, close and time limit, viewers, hand counts, hidden results, writing the
 * priorities into the plan document (history entries with the vote named), 300 concurrent
 * voters counted exactly once, and the plan's votes going with the plan.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItem, initPlan, readItem } from '../../src/lib/domain/index';
import type { Principal } from '../../src/lib/contract/access';
import type { PlanRole } from '../../src/lib/contract/roles';
import type { VoteCaller, VoteService, VoteView } from '../../src/lib/contract/votes';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import { createRedisKv } from '../storage/kv-redis';
import type { KvStore } from '../storage/kv';
import { createFileStore } from '../storage/index';
import type { DocStore } from '../storage/types';
import { createLocalBus } from '../sync/bus';
import { RoomManager } from '../sync/rooms';
import { createPlanItemsReader } from '../review/items';
import { createVoteService } from './service';
import { createPriorityWriter, type HistorySink } from './writeback';
import { noteText } from '../../src/lib/versions/history-text';

const quiet = { warn: () => {}, error: () => {} };
const planId = 'plan-votes-test';
let redis: TestRedis;

beforeAll(async () => {
	redis = await startRedis();
}, 30_000);
afterAll(async () => {
	await redis?.stop();
});

const user = (id: string, name = id): Principal => ({
	kind: 'user',
	id,
	name,
	email: `${id}@stadt.test`,
	isAdmin: false
});
const guest = (id: string, role: PlanRole = 'editor'): Principal => ({
	kind: 'guest',
	id,
	name: `Gast ${id}`,
	planId,
	role,
	inviteId: 'inv-1',
	expiresAt: Date.now() + 3600_000
});
const as = (principal: Principal, role: PlanRole = 'editor'): VoteCaller => ({ principal, role });

describe.each(['file', 'redis'] as const)('vote service (%s KV)', (kind) => {
	let dir: string;
	let kvs: KvStore[];
	let store: DocStore;
	let rooms: RoomManager;
	let votes: VoteService;
	let second: VoteService;
	let clock: number;
	let pushed: VoteView[];
	let history: Array<{
		itemId: string;
		fields: string[];
		note?: string;
		noteEn?: string;
		actor: string;
	}>;
	const ids = { field: '', goal: '', m: [] as string[] };
	const facilitator = as(user('moderation', 'Mira Moderation'), 'owner');
	let testNo = 0;

	async function makeKv(): Promise<KvStore> {
		const kv =
			kind === 'file'
				? await createFileKv({ dir, logger: quiet })
				: await createRedisKv({ url: redis.url, keyPrefix: `vt${testNo}:`, logger: quiet });
		kvs.push(kv);
		return kv;
	}

	beforeEach(async () => {
		testNo += 1;
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-votes-'));
		kvs = [];
		clock = Date.parse('2027-03-12T18:00:00Z');
		pushed = [];
		history = [];
		const log = createLogger('error');
		store = await createFileStore({ dir, fsync: false, logger: quiet });
		rooms = new RoomManager({
			store,
			bus: createLocalBus(),
			log,
			compactEvery: 100,
			idleMs: 60_000
		});
		const doc = new Y.Doc();
		initPlan(doc, { title: 'Integrationskonzept' });
		const f = createItem(doc, { type: 'field', values: { title: 'Wohnen' } });
		if (!f.ok) throw new Error(f.error.message);
		ids.field = f.value;
		const g = createItem(doc, {
			type: 'goal',
			parentId: ids.field,
			values: { title: 'Gut wohnen' }
		});
		if (!g.ok) throw new Error(g.error.message);
		ids.goal = g.value;
		ids.m = [];
		for (const title of ['Wohnungsbörse', 'Mietberatung', 'Patenschaften', 'Willkommensfest']) {
			const m = createItem(doc, { type: 'measure', parentId: ids.goal, values: { title } });
			if (!m.ok) throw new Error(m.error.message);
			ids.m.push(m.value);
		}
		await store.append(planId, Y.encodeStateAsUpdate(doc));
		doc.destroy();
		const sink: HistorySink = {
			recordServerEdit: (_p, actor, itemId, _a, fields, _t, note) =>
				history.push({
					itemId,
					fields,
					note: note && noteText(note, 'de'),
					noteEn: note && noteText(note, 'en'),
					actor: actor.name
				})
		};
		const make = async () =>
			createVoteService({
				kv: await makeKv(),
				log,
				readItems: createPlanItemsReader(rooms),
				writePriorities: createPriorityWriter(rooms, sink),
				emit: (_planId, view) => pushed.push(view),
				emitEveryMs: 10,
				now: () => clock
			});
		votes = await make();
		// On Redis a second service on its own connection stands for a second instance; the file
		// KV is one process per data directory, so there the same service is used.
		second = kind === 'redis' ? await make() : votes;
	});

	afterEach(async () => {
		await rooms.closeAll();
		await store.close();
		for (const kv of kvs) await kv.close();
		await fs.rm(dir, { recursive: true, force: true });
	});

	async function openVote(body: Record<string, unknown> = {}) {
		const r = await votes.open(planId, facilitator, {
			title: 'Was packen wir 2027 an?',
			targetIds: ids.m,
			dotsPerPerson: 3,
			...body
		});
		if (!r.ok) throw new Error(r.error.message);
		return r.value.vote;
	}

	it('opens a vote over chosen measures with its settings, and refuses bad settings in German', async () => {
		const v = await openVote({ maxPerItem: 2, durationMinutes: 10, sessionId: 'sitzung-1' });
		expect(v.status).toBe('open');
		expect(v.targets.map((t) => t.title)).toEqual([
			'Wohnungsbörse',
			'Mietberatung',
			'Patenschaften',
			'Willkommensfest'
		]);
		expect(v.targets[0].fieldTitle).toBe('Wohnen');
		expect(v.endsAt).toBe('2027-03-12T18:10:00.000Z');
		expect(v.hideResults).toBe(true);
		expect(v.results).toBeNull();
		expect(v.sessionId).toBe('sitzung-1');

		const bad = async (body: Record<string, unknown>, code: string) => {
			const r = await votes.open(planId, facilitator, {
				title: 'x',
				targetIds: ids.m,
				...body
			});
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.code).toBe(code);
				expect(r.error.status).toBe(400);
				expect(r.error.message).toMatch(/[a-zäöü]/);
			}
		};
		await bad({ title: '  ' }, 'invalid_title');
		await bad({ title: 'x'.repeat(201) }, 'invalid_title');
		await bad({ targetIds: [] }, 'invalid_targets');
		await bad({ targetIds: [ids.field] }, 'invalid_targets');
		await bad({ targetIds: ['gibt-es-nicht'] }, 'invalid_targets');
		await bad({ dotsPerPerson: 0 }, 'invalid_dots');
		await bad({ dotsPerPerson: 2.5 }, 'invalid_dots');
		await bad({ dotsPerPerson: 3, maxPerItem: 4 }, 'invalid_dots');
		await bad({ durationMinutes: -1 }, 'invalid_duration');
		await bad({ hideResults: 'ja' }, 'invalid_value');
		await bad({ sessionId: '../x' }, 'invalid_session');
		const gone = await votes.open('plan-gibt-es-nicht', facilitator, {
			title: 'x',
			targetIds: ids.m
		});
		expect(!gone.ok && gone.error.status).toBe(404);
		// Goals may be voted on too.
		const goals = await votes.open(planId, facilitator, { title: 'Ziele', targetIds: [ids.goal] });
		expect(goals.ok && goals.value.vote.targets[0].type).toBe('goal');
	});

	it('keeps one ballot per person: limits, replacing, two tabs, revisions', async () => {
		const v = await openVote({ maxPerItem: 2 });
		const anna = as(user('anna'));
		const over = await votes.cast(planId, v.id, anna, { dots: { [ids.m[0]]: 2, [ids.m[1]]: 2 } });
		expect(!over.ok && over.error).toMatchObject({ code: 'too_many_dots', status: 400 });
		if (!over.ok) expect(over.error.message).toContain('Sie haben nur 3 Punkte');
		const perItem = await votes.cast(planId, v.id, anna, { dots: { [ids.m[0]]: 3 } });
		expect(!perItem.ok && perItem.error.code).toBe('too_many_dots_item');
		const unknown = await votes.cast(planId, v.id, anna, { dots: { [ids.goal]: 1 } });
		expect(!unknown.ok && unknown.error.code).toBe('unknown_target');
		const negative = await votes.cast(planId, v.id, anna, { dots: { [ids.m[0]]: -1 } });
		expect(!negative.ok && negative.error.code).toBe('invalid_ballot');

		const first = await votes.cast(planId, v.id, anna, { dots: { [ids.m[0]]: 2, [ids.m[1]]: 1 } });
		expect(first.ok && first.value.mine).toEqual({
			dots: { [ids.m[0]]: 2, [ids.m[1]]: 1 },
			revision: 1
		});
		// Replacing, not adding: still 3 dots in all.
		const moved = await votes.cast(planId, v.id, anna, {
			dots: { [ids.m[2]]: 2, [ids.m[1]]: 1 },
			revision: 1
		});
		expect(moved.ok && moved.value.vote.dotsOnline).toBe(3);
		// A tab that had not seen revision 2 is refused instead of overwriting it.
		const stale = await votes.cast(planId, v.id, anna, { dots: { [ids.m[3]]: 1 }, revision: 1 });
		expect(!stale.ok && stale.error).toMatchObject({ code: 'ballot_changed', status: 409 });
		// A retry of what is stored is fine whatever revision it names (offline queue).
		const retry = await votes.cast(planId, v.id, anna, {
			dots: { [ids.m[2]]: 2, [ids.m[1]]: 1 },
			revision: 0
		});
		expect(retry.ok && retry.value.mine?.revision).toBe(2);

		// One guest, two tabs, at the same time, on two instances: one ballot, never 6 dots.
		const g = as(guest('guest-tabs'));
		const [a, b] = await Promise.all([
			votes.cast(planId, v.id, g, { dots: { [ids.m[0]]: 2, [ids.m[3]]: 1 } }),
			second.cast(planId, v.id, g, { dots: { [ids.m[1]]: 2, [ids.m[2]]: 1 } })
		]);
		expect(a.ok && b.ok).toBe(true);
		await votes.close(planId, v.id, facilitator);
		const after = await votes.get(planId, v.id, g);
		if (!after.ok) throw new Error(after.error.message);
		expect(after.value.vote.voterCount).toBe(2);
		expect(after.value.vote.dotsOnline).toBe(6);
		expect(Object.values(after.value.mine!.dots).reduce((s, n) => s + n, 0)).toBe(3);
	});

	it('refuses dots after the close and after the time limit, and from viewers unless allowed', async () => {
		const v = await openVote({ durationMinutes: 5 });
		const viewer = as(user('vera'), 'viewer');
		const refused = await votes.cast(planId, v.id, viewer, { dots: { [ids.m[0]]: 1 } });
		expect(!refused.ok && refused.error).toMatchObject({
			code: 'vote_viewers_excluded',
			status: 403
		});
		const reviewer = as(user('rita'), 'reviewer');
		expect((await votes.cast(planId, v.id, reviewer, { dots: { [ids.m[0]]: 1 } })).ok).toBe(true);
		clock += 5 * 60_000;
		const late = await votes.cast(planId, v.id, reviewer, { dots: { [ids.m[1]]: 1 } });
		expect(!late.ok && late.error.code).toBe('vote_closed');
		if (!late.ok) expect(late.error.message).toContain('Zeit');
		const view = await votes.get(planId, v.id, reviewer);
		expect(view.ok && view.value.vote.status).toBe('closed');
		expect(view.ok && view.value.canVote).toBe(false);
		expect(view.ok && view.value.vote.results?.[0]).toMatchObject({ itemId: ids.m[0], total: 1 });

		const open = await openVote({ viewersMayVote: true });
		expect((await votes.cast(planId, open.id, viewer, { dots: { [ids.m[0]]: 1 } })).ok).toBe(true);
		await votes.close(planId, open.id, facilitator);
		const closed = await votes.cast(planId, open.id, viewer, { dots: { [ids.m[0]]: 2 } });
		expect(!closed.ok && closed.error).toMatchObject({ code: 'vote_closed', status: 409 });
		// Closing twice keeps the first close.
		const again = await votes.close(planId, open.id, facilitator);
		expect(again.ok && again.value.vote.closedAt).toBe(new Date(clock).toISOString());
	});

	it('hides results until the close (when set), counts hands from the room and ranks', async () => {
		const v = await openVote();
		await votes.cast(planId, v.id, as(user('a')), { dots: { [ids.m[1]]: 3 } });
		await votes.cast(planId, v.id, as(user('b')), { dots: { [ids.m[1]]: 1, [ids.m[2]]: 2 } });
		const hand = await votes.setHandCount(planId, v.id, facilitator, {
			itemId: ids.m[3],
			count: 5
		});
		expect(hand.ok).toBe(true);
		const bad = await votes.setHandCount(planId, v.id, facilitator, {
			itemId: ids.m[3],
			count: -2
		});
		expect(!bad.ok && bad.error.code).toBe('invalid_count');
		const hidden = await votes.get(planId, v.id, as(user('a')));
		if (!hidden.ok) throw new Error(hidden.error.message);
		expect(hidden.value.vote.results).toBeNull();
		expect(hidden.value.vote).toMatchObject({ voterCount: 2, dotsOnline: 6, dotsRoom: 5 });
		// Pushed views never carry results while hidden.
		await new Promise((r) => setTimeout(r, 50));
		expect(pushed.length).toBeGreaterThan(0);
		expect(pushed.every((p) => p.results === null)).toBe(true);

		const closed = await votes.close(planId, v.id, facilitator);
		if (!closed.ok) throw new Error(closed.error.message);
		const rows = closed.value.vote.results!;
		expect(rows.map((r) => [r.title, r.online, r.room, r.total, r.voters, r.rank])).toEqual([
			['Willkommensfest', 0, 5, 5, 0, 1],
			['Mietberatung', 4, 0, 4, 2, 2],
			['Patenschaften', 2, 0, 2, 1, 3],
			['Wohnungsbörse', 0, 0, 0, 0, 4]
		]);
		expect(closed.value.vote.handCountLog).toMatchObject([
			{ itemId: ids.m[3], count: 5, by: { name: 'Mira Moderation' } }
		]);
		const open = await openVote({ hideResults: false });
		await votes.cast(planId, open.id, as(user('a')), { dots: { [ids.m[0]]: 1 } });
		const live = await votes.get(planId, open.id, as(user('a')));
		expect(live.ok && live.value.vote.results?.[0]).toMatchObject({ itemId: ids.m[0], total: 1 });
	});

	it('writes confirmed priorities into the measures, with history entries naming the vote', async () => {
		const v = await openVote();
		await votes.cast(planId, v.id, as(user('a')), { dots: { [ids.m[0]]: 3 } });
		const early = await votes.apply(planId, v.id, facilitator, {
			priorities: { [ids.m[0]]: 'hoch' }
		});
		expect(!early.ok && early.error.code).toBe('vote_open');
		await votes.close(planId, v.id, facilitator);
		const wrong = await votes.apply(planId, v.id, facilitator, {
			priorities: { [ids.m[0]]: 'sehr hoch' }
		});
		expect(!wrong.ok && wrong.error.code).toBe('invalid_priority');
		// A measure deleted meanwhile is skipped and said so; the others are written.
		const room = await rooms.acquire(planId);
		if (!room) throw new Error('no room');
		room.transact((doc) => {
			const items = doc.getMap('items');
			items.delete(ids.m[3]);
		});
		const applied = await votes.apply(planId, v.id, facilitator, {
			priorities: { [ids.m[0]]: 'hoch', [ids.m[1]]: 'mittel', [ids.m[3]]: 'niedrig' }
		});
		if (!applied.ok) throw new Error(applied.error.message);
		expect(readItem(room.doc, ids.m[0])).toMatchObject({ priority: 'hoch' });
		expect(readItem(room.doc, ids.m[1])).toMatchObject({ priority: 'mittel' });
		rooms.release(room);
		const app = applied.value.vote.applications[0];
		expect(app.priorities).toEqual({ [ids.m[0]]: 'hoch', [ids.m[1]]: 'mittel' });
		expect(app.skipped).toEqual([{ itemId: ids.m[3], reason: 'Die Maßnahme gibt es nicht mehr.' }]);
		expect(history).toEqual([
			{
				itemId: ids.m[0],
				fields: ['priority'],
				note: 'aus der Abstimmung „Was packen wir 2027 an?“',
				noteEn: 'from the vote “Was packen wir 2027 an?”',
				actor: 'Mira Moderation'
			},
			{
				itemId: ids.m[1],
				fields: ['priority'],
				note: 'aus der Abstimmung „Was packen wir 2027 an?“',
				noteEn: 'from the vote “Was packen wir 2027 an?”',
				actor: 'Mira Moderation'
			}
		]);
		// The vote and its numbers stay; hand counts are frozen after the write-back.
		const frozen = await votes.setHandCount(planId, v.id, facilitator, {
			itemId: ids.m[0],
			count: 2
		});
		expect(!frozen.ok && frozen.error.code).toBe('vote_applied');
		const stored = await votes.get(planId, v.id, facilitator);
		expect(stored.ok && stored.value.vote.results?.[0]).toMatchObject({
			itemId: ids.m[0],
			total: 3
		});
	});

	it('counts 300 concurrent voters exactly once (two instances on Redis)', async () => {
		const v = await openVote({ dotsPerPerson: 3 });
		const voters = Array.from({ length: 300 }, (_, i) => as(user(`p${i}`)));
		// Each person sends the same ballot twice (double click / retry) through both instances.
		const results = await Promise.all(
			voters.flatMap((caller, i) => {
				const dots = { [ids.m[i % 4]]: 2, [ids.m[(i + 1) % 4]]: 1 };
				return [
					votes.cast(planId, v.id, caller, { dots }),
					second.cast(planId, v.id, caller, { dots })
				];
			})
		);
		expect(results.filter((r) => !r.ok)).toEqual([]);
		const closed = await votes.close(planId, v.id, facilitator);
		if (!closed.ok) throw new Error(closed.error.message);
		expect(closed.value.vote.voterCount).toBe(300);
		expect(closed.value.vote.dotsOnline).toBe(900);
		const byId = new Map(closed.value.vote.results!.map((r) => [r.itemId, r]));
		for (let k = 0; k < 4; k++) {
			expect(byId.get(ids.m[k])?.online).toBe(75 * 2 + 75);
			expect(byId.get(ids.m[k])?.voters).toBe(150);
		}
	}, 60_000);

	it('lists the plan votes (also per session) and forgets them with the plan', async () => {
		await openVote({ sessionId: 's1' });
		await openVote();
		const all = await votes.list(planId);
		expect(all.ok && all.value.length).toBe(2);
		const s1 = await votes.list(planId, 's1');
		expect(s1.ok && s1.value.map((v) => v.sessionId)).toEqual(['s1']);
		const id = all.ok ? all.value[0].id : '';
		await votes.forgetPlan(planId);
		const none = await votes.list(planId);
		expect(none.ok && none.value).toEqual([]);
		const gone = await votes.get(planId, id, facilitator);
		expect(!gone.ok && gone.error.code).toBe('vote_not_found');
		// Another plan's id does not reach a vote either.
		const v = await openVote();
		const other = await votes.get('anderer-plan', v.id, facilitator);
		expect(!other.ok && other.error.code).toBe('vote_not_found');
	});
});

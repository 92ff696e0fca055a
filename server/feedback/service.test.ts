/**
 * The feedback service on the real embedded KV, the real file store and real rooms (temp
 * directory per test). Races are made deterministic by a KV that delegates to the real one and
 * lets a test run something at a chosen step (`hooks`).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createItem, initPlan, readPlan } from '../../src/lib/domain/index';
import { createFileKv } from '../storage/kv-file';
import type { KvStore } from '../storage/kv';
import { createAccessService } from '../auth/service';
import type { Principal } from '../auth/types';
import { createLogger } from '../log';
import { createFileStore } from '../storage/index';
import type { DocStore } from '../storage/types';
import { createLocalBus } from '../sync/bus';
import { RoomManager } from '../sync/rooms';
import { createFeedbackService, type FeedbackService } from './service';

type Hook = (key: string, ...args: unknown[]) => Promise<void> | void;

let dir: string;
let realKv: KvStore;
let store: DocStore;
let rooms: RoomManager;
let feedback: FeedbackService;
let owner: Principal;
const hooks: Partial<Record<'beforeSet' | 'beforeUpdate' | 'afterSMembers', Hook>> = {};
const planId = 'plan-feedback-test';
const ids = { field: '', goal: '' };

/** The real KV; hooks run at the named steps (then the step goes on as usual). */
function hookedKv(kv: KvStore): KvStore {
	return {
		get kind() {
			return kv.kind;
		},
		get: (key) => kv.get(key),
		async set(key, value, options) {
			await hooks.beforeSet?.(key, value);
			return kv.set(key, value, options);
		},
		del: (keys) => kv.del(keys),
		async update(key, fn) {
			await hooks.beforeUpdate?.(key);
			return kv.update(key, fn);
		},
		incr: (key, windowMs) => kv.incr(key, windowMs),
		counter: (key) => kv.counter(key),
		sAdd: (key, member) => kv.sAdd(key, member),
		sRem: (key, member) => kv.sRem(key, member),
		async sMembers(key) {
			const out = await kv.sMembers(key);
			await hooks.afterSMembers?.(key);
			return out;
		},
		listPush: (key, value, max) => kv.listPush(key, value, max),
		listRange: (key, start, stop) => kv.listRange(key, start, stop),
		close: () => kv.close()
	};
}

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-feedback-'));
	for (const k of Object.keys(hooks)) delete hooks[k as keyof typeof hooks];
	const quiet = { warn: () => {}, error: () => {} };
	realKv = await createFileKv({ dir, logger: quiet });
	const kv = hookedKv(realKv);
	const log = createLogger('error');
	store = await createFileStore({ dir, fsync: false, logger: quiet });
	rooms = new RoomManager({ store, bus: createLocalBus(), log, compactEvery: 100, idleMs: 60_000 });
	const access = await createAccessService({ kv, log, passwordHashing: { logN: 10, r: 8, p: 1 } });
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Integrationskonzept' });
	const f = createItem(doc, { type: 'field', values: { title: 'Gesundheit' } });
	if (!f.ok) throw new Error(f.error.message);
	ids.field = f.value;
	const g = createItem(doc, {
		type: 'goal',
		parentId: ids.field,
		values: { title: 'Zugang', description: 'Öffentlicher Text', specific: 'Antwort auf (1)' }
	});
	if (!g.ok) throw new Error(g.error.message);
	ids.goal = g.value;
	await store.append(planId, Y.encodeStateAsUpdate(doc));
	doc.destroy();
	const created = await access.createUser({
		email: 'olga@mitplan.test',
		name: 'Olga',
		password: 'passwort-1234567'
	});
	if (!created.ok) throw new Error(created.error.message);
	const u = created.value;
	owner = { kind: 'user', id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin };
	await access.registerPlan(planId, owner);
	feedback = createFeedbackService({ kv, rooms, access, log });
});

afterEach(async () => {
	await rooms.closeAll();
	await store.close();
	await realKv.close();
	await fs.rm(dir, { recursive: true, force: true });
});

const hour = 3600_000;
async function round() {
	const r = await feedback.createRound(planId, owner, {
		title: 'Rückmeldung',
		fieldIds: [],
		startsAt: new Date(Date.now() - hour).toISOString(),
		endsAt: new Date(Date.now() + hour).toISOString(),
		intro: ''
	});
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}

let address = 0;
async function submit(token: string, title = 'Sprachcafé') {
	return feedback.submit(
		token,
		{
			kind: 'proposal_measure',
			targetId: ids.goal,
			title,
			text: 'Einmal pro Woche.',
			name: '',
			consent: true
		},
		`10.0.0.${++address}`
	);
}

async function submitted(token: string, title?: string): Promise<string> {
	const r = await submit(token, title);
	if (!r.ok) throw new Error(r.error.message);
	return r.value.id;
}

const measures = async () => {
	const room = await rooms.acquire(planId);
	if (!room) throw new Error('no room');
	try {
		return readPlan(room.doc, planId).fields[0].goals[0].measures;
	} finally {
		rooms.release(room);
	}
};

describe('making an item from a submission', () => {
	it('two concurrent requests make exactly one item (one 201, one 409)', async () => {
		const r = await round();
		const subId = await submitted(r.token);
		const body = { type: 'measure', parentId: ids.goal };
		const results = await Promise.all([
			feedback.createItemFrom(planId, r.id, subId, owner, body),
			feedback.createItemFrom(planId, r.id, subId, owner, body)
		]);
		const ok = results.filter((x) => x.ok);
		const refused = results.filter((x) => !x.ok);
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(1);
		expect(refused[0].ok ? null : refused[0].error.status).toBe(409);
		const items = await measures();
		expect(items).toHaveLength(1);
		const subs = await feedback.listSubmissions(planId, r.id);
		expect(subs.ok && subs.value[0].createdItemId).toBe(items[0].id);
		// a third try: already made
		const again = await feedback.createItemFrom(planId, r.id, subId, owner, body);
		expect(again.ok ? null : again.error.code).toBe('item_exists');
	});

	it('a failed creation releases the claim, so a corrected request works', async () => {
		const r = await round();
		const subId = await submitted(r.token);
		const bad = await feedback.createItemFrom(planId, r.id, subId, owner, {
			type: 'measure',
			parentId: 'no-such-goal'
		});
		expect(bad.ok).toBe(false);
		const good = await feedback.createItemFrom(planId, r.id, subId, owner, {
			type: 'measure',
			parentId: ids.goal
		});
		expect(good.ok).toBe(true);
		expect(await measures()).toHaveLength(1);
	});
});

describe("a goal's public text", () => {
	it('the public page shows the description, never the questionnaire answer (1)', async () => {
		const r = await round();
		const view = await feedback.publicRound(r.token);
		if (!view.ok) throw new Error(view.error.message);
		const goal = view.value.fields[0].goals[0];
		expect(goal.description).toBe('Öffentlicher Text');
		expect(JSON.stringify(view.value)).not.toContain('Antwort auf (1)');
	});

	it('a goal made from a contribution gets its text as description, not as answer (1)', async () => {
		const r = await round();
		const made = await feedback.submit(
			r.token,
			{
				kind: 'proposal_goal',
				targetId: ids.field,
				title: 'Neues Ziel',
				text: 'Vorschlagstext',
				name: '',
				consent: true
			},
			'10.1.0.1'
		);
		if (!made.ok) throw new Error(made.error.message);
		const created = await feedback.createItemFrom(planId, r.id, made.value.id, owner, {
			type: 'goal',
			parentId: ids.field
		});
		expect(created.ok).toBe(true);
		const room = await rooms.acquire(planId);
		if (!room) throw new Error('no room');
		try {
			const goal = readPlan(room.doc, planId).fields[0].goals.find((g) => g.title === 'Neues Ziel');
			expect(goal).toMatchObject({ description: 'Vorschlagstext', specific: '' });
		} finally {
			rooms.release(room);
		}
	});
});

/** Runs `fn` once, at the first step whose key starts with `prefix`. */
function once(name: keyof typeof hooks, prefix: string, fn: (key: string) => Promise<unknown>) {
	hooks[name] = async (key) => {
		if (!key.startsWith(prefix)) return;
		delete hooks[name];
		await fn(key);
	};
}

describe('deleting a round while someone submits', () => {
	const leftovers = async (roundId: string, subId = '') => ({
		sub: subId ? await realKv.get(`fb:sub:${roundId}:${subId}`) : null,
		subs: await realKv.sMembers(`fb:round:${roundId}:subs`),
		seq: await realKv.get(`fb:round:${roundId}:seq`)
	});
	const nothing = { sub: null, subs: [], seq: null };

	it('deleted after the submission took its number: it is refused and leaves nothing', async () => {
		const r = await round();
		let deleted: unknown;
		let subKey = '';
		once('beforeUpdate', `fb:round:${r.id}:seq`, async () => {
			deleted = await feedback.deleteRound(planId, r.id, owner);
		});
		hooks.beforeSet = (key) => {
			if (key.startsWith('fb:sub:')) subKey = key;
		};
		const sent = await submit(r.token);
		expect(deleted).toEqual({ ok: true, value: null });
		expect(sent.ok ? null : sent.error.status).toBe(404);
		expect(await leftovers(r.id, subKey.split(':').pop())).toEqual(nothing);
	});

	it('deleted just before the submission is written: it is refused and leaves nothing', async () => {
		const r = await round();
		let subKey = '';
		once('beforeSet', 'fb:sub:', async (key) => {
			subKey = key;
			await feedback.deleteRound(planId, r.id, owner);
		});
		const sent = await submit(r.token);
		expect(subKey).not.toBe('');
		expect(sent.ok ? null : sent.error.status).toBe(404);
		expect(await leftovers(r.id, subKey.split(':').pop())).toEqual(nothing);
	});

	it('a submission while the deletion reads the old ones: refused, nothing left', async () => {
		const r = await round();
		const first = await submitted(r.token, 'Vorher');
		let during: Awaited<ReturnType<typeof submit>> | undefined;
		once('afterSMembers', `fb:round:${r.id}:subs`, async () => {
			during = await submit(r.token, 'Währenddessen');
		});
		expect((await feedback.deleteRound(planId, r.id, owner)).ok).toBe(true);
		expect(during?.ok ? null : during?.error.status).toBe(404);
		expect(await leftovers(r.id, first)).toEqual(nothing);
		const id = during?.ok ? during.value.id : '';
		if (id) expect(await realKv.get(`fb:sub:${r.id}:${id}`)).toBeNull();
	});
});

describe('merging duplicates', () => {
	const triage = (roundId: string, subId: string, body: Record<string, unknown>) =>
		feedback.triage(planId, roundId, subId, owner, body);
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	async function pair() {
		const r = await round();
		return { r, a: await submitted(r.token, 'A'), b: await submitted(r.token, 'B') };
	}

	const noCycle = async (roundId: string) => {
		const subs = await feedback.listSubmissions(planId, roundId);
		if (!subs.ok) throw new Error(subs.error.message);
		const [a, b] = subs.value;
		expect(a.duplicateOf === b.id && b.duplicateOf === a.id).toBe(false);
	};

	it('A→B and B→A at the same time: at most one succeeds, never a cycle', async () => {
		const { r, a, b } = await pair();
		const results = await Promise.all([
			triage(r.id, a, { duplicateOf: b }),
			triage(r.id, b, { duplicateOf: a })
		]);
		expect(results.filter((x) => x.ok).length).toBeLessThanOrEqual(1);
		await noCycle(r.id);
	});

	it('B→A arriving while A→B is about to be written is refused as a cycle', async () => {
		const { r, a, b } = await pair();
		let second: Promise<Awaited<ReturnType<typeof triage>>> | undefined;
		// A→B has checked for cycles and is about to write: B→A starts now
		once('beforeUpdate', `fb:sub:${r.id}:${a}`, async () => {
			second = triage(r.id, b, { duplicateOf: a });
			await sleep(150);
		});
		const first = await triage(r.id, a, { duplicateOf: b });
		expect(first.ok).toBe(true);
		const late = await second!;
		expect(late.ok ? null : late.error.code).toBe('invalid_duplicate');
		await noCycle(r.id);
	});

	it('a cycle in stored data never hangs the consideration table', async () => {
		const { r, a, b } = await pair();
		// as it could have been written before the merge lock existed
		for (const [id, dup] of [
			[a, b],
			[b, a]
		]) {
			const key = `fb:sub:${r.id}:${id}`;
			const s = JSON.parse((await realKv.get(key))!);
			await realKv.set(key, JSON.stringify({ ...s, duplicateOf: dup }));
		}
		const rows = await feedback.consideration(planId, { roundId: r.id, withNames: false });
		expect(rows.ok && rows.value.map((x) => x.reason)).toEqual(['', '']);
		const c = await submitted(r.token, 'C');
		expect((await triage(r.id, c, { duplicateOf: a })).ok).toBe(true);
		expect((await triage(r.id, a, { duplicateOf: c })).ok).toBe(false);
	});
});

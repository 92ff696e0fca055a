import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { Editor, expectCode, runDocStoreContract, textOf } from './contract.support';
import {
	createRedisPubSub,
	createRedisStore,
	planUpdatesChannel,
	type RedisDocStore,
	type RedisPubSub
} from './redis-store';
import { createStore } from './index';
import { createMergePool } from './merge-pool';
import type { StorageLogger } from './types';

let redis: TestRedis;
let prefix = '';
let testNo = 0;

beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis?.stop();
});
beforeEach(() => {
	prefix = `t${++testNo}`; // fresh keyspace per test; all stores of one test share it
});

const lines: string[] = [];
const logger: StorageLogger = {
	warn: (m) => void lines.push(`warn ${m}`),
	error: (m) => void lines.push(`error ${m}`)
};

runDocStoreContract(
	'redis',
	async () => {
		const store = await createRedisStore({ url: redis.url, keyPrefix: prefix, logger });
		return { store, cleanup: () => store.close() };
	},
	async (_store, planId) => {
		const c = await createClient({ url: redis.url }).connect();
		try {
			return await c.lLen(`${prefix}:{${planId}}:log`);
		} finally {
			c.destroy();
		}
	}
);

// As the server runs it: compactions merge in a worker thread, awaited inside the WATCH.
const mergePool = createMergePool();
afterAll(() => mergePool.close());
runDocStoreContract('redis, merging in a worker', async () => {
	const store = await createRedisStore({
		url: redis.url,
		keyPrefix: prefix,
		logger,
		merge: mergePool.merge
	});
	return { store, cleanup: () => store.close() };
});

describe('redis store specifics', () => {
	const closers: Array<() => Promise<void>> = [];
	afterEach(async () => {
		for (const c of closers.splice(0).reverse()) await c();
	});
	const open = async () => {
		const s = await createRedisStore({
			url: redis.url,
			keyPrefix: prefix,
			logger,
			commandTimeoutMs: 3000
		});
		closers.push(() => s.close());
		return s;
	};
	const openPubSub = async () => {
		const p = await createRedisPubSub({ url: redis.url, keyPrefix: prefix, logger });
		closers.push(() => p.close());
		return p;
	};

	it('createStore picks the redis adapter when redisUrl is set', async () => {
		const store = await createStore({ redisUrl: redis.url, dataDir: '/nonexistent' });
		closers.push(() => store.close());
		expect(store.kind).toBe('redis');
	});

	it('uses hash-tagged keys and a plans set', async () => {
		const store = await open();
		await store.append('keys', new Editor().type('x'));
		await store.compact('keys');
		await store.append('keys', new Editor().type('y'));
		const c = await createClient({ url: redis.url }).connect();
		try {
			const keys = (await c.keys(`${prefix}:*`)).sort();
			expect(keys).toEqual([
				`${prefix}:plans`,
				`${prefix}:{keys}:log`,
				`${prefix}:{keys}:snapshot`
			]);
			expect(await c.type(`${prefix}:{keys}:log`)).toBe('list');
			expect(await c.sMembers(`${prefix}:plans`)).toEqual(['keys']);
		} finally {
			c.destroy();
		}
	});

	const connectRaw = () => createClient({ url: redis.url }).connect();
	const withRaw = async <T>(fn: (c: Awaited<ReturnType<typeof connectRaw>>) => Promise<T>) => {
		const c = await connectRaw();
		try {
			return await fn(c);
		} finally {
			c.destroy();
		}
	};
	const settle = (p: Promise<unknown>) =>
		p.then(
			() => null,
			(e: unknown) => e
		);

	it('delete leaves only a hash-tagged tombstone', async () => {
		const store = await open();
		const ed = new Editor();
		await store.append('gone', ed.type('a'));
		await store.compact('gone');
		await store.append('gone', ed.type('b'));
		await store.delete('gone');
		await expectCode(store.append('gone', ed.type('late')), 'deleted');
		await withRaw(async (c) => {
			expect(await c.keys(`${prefix}:*`)).toEqual([`${prefix}:{gone}:deleted`]);
			expect(Number(await c.get(`${prefix}:{gone}:deleted`))).toBeGreaterThan(Date.now() - 60_000);
		});
	});

	it('honours a tombstone next to plan data: no compaction, hidden, healed out of the set', async () => {
		const store = await open();
		const ed = new Editor();
		for (let i = 0; i < 3; i++) await store.append('ghost', ed.type(`${i};`));
		await withRaw(async (c) => {
			// As left by a delete() whose SREM failed, or an append whose SADD came after it.
			await c.set(`${prefix}:{ghost}:deleted`, '1');
			await c.del(`${prefix}:{ghost}:log`);
			await c.rPush(`${prefix}:{ghost}:log`, Buffer.from(ed.updates[0]));
			await store.compact('ghost');
			expect(await c.exists(`${prefix}:{ghost}:snapshot`)).toBe(0);
			expect(await c.lLen(`${prefix}:{ghost}:log`)).toBe(1);
			expect(await store.load('ghost')).toBeNull();
			expect(await store.exists('ghost')).toBe(false);
			await expectCode(store.append('ghost', ed.type('x')), 'deleted');
			expect(await c.lLen(`${prefix}:{ghost}:log`)).toBe(1);
			expect(await c.sIsMember(`${prefix}:plans`, 'ghost')).toBe(1);
			expect(await store.list()).toEqual([]);
			expect(await c.sIsMember(`${prefix}:plans`, 'ghost')).toBe(0);
		});
	});

	it('lists a plan with one SADD, not one per edit, and again after Redis lost it', async () => {
		const store = await open();
		const ed = new Editor();
		await withRaw(async (c) => {
			const sadds = async () => {
				const stats = await c.info('commandstats');
				return Number(/cmdstat_sadd:calls=(\d+)/.exec(stats)?.[1] ?? 0);
			};
			const before = await sadds();
			for (let i = 0; i < 20; i++) await store.append('listed', ed.type(`${i};`));
			expect((await sadds()) - before).toBe(1);
			expect(await store.list()).toContain('listed');
			// An emptied Redis: the next append starts a new log and lists the plan again.
			await c.flushAll();
			await store.append('listed', ed.type('nach dem Leeren'));
			expect(await store.list()).toEqual(['listed']);
			// After a compaction the log starts anew, too: listed again (harmless, idempotent).
			await store.compact('listed');
			const compacted = await sadds();
			await store.append('listed', ed.type('!'));
			expect((await sadds()) - compacted).toBe(1);
		});
	});

	it('a compaction racing a delete of a plan without snapshot writes no snapshot', async () => {
		const a = await open();
		const b = await open();
		await withRaw(async (c) => {
			for (let round = 0; round < 60; round++) {
				const planId = `cr-${round}`;
				const ed = new Editor();
				for (let i = 0; i < 3; i++) await a.append(planId, ed.type(`${i};`));
				const deleter = async () => {
					for (let k = 0; k < round % 6; k++) await new Promise((r) => setImmediate(r));
					await b.delete(planId);
				};
				await Promise.all([a.compact(planId), deleter()]);
				expect(await c.exists(`${prefix}:{${planId}}:snapshot`)).toBe(0);
				expect(await a.load(planId)).toBeNull();
			}
		});
	});

	it('appends from another instance racing a delete leave the plan deleted', async () => {
		const a = await open();
		const b = await open();
		for (let round = 0; round < 5; round++) {
			const planId = `xr-${round}`;
			const ed = new Editor();
			await b.append(planId, ed.type('pre;'));
			const ops: Promise<unknown>[] = [];
			for (let i = 0; i < 50; i++) {
				if (i === 10 + 5 * round) ops.push(settle(a.delete(planId)));
				ops.push(settle((i % 3 === 0 ? a : b).append(planId, ed.type(`${i};`))));
				if (i % 10 === 0) ops.push(settle(b.compact(planId)));
				if (i % 4 === 0) await new Promise((r) => setImmediate(r));
			}
			for (const e of await Promise.all(ops)) {
				if (e !== null) expect((e as { code?: unknown }).code).toBe('deleted');
			}
			for (const s of [a, b]) {
				expect(await s.load(planId)).toBeNull();
				expect(await s.exists(planId)).toBe(false);
				expect(await s.list()).not.toContain(planId);
				await expectCode(s.append(planId, ed.type('after')), 'deleted');
			}
			await withRaw(async (c) => {
				expect(await c.keys(`${prefix}:{${planId}}:*`)).toEqual([`${prefix}:{${planId}}:deleted`]);
				expect(await c.sIsMember(`${prefix}:plans`, planId)).toBe(0);
			});
		}
	});

	it('two stores compacting the same plan concurrently lose nothing', async () => {
		const a = await open();
		const b = await open();
		const ed = new Editor();
		const updates = Array.from({ length: 600 }, (_, i) => ed.type(`${i};`));
		let i = 0;
		const writer = async (store: RedisDocStore) => {
			while (i < updates.length) {
				const batch = updates.slice(i, i + 20);
				i += batch.length;
				await Promise.all(batch.map((u) => store.append('shared', u)));
			}
		};
		const compactor = async (store: RedisDocStore) => {
			for (let k = 0; k < 15; k++) {
				await store.compact('shared');
				await new Promise((r) => setImmediate(r));
			}
		};
		await Promise.all([writer(a), writer(b), compactor(a), compactor(b), compactor(a)]);
		expect(textOf(await a.load('shared'))).toBe(ed.text);
		await Promise.all([a.compact('shared'), b.compact('shared')]);
		expect(textOf(await b.load('shared'))).toBe(ed.text);
	});

	it('measures append latency', async () => {
		const store = await open();
		const ed = new Editor();
		const lat: number[] = [];
		for (let k = 0; k < 300; k++) {
			const u = ed.type('z');
			const t = performance.now();
			await store.append('lat', u);
			lat.push(performance.now() - t);
		}
		lat.sort((x, y) => x - y);
		console.log(
			`redis append: p50 ${lat[150].toFixed(3)} ms, p99 ${lat[Math.floor(lat.length * 0.99)].toFixed(3)} ms`
		);
		expect(lat[150]).toBeLessThan(20);
	});

	it('pub/sub carries binary payloads between connections', async () => {
		const p1 = await openPubSub();
		const p2 = await openPubSub();
		const channel = planUpdatesChannel('plan-x');
		const got: Buffer[] = [];
		const arrived = new Promise<void>((resolve) =>
			p2.subscribe(channel, (m) => {
				got.push(m);
				if (got.length === 2) resolve();
			})
		);
		await new Promise((r) => setTimeout(r, 50));
		// Every byte value, including invalid UTF-8 and NULs.
		const payload = Buffer.from(Array.from({ length: 512 }, (_, k) => k % 256));
		const update = new Editor().type('Grüße');
		expect(await p1.publish(channel, payload)).toBe(1);
		await p1.publish(channel, update);
		await arrived;
		expect(Buffer.isBuffer(got[0])).toBe(true);
		expect(got[0].equals(payload)).toBe(true);
		expect(textOf(new Uint8Array(got[1]))).toBe('Grüße');
		await p2.unsubscribe(channel);
		expect(await p1.publish(channel, payload)).toBe(0);
	});
});

// Kills and restarts the shared server, so it runs last, with its own fresh server.
describe('redis outage', () => {
	let own: TestRedis;
	let store: RedisDocStore | null = null;
	let pubsub: RedisPubSub | null = null;
	const unhandled: unknown[] = [];
	const onUnhandled = (e: unknown) => void unhandled.push(e);

	beforeAll(async () => {
		own = await startRedis();
		process.on('uncaughtException', onUnhandled);
		process.on('unhandledRejection', onUnhandled);
	});
	afterAll(async () => {
		process.off('uncaughtException', onUnhandled);
		process.off('unhandledRejection', onUnhandled);
		await store?.close();
		await pubsub?.close();
		await own?.stop();
	});

	it('rejects quickly with unavailable while Redis is down and recovers without a new store', async () => {
		store = await createRedisStore({ url: own.url, keyPrefix: prefix, logger });
		pubsub = await createRedisPubSub({ url: own.url, keyPrefix: prefix, logger });
		let storeReconnects = 0;
		let pubsubReconnects = 0;
		store.onReconnect(() => storeReconnects++);
		pubsub.onReconnect(() => pubsubReconnects++);
		const ed = new Editor();
		await store.append('outage', ed.type('before'));
		const preOutage: Buffer[] = [];
		await pubsub.subscribe('pre', (m) => preOutage.push(m));

		await own.kill();
		const t0 = performance.now();
		await expectCode(store.append('outage', ed.type('during')), 'unavailable');
		await expectCode(store.load('outage'), 'unavailable');
		await expectCode(store.compact('outage'), 'unavailable');
		await expectCode(pubsub.publish('c', Buffer.from('x')), 'unavailable');
		expect(performance.now() - t0).toBeLessThan(2000);
		// Still failing fast a while into the outage (no queue building up).
		await new Promise((r) => setTimeout(r, 700));
		const t1 = performance.now();
		await expectCode(store.exists('outage'), 'unavailable');
		expect(performance.now() - t1).toBeLessThan(500);

		await own.restart(); // comes back empty: nothing is persisted in tests
		const after = new Editor().type('after');
		const deadline = Date.now() + 8000;
		let ok = false;
		while (!ok && Date.now() < deadline) {
			ok = await store.append('outage', after).then(
				() => true,
				() => false
			);
			if (!ok) await new Promise((r) => setTimeout(r, 100));
		}
		expect(ok).toBe(true);
		expect(textOf(await store.load('outage'))).toBe('after');
		expect(storeReconnects).toBeGreaterThanOrEqual(1);
		// Pub/sub works again too.
		while (pubsubReconnects === 0 && Date.now() < deadline) {
			await new Promise((r) => setTimeout(r, 50));
		}
		expect(pubsubReconnects).toBeGreaterThanOrEqual(1);
		let resolveGot: (m: Buffer) => void = () => {};
		const got = new Promise<Buffer>((resolve) => (resolveGot = resolve));
		await pubsub.subscribe('after', (m) => resolveGot(m));
		await pubsub.publish('after', Buffer.from([0, 255, 1]));
		expect([...(await got)]).toEqual([0, 255, 1]);
		// A subscription made before the outage was restored by the client.
		expect(await pubsub.publish('pre', Buffer.from([7]))).toBe(1);
		await new Promise((r) => setTimeout(r, 100));
		expect(preOutage.map((b) => [...b])).toEqual([[7]]);
		expect(unhandled).toEqual([]);
		expect(lines.some((l) => l.includes('connection lost'))).toBe(true);
	});

	it('createRedisStore rejects with unavailable when Redis is unreachable', async () => {
		await own.kill();
		const t0 = performance.now();
		await expectCode(
			createRedisStore({ url: own.url, keyPrefix: prefix, logger, connectTimeoutMs: 800 }),
			'unavailable'
		);
		expect(performance.now() - t0).toBeLessThan(3000);
		await own.restart();
	});
});

describe('startRedis with persistDir', () => {
	it('keeps data across kill and restart', async () => {
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-redis-'));
		const r = await startRedis({ persistDir: dir });
		try {
			const store = await createRedisStore({ url: r.url, logger });
			const ed = new Editor();
			await store.append('kept', ed.type('persisted'));
			await r.kill();
			await r.restart();
			let state: Uint8Array | null = null;
			const deadline = Date.now() + 8000;
			while (state === null && Date.now() < deadline) {
				state = await store.load('kept').catch(() => null);
				if (state === null) await new Promise((res) => setTimeout(res, 100));
			}
			expect(textOf(state)).toBe('persisted');
			await store.close();
		} finally {
			await r.stop();
			await fs.rm(dir, { recursive: true, force: true });
		}
	});
});

/**
 * Behavioural contract every KvStore must meet. Call runKvContract() from an adapter's test;
 * `open()` may be called several times per test and every store it returns for one test shares
 * the same backing data (same directory / same Redis key prefix).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { KvError, type KvStore } from './kv';

export interface KvFixture {
	kv: KvStore;
	cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function runKvContract(
	name: string,
	makeKv: () => Promise<KvFixture>,
	/** True when two stores may be open on the same data at once (Redis; not the file store). */
	concurrentClients: boolean
): void {
	describe(`KvStore contract: ${name}`, () => {
		const fixtures: KvFixture[] = [];
		const open = async () => {
			const f = await makeKv();
			fixtures.push(f);
			return f.kv;
		};
		afterEach(async () => {
			for (const f of fixtures.splice(0).reverse()) await f.cleanup();
		});

		it('gets, sets, overwrites and deletes strings', async () => {
			const kv = await open();
			expect(await kv.get('a')).toBeNull();
			expect(await kv.set('a', '1')).toBe(true);
			expect(await kv.get('a')).toBe('1');
			expect(await kv.set('a', 'zwei ü')).toBe(true);
			expect(await kv.get('a')).toBe('zwei ü');
			await kv.set('b', '2');
			await kv.del(['a', 'b', 'missing']);
			expect(await kv.get('a')).toBeNull();
			expect(await kv.get('b')).toBeNull();
			await kv.set('c', '3');
			await kv.del('c');
			expect(await kv.get('c')).toBeNull();
		});

		it('set-if-absent writes only once', async () => {
			const kv = await open();
			const results = await Promise.all(
				Array.from({ length: 10 }, (_, i) => kv.set('once', `v${i}`, { ifAbsent: true }))
			);
			expect(results.filter(Boolean)).toHaveLength(1);
			const winner = results.indexOf(true);
			expect(await kv.get('once')).toBe(`v${winner}`);
			expect(await kv.set('once', 'other', { ifAbsent: true })).toBe(false);
			expect(await kv.get('once')).toBe(`v${winner}`);
		});

		it('expires keys after their TTL', async () => {
			const kv = await open();
			await kv.set('short', 'x', { ttlMs: 500 });
			await kv.set('long', 'y', { ttlMs: 60_000 });
			expect(await kv.get('short')).toBe('x');
			await sleep(900);
			expect(await kv.get('short')).toBeNull();
			expect(await kv.get('long')).toBe('y');
			// An expired key counts as absent for set-if-absent.
			expect(await kv.set('short', 'again', { ifAbsent: true })).toBe(true);
		});

		it('update keeps the TTL, deletes with null and leaves the key with undefined', async () => {
			const kv = await open();
			await kv.set('u', 'a', { ttlMs: 600 });
			const r = await kv.update('u', (cur) => ({ value: `${cur}b`, result: cur }));
			expect(r).toBe('a');
			expect(await kv.get('u')).toBe('ab');
			await sleep(1000);
			expect(await kv.get('u')).toBeNull();
			expect(await kv.update('u', (cur) => ({ result: cur }))).toBeNull();
			expect(await kv.get('u')).toBeNull();
			await kv.update('v', (cur) => ({ value: cur ?? 'new', result: null }));
			expect(await kv.get('v')).toBe('new');
			expect(await kv.update('v', () => ({ value: null, result: 7 }))).toBe(7);
			expect(await kv.get('v')).toBeNull();
		});

		it('loses no update under 50 parallel increments of a JSON counter', async () => {
			const kv = await open();
			const other = concurrentClients ? await open() : kv;
			const bump = (store: KvStore) =>
				store.update('json', (cur) => {
					const n = cur === null ? 0 : (JSON.parse(cur) as { n: number }).n;
					return { value: JSON.stringify({ n: n + 1 }), result: n + 1 };
				});
			// Two clients on the same data (for Redis: two connections racing each other's WATCH).
			const stores = concurrentClients ? [kv, other] : [kv];
			const results = await Promise.all(
				Array.from({ length: 50 }, (_, i) => bump(stores[i % stores.length]))
			);
			expect(JSON.parse((await kv.get('json')) ?? 'null')).toEqual({ n: 50 });
			expect([...results].sort((a, b) => a - b)).toEqual(
				Array.from({ length: 50 }, (_, i) => i + 1)
			);
		});

		it('counts with incr in a fixed window and reads counters', async () => {
			const kv = await open();
			expect(await kv.counter('c')).toBeNull();
			const all = await Promise.all(Array.from({ length: 20 }, () => kv.incr('c', 600)));
			expect(all.map((c) => c.value).sort((a, b) => a - b)).toEqual(
				Array.from({ length: 20 }, (_, i) => i + 1)
			);
			const c = await kv.counter('c');
			expect(c?.value).toBe(20);
			expect(c?.ttlMs).toBeGreaterThan(0);
			expect(c?.ttlMs).toBeLessThanOrEqual(600);
			await sleep(900);
			expect(await kv.counter('c')).toBeNull();
			expect((await kv.incr('c', 60_000)).value).toBe(1);
		});

		it('keeps sets', async () => {
			const kv = await open();
			expect(await kv.sMembers('s')).toEqual([]);
			await kv.sAdd('s', 'a');
			await kv.sAdd('s', 'b');
			await kv.sAdd('s', 'a');
			expect((await kv.sMembers('s')).sort()).toEqual(['a', 'b']);
			await kv.sRem('s', 'a');
			await kv.sRem('s', 'missing');
			expect(await kv.sMembers('s')).toEqual(['b']);
			await kv.del('s');
			expect(await kv.sMembers('s')).toEqual([]);
		});

		it('keeps capped lists, newest first', async () => {
			const kv = await open();
			for (let i = 0; i < 12; i++) await kv.listPush('l', `e${i}`, 10);
			const all = await kv.listRange('l', 0, -1);
			expect(all).toHaveLength(10);
			expect(all[0]).toBe('e11');
			expect(all[9]).toBe('e2');
			expect(await kv.listRange('l', 0, 2)).toEqual(['e11', 'e10', 'e9']);
			expect(await kv.listRange('l', 8, 20)).toEqual(['e3', 'e2']);
			expect(await kv.listRange('none', 0, -1)).toEqual([]);
		});

		it('keeps data for the next store on the same backing data', async () => {
			const first = await open();
			await first.set('p', 'persist');
			await first.set('t', 'ttl', { ttlMs: 60_000 });
			await first.sAdd('ps', 'm');
			await first.listPush('pl', 'x', 5);
			await first.update('pu', () => ({ value: '{"n":1}', result: null }));
			await first.close();
			const second = await open();
			expect(await second.get('p')).toBe('persist');
			expect(await second.get('t')).toBe('ttl');
			expect(await second.sMembers('ps')).toEqual(['m']);
			expect(await second.listRange('pl', 0, -1)).toEqual(['x']);
			expect(await second.get('pu')).toBe('{"n":1}');
		});

		it('rejects with KvError once closed', async () => {
			const kv = await open();
			await kv.close();
			const err = await kv.get('x').then(
				() => null,
				(e: unknown) => e
			);
			expect(err).toBeInstanceOf(KvError);
			const err2 = await kv.set('x', '1').then(
				() => null,
				(e: unknown) => e
			);
			expect(err2).toBeInstanceOf(KvError);
		});
	});
}

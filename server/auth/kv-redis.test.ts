/** The Redis KvStore against a private redis-server: the shared contract plus outages. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { KvError } from './kv';
import { runKvContract } from './kv-contract.support';
import { createRedisKv } from './kv-redis';

let redis: TestRedis;
let persistDir = '';
let prefix = '';
let testNo = 0;
const quiet = { warn: () => {}, error: () => {} };

beforeAll(async () => {
	persistDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-kv-redis-'));
	redis = await startRedis({ persistDir });
});
afterAll(async () => {
	await redis?.stop();
	await fs.rm(persistDir, { recursive: true, force: true });
});
beforeEach(() => {
	prefix = `kvt${++testNo}:`;
});

runKvContract(
	'redis',
	async () => {
		const kv = await createRedisKv({ url: redis.url, keyPrefix: prefix, logger: quiet });
		return { kv, cleanup: () => kv.close() };
	},
	true
);

describe('redis kv specifics', () => {
	it('prefixes every key with mitplan:app: by default', async () => {
		const kv = await createRedisKv({ url: redis.url, logger: quiet });
		const raw = await createClient({ url: redis.url }).connect();
		try {
			await kv.set('prefix-check', 'v');
			await kv.sAdd('prefix-set', 'm');
			expect(await raw.get('mitplan:app:prefix-check')).toBe('v');
			expect(await raw.sMembers('mitplan:app:prefix-set')).toEqual(['m']);
			expect(await raw.get('prefix-check')).toBeNull();
			await kv.del(['prefix-check', 'prefix-set']);
		} finally {
			raw.destroy();
			await kv.close();
		}
	});

	it('fails fast with KvError while Redis is down and works again after it is back', async () => {
		const kv = await createRedisKv({ url: redis.url, keyPrefix: prefix, logger: quiet });
		try {
			await kv.set('survives', 'yes');
			await kv.update('survives-json', () => ({ value: '{"n":1}', result: null }));
			await redis.kill();
			const err = await kv.get('survives').then(
				() => null,
				(e: unknown) => e
			);
			expect(err).toBeInstanceOf(KvError);
			expect((err as KvError).code).toBe('unavailable');
			await redis.restart();
			let value: string | null = null;
			for (let i = 0; i < 100 && value === null; i++) {
				value = await kv.get('survives').catch(() => null);
				if (value === null) await new Promise((r) => setTimeout(r, 100));
			}
			expect(value).toBe('yes');
			expect(await kv.get('survives-json')).toBe('{"n":1}');
			let updated = false;
			for (let i = 0; i < 50 && !updated; i++) {
				updated = await kv
					.update('survives-json', (cur) => ({ value: cur + '!', result: true }))
					.catch(() => false);
				if (!updated) await new Promise((r) => setTimeout(r, 100));
			}
			expect(await kv.get('survives-json')).toBe('{"n":1}!');
		} finally {
			await kv.close();
		}
	});
});

/**
 * The access service on Redis (a private redis-server with an append-only file, so a restart
 * keeps the data): the shared suite, where "reopen" restarts the Redis server and the service
 * reconnects, plus isolation from the plan store's keys.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { createRedisKv } from './kv-redis';
import { runAccessServiceSuite } from './service-suite.support';
import { createAccessService } from './service';

let redis: TestRedis;
let persistDir = '';
let n = 0;
const quiet = { warn: () => {}, error: () => {} };
const quietLog = {
	error: () => {},
	warn: () => {},
	info: () => {},
	debug: () => {},
	child: () => quietLog
};

beforeAll(async () => {
	persistDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-auth-redis-'));
	redis = await startRedis({ persistDir });
});
afterAll(async () => {
	await redis?.stop();
	await fs.rm(persistDir, { recursive: true, force: true });
});

/** Waits until the client is back after a Redis restart. */
async function waitReady(get: () => Promise<unknown>): Promise<void> {
	for (let i = 0; i < 100; i++) {
		try {
			await get();
			return;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	throw new Error('redis did not come back');
}

runAccessServiceSuite('redis kv', async () => {
	const keyPrefix = `mitplan:app:t${++n}:`;
	const kv = await createRedisKv({ url: redis.url, keyPrefix, logger: quiet });
	return {
		kv,
		async reopen() {
			// A Redis restart: the same client reconnects and finds everything again.
			await redis.restart();
			await waitReady(() => kv.get('ping'));
			// Transactions use a second connection, which reconnects on its own schedule.
			await waitReady(() => kv.update('ping', () => ({ result: null })));
			return kv;
		},
		cleanup: () => kv.close()
	};
});

describe('access service on redis: key isolation', () => {
	it('writes only mitplan:app: keys', async () => {
		const raw = await createClient({ url: redis.url }).connect();
		try {
			await raw.flushAll();
			const kv = await createRedisKv({ url: redis.url, logger: quiet });
			const svc = await createAccessService({
				kv,
				log: quietLog,
				passwordHashing: { logN: 10, r: 8, p: 1 }
			});
			const u = await svc.createUser({ email: 'a@stadt.de', name: 'A', password: 'geheim-geheim' });
			if (!u.ok) throw new Error(u.error.message);
			await svc.registerPlan('p1', {
				kind: 'user',
				id: u.value.id,
				name: 'A',
				email: 'a@stadt.de',
				isAdmin: false
			});
			await svc.login('a@stadt.de', 'geheim-geheim', '1.2.3.4');
			await svc.login('a@stadt.de', 'falsch-falsch', '1.2.3.4');
			const keys = await raw.keys('*');
			expect(keys.length).toBeGreaterThan(5);
			for (const key of keys) expect(key.startsWith('mitplan:app:')).toBe(true);
			await kv.close();
		} finally {
			raw.destroy();
		}
	});
});

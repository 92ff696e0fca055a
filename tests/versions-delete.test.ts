/**
 * A deleted plan stays deleted in the versions storage: a pending automatic snapshot or pending
 * history entries of the plan are not written after the deletion — neither on the instance that
 * deleted it (file store) nor on another instance that only heard of it through the bus (Redis).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import { createOwnedPlan, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { startInProcess, tempDir } from './helpers/server';

type Instance = Awaited<ReturnType<typeof startInProcess>>;

const AUTO_IDLE_MS = 400;
const clients: TestClient[] = [];
const cleanups: Array<() => Promise<void> | void> = [];

afterAll(async () => {
	for (const c of clients) c.destroy();
	for (const fn of cleanups.reverse()) await fn();
});

async function editedPlan(owner: Instance, editAt: Instance, title: string) {
	const { planId, owner: principal } = await createOwnedPlan(owner.core, title);
	const c = connectClient(
		editAt.wsUrl,
		planId,
		'Anna',
		await syncToken(owner.core, principal, planId)
	);
	clients.push(c);
	await c.synced;
	expect(createItem(c.doc, { type: 'field', values: { title: 'Gesundheit' } }).ok).toBe(true);
	// the edit reached the server (a pending history entry and a running snapshot timer there)
	await waitFor(
		() => (editAt.core.rooms.peek(planId)?.doc.getMap('items').size ?? 0) > 0,
		'edit on the server'
	);
	return planId;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('versions of a deleted plan', () => {
	it('file store: no snapshot, index or history is written after the deletion', async () => {
		const data = tempDir();
		const server = await startInProcess({
			DATA_DIR: data.dir,
			VERSION_AUTO_IDLE_MS: String(AUTO_IDLE_MS)
		});
		cleanups.push(
			() => data.remove(),
			() => server.close()
		);
		const planId = await editedPlan(server, server, 'Gelöscht (Datei)');
		expect((await server.core.plans.deletePlan(planId)).ok).toBe(true);

		await pause(AUTO_IDLE_MS + 600);
		await server.core.versions.flushHistory(true);
		expect(existsSync(path.join(data.dir, 'versions', planId))).toBe(false);
		expect(await server.core.kv.get(`versions:${planId}`)).toBeNull();
		expect(await server.core.kv.listRange(`history:${planId}`, 0, -1)).toEqual([]);

		// a plan that is not deleted still gets its automatic snapshot
		const kept = await editedPlan(server, server, 'Bleibt');
		await waitFor(
			async () => (await server.core.kv.get(`versions:${kept}`)) !== null,
			'automatic snapshot of a living plan',
			AUTO_IDLE_MS + 5000
		);
	});

	it('Redis, two instances: the other instance writes nothing for the deleted plan', async () => {
		const redis: TestRedis = await startRedis();
		cleanups.push(() => redis.stop());
		const env = { REDIS_URL: redis.url, VERSION_AUTO_IDLE_MS: String(AUTO_IDLE_MS) };
		const a = await startInProcess(env);
		const b = await startInProcess(env);
		cleanups.push(() => a.close());
		// edited through B: B holds the pending history entry and the snapshot timer
		const planId = await editedPlan(a, b, 'Gelöscht (Redis)');
		expect((await a.core.plans.deletePlan(planId)).ok).toBe(true);
		await waitFor(() => b.core.rooms.isDeleted(planId), 'B heard of the deletion');

		await pause(AUTO_IDLE_MS + 600);
		await b.close(); // flushes pending history
		const db = createClient({ url: redis.url });
		await db.connect();
		try {
			const keys = await db.keys(`*${planId}*`);
			expect(keys.length).toBeGreaterThan(0); // the plan's tombstone: the right database
			expect(keys.filter((k) => /versions|history/.test(k))).toEqual([]);
		} finally {
			await db.close();
		}
	});
});

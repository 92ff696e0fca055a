/**
 * Issue 12, item 17: Redis loses a plan that a room still holds in memory (FLUSHALL, or a restart
 * without its data). The room writes the full state back, so the plan survives, with a real
 * redis-server and real y-websocket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import * as Y from 'yjs';
import { createItem, readPlan } from '../src/lib/domain/index';
import { createOwnedPlan, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { startInProcess } from './helpers/server';

let redis: TestRedis;
let server: Awaited<ReturnType<typeof startInProcess>>;
const clients: TestClient[] = [];
const errors: string[] = [];

beforeAll(async () => {
	redis = await startRedis();
	server = await startInProcess({ REDIS_URL: redis.url, LOG_LEVEL: 'info' });
	const write = process.stderr.write.bind(process.stderr);
	process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		errors.push(String(chunk));
		return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stderr.write;
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.close();
	await redis.stop();
});

/** What a fresh load from Redis gives. */
async function storedPlan(planId: string) {
	const state = await server.core.store.load(planId);
	if (!state) return null;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return readPlan(doc, planId);
}

async function planWithItems(title: string) {
	const { planId, owner } = await createOwnedPlan(server.core, title);
	const c = connectClient(
		server.wsUrl,
		planId,
		'Anna',
		await syncToken(server.core, owner, planId)
	);
	clients.push(c);
	await c.synced;
	for (const t of ['Wohnen', 'Arbeit', 'Bildung']) {
		expect(createItem(c.doc, { type: 'field', values: { title: t } }).ok).toBe(true);
	}
	await waitFor(async () => (await storedPlan(planId))?.fields.length === 3, 'items stored');
	return { planId, c };
}

async function flushAll() {
	const admin = createClient({ url: redis.url });
	await admin.connect();
	await admin.flushAll();
	await admin.quit();
}

describe('a store that lost a plan held in memory', () => {
	it('after FLUSHALL the next edit brings the full plan back into Redis, logged once', async () => {
		const { planId, c } = await planWithItems('Verloren geglaubt');
		await flushAll();
		expect(await storedPlan(planId)).toBeNull();
		errors.length = 0;
		expect(createItem(c.doc, { type: 'field', values: { title: 'Nach dem Leeren' } }).ok).toBe(
			true
		);
		await waitFor(
			async () => (await storedPlan(planId))?.fields.length === 4,
			'full state written back'
		);
		const plan = (await storedPlan(planId))!;
		expect(plan.meta.title).toBe('Verloren geglaubt');
		expect(plan.fields.map((f) => f.title).sort()).toEqual(
			['Arbeit', 'Bildung', 'Nach dem Leeren', 'Wohnen'].sort()
		);
		expect(await server.core.store.list()).toContain(planId);
		expect(errors.filter((e) => /STORE LOST A PLAN/.test(e))).toHaveLength(1);
	});

	it('after Redis restarted empty the room writes the plan back on reconnect', async () => {
		const { planId } = await planWithItems('Neustart ohne Daten');
		await redis.restart();
		await waitFor(
			async () => {
				try {
					return (await storedPlan(planId))?.fields.length === 3;
				} catch {
					return false;
				}
			},
			'plan back in the restarted Redis',
			15_000
		);
		expect((await storedPlan(planId))!.meta.title).toBe('Neustart ohne Daten');
		expect(errors.some((e) => /STORE LOST A PLAN/.test(e) && e.includes(planId))).toBe(true);
	});
});

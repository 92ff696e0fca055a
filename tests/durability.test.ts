/**
 * Durability across processes: the production bundle (build/server/main.js) as a child process,
 * killed with SIGKILL right after an edit reached it; a restarted server must serve every edit.
 * Also a Redis outage of a few seconds: edits made meanwhile are kept and stored once Redis is
 * back, and a compaction merged in the bundle's worker thread. Needs `npm run build` (done by
 * `npm test`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createItem, getText, readPlan, type PlanJson } from '../src/lib/domain/index';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup();
});

/** Each server process with the administrator's HTTP session and sync tokens per plan. */
const sessions = new Map<ServerProcess, HttpSession>();
const tokens = new Map<string, string>();

async function spawn(env: Record<string, string>): Promise<ServerProcess> {
	const server = await spawnServer({ SEED_EXAMPLE_PLAN: 'false', ...ADMIN_ENV, ...env });
	cleanups.push(() => server.stop());
	sessions.set(server, await login(server.httpUrl));
	return server;
}

function client(server: ServerProcess, planId: string): TestClient {
	const c = connectClient(server.wsUrl, planId, 'Test', tokens.get(planId));
	cleanups.push(() => c.destroy());
	return c;
}

async function createPlan(server: ServerProcess, title: string): Promise<string> {
	const session = sessions.get(server)!;
	const response = await session.request('/api/plans', {
		method: 'POST',
		json: { title, municipality: 'Teststadt' }
	});
	expect(response.status).toBe(201);
	const id = ((await response.json()) as { id: string }).id;
	tokens.set(id, await syncTokenViaApi(session, id));
	return id;
}

async function getPlan(server: ServerProcess, planId: string): Promise<PlanJson> {
	const response = await sessions.get(server)!.request(`/api/plans/${planId}`);
	expect(response.status).toBe(200);
	return (await response.json()) as PlanJson;
}

/**
 * Makes an edit on one client, waits until a second client (so: the server) has it, and then until
 * the server says it is stored: a new client's sync step 1 is answered only when every update the
 * room took is stored (room.ts) — the "gespeichert" the editor sees. Relaying to the witness alone
 * does not wait for the disk, so under load a kill right after it could come before the write.
 */
async function editAndConfirm(server: ServerProcess, planId: string, title: string) {
	const writer = client(server, planId);
	const witness = client(server, planId);
	await Promise.all([writer.synced, witness.synced]);
	const field = createItem(writer.doc, { type: 'field', values: { title } });
	if (!field.ok) throw new Error(field.error.message);
	getText(writer.doc, field.value, 'situation')!.insert(0, 'Getippt kurz vor dem Absturz');
	await waitFor(
		() =>
			getText(witness.doc, field.value, 'situation')?.toString() === 'Getippt kurz vor dem Absturz',
		'edit reached the server'
	);
	const stored = client(server, planId);
	await stored.synced;
	writer.provider.disconnect();
	witness.provider.disconnect();
	stored.provider.disconnect();
	return field.value;
}

describe.each([
	['embedded file store', async () => ({ DATA_DIR: scratch().dir })],
	['Redis', async () => ({ REDIS_URL: (await redis()).url })]
])('kill -9 with the %s', (_name, environment) => {
	it('loses no edit that reached the server', async () => {
		const env = await environment();
		const first = await spawn(env);
		const planId = await createPlan(first, 'Absturztest');
		const fieldId = await editAndConfirm(first, planId, 'Sprache und Bildung');
		await first.kill9();

		const second = await spawn(env);
		const plan = await getPlan(second, planId);
		expect(plan.meta.title).toBe('Absturztest');
		expect(plan.fields.map((f) => f.title)).toEqual(['Sprache und Bildung']);
		const fresh = client(second, planId);
		await fresh.synced;
		expect(getText(fresh.doc, fieldId, 'situation')?.toString()).toBe(
			'Getippt kurz vor dem Absturz'
		);
	});
});

describe('compaction in the production bundle', () => {
	it('merges in the merge worker (build/server/merge-worker.js) and loses nothing', async () => {
		const dir = scratch().dir;
		const first = await spawn({ DATA_DIR: dir, COMPACT_EVERY: '5' });
		const planId = await createPlan(first, 'Verdichtungstest');
		const writer = client(first, planId);
		await writer.synced;
		const field = createItem(writer.doc, { type: 'field', values: { title: 'Wohnen' } });
		if (!field.ok) throw new Error(field.error.message);
		const text = getText(writer.doc, field.value, 'situation')!;
		for (let i = 0; i < 12; i++) text.insert(text.length, `${i};`);
		const snapshot = path.join(dir, 'plans', planId, 'snapshot.bin');
		await waitFor(() => existsSync(snapshot), 'compacted into a snapshot', 15_000);
		// The worker started from the bundle (a missing script would be logged and merged inline).
		expect(first.output()).not.toContain('merge worker failed');
		const stored = client(first, planId);
		await stored.synced;
		await first.kill9();

		const second = await spawn({ DATA_DIR: dir });
		const fresh = client(second, planId);
		await fresh.synced;
		expect(getText(fresh.doc, field.value, 'situation')?.toString()).toBe(
			Array.from({ length: 12 }, (_, i) => `${i};`).join('')
		);
	});
});

describe('Redis outage', () => {
	it('keeps edits made while Redis is down and stores them when it is back', async () => {
		const dir = scratch().dir;
		const r = await redis({ persistDir: dir });
		const server = await spawn({ REDIS_URL: r.url });
		const planId = await createPlan(server, 'Ausfalltest');
		const writer = client(server, planId);
		const witness = client(server, planId);
		await Promise.all([writer.synced, witness.synced]);

		await r.kill();
		// The API answers with a clear error instead of failing or hanging.
		const down = await sessions.get(server)!.request('/api/plans');
		expect(down.status).toBe(503);
		expect(await down.json()).toMatchObject({ error: { code: 'storage_unavailable' } });
		const health = await fetch(`${server.httpUrl}/api/health`);
		expect(health.status).toBe(503);
		expect(await health.json()).toMatchObject({ status: 'unavailable', storage: 'redis' });
		const during = createItem(writer.doc, {
			type: 'principle',
			values: { title: 'Während des Ausfalls' }
		});
		const duringId = during.ok ? during.value : '';
		// Other users keep working with each other while Redis is away.
		await waitFor(() => witness.doc.getMap('items').has(duringId), 'relayed during outage');
		await new Promise((resolve) => setTimeout(resolve, 1500));
		await r.restart();
		await waitFor(
			() => server.output().includes('unsaved updates stored after retry'),
			'retry stored the update',
			15_000
		);
		await server.kill9();

		const again = await spawn({ REDIS_URL: r.url });
		const plan = await getPlan(again, planId);
		expect(plan.principles.map((p) => p.title)).toEqual(['Während des Ausfalls']);
		expect(readPlan(witness.doc, planId).principles).toHaveLength(1);
	}, 60_000);
});

function scratch() {
	const dir = tempDir();
	cleanups.push(() => dir.remove());
	return dir;
}

async function redis(options: { persistDir?: string } = {}): Promise<TestRedis> {
	const r = await startRedis(options);
	cleanups.push(() => r.stop());
	return r;
}

/**
 * Issue 12, item 18: appends that fail (a full disk, simulated by an injected ENOSPC) make the
 * instance unhealthy until they work again, and the outage is logged once, not once per append.
 * Real server, real y-websocket client, file store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, readPlan } from '../src/lib/domain/index';
import { StorageError } from '../server/storage/types';
import { createOwnedPlan, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startInProcess, tempDir } from './helpers/server';

let server: Awaited<ReturnType<typeof startInProcess>>;
let data: ReturnType<typeof tempDir>;
let c: TestClient;
const lines: string[] = [];
let restoreStderr: () => void;

beforeAll(async () => {
	data = tempDir();
	server = await startInProcess({ DATA_DIR: data.dir, LOG_LEVEL: 'info' });
	const write = process.stderr.write.bind(process.stderr);
	process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
		lines.push(String(chunk));
		return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
	}) as typeof process.stderr.write;
	restoreStderr = () => (process.stderr.write = write);
});

afterAll(async () => {
	restoreStderr();
	c?.destroy();
	await server.close();
	data.remove();
});

describe('failing appends (full disk)', () => {
	it('health says not ok while appends fail, one log line per outage, recovers', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Volle Platte');
		c = connectClient(server.wsUrl, planId, 'Anna', await syncToken(server.core, owner, planId));
		await c.synced;
		expect(await server.core.plans.healthy()).toBe(true);

		const store = server.core.store;
		const append = store.append.bind(store);
		store.append = () =>
			Promise.reject(new StorageError('unavailable', 'ENOSPC: no space left on device, write'));
		lines.length = 0;
		for (let i = 0; i < 20; i++) {
			expect(createItem(c.doc, { type: 'field', values: { title: `Feld ${i}` } }).ok).toBe(true);
		}
		const room = server.core.rooms.peek(planId)!;
		await waitFor(() => room.doc.getMap('items').size === 20, 'edits reached the server');
		await waitFor(async () => !(await server.core.plans.healthy()), 'health reports the outage');
		await new Promise((r) => setTimeout(r, 1_000)); // several retries fail meanwhile
		expect(await server.core.plans.healthy()).toBe(false);
		const failing = lines.filter((l) => /append/i.test(l) && /ERROR/.test(l));
		expect(failing).toHaveLength(1);

		store.append = append; // disk has space again
		await waitFor(async () => server.core.plans.healthy(), 'healthy again', 10_000);
		await room.flush();
		expect(lines.filter((l) => /store appends recovered/.test(l))).toHaveLength(1);
		const stored = await store.load(planId);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored!);
		expect(readPlan(doc, planId).fields).toHaveLength(20);
	});
});

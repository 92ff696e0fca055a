/**
 * Connection and size limits of issue 12 (items 13, 14 and 18) against real in-process servers on
 * real ports, with raw clients: socket.io connections per person, sync upgrades per client
 * address, the plan byte cap (PLAN_MAX_BYTES) and the periodic /sync session re-check.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, getText, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { K } from '../server/auth/records';
import { sha256 } from '../server/auth/tokens';
import { createOwnedPlan, createTestUser, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, rawSocket, waitFor, type TestClient } from './helpers/clients';
import { closeSockets, connected, refused, sessionCookie, socketClient } from './helpers/review';
import { startInProcess, tempDir } from './helpers/server';

type Server = Awaited<ReturnType<typeof startInProcess>>;
const dirs: ReturnType<typeof tempDir>[] = [];
const servers: Server[] = [];
const clients: TestClient[] = [];

async function start(env: Record<string, string>): Promise<Server> {
	const data = tempDir();
	dirs.push(data);
	const server = await startInProcess({ DATA_DIR: data.dir, ...env });
	servers.push(server);
	return server;
}

afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
	closeSockets();
});

afterAll(async () => {
	await Promise.all(servers.map((s) => s.close()));
	for (const d of dirs) d.remove();
});

/** Resolves with the close code, or -1 if the socket is still open after `ms`. */
function closedWithin(closed: Promise<{ code: number }>, ms: number): Promise<number> {
	return Promise.race([
		closed.then((c) => c.code),
		new Promise<number>((r) => setTimeout(() => r(-1), ms))
	]);
}

describe('socket.io connections per person (SOCKETIO_MAX_CONNECTIONS_PER_USER)', () => {
	let server: Server;
	beforeAll(async () => {
		server = await start({ SOCKETIO_MAX_CONNECTIONS_PER_USER: '2' });
	});

	it('refuses the third connection of one person; another person still connects', async () => {
		const many = await createTestUser(server.core, 'Viele Fenster');
		const cookie = await sessionCookie(server.core, many);
		const first = socketClient(server.httpUrl, { cookie });
		await connected(first);
		const second = socketClient(server.httpUrl, { cookie });
		await connected(second);

		const third = socketClient(server.httpUrl, { cookie });
		expect(await refused(third)).toMatchObject({
			code: 'too_many_connections',
			message: expect.stringContaining('Zu viele gleichzeitige Verbindungen')
		});

		const other = await createTestUser(server.core, 'Andere Person');
		const theirs = socketClient(server.httpUrl, {
			cookie: await sessionCookie(server.core, other)
		});
		await connected(theirs);

		// a closed connection frees its slot
		first.close();
		await waitFor(async () => {
			const again = socketClient(server.httpUrl, { cookie });
			try {
				await connected(again);
				return true;
			} catch {
				return false;
			}
		}, 'a slot after closing one');
	});
});

describe('sync upgrades per client address (SYNC_MAX_UPGRADES_PER_ADDRESS)', () => {
	let server: Server;
	beforeAll(async () => {
		// behind a proxy: the client address comes from X-Forwarded-For (as adapter-node reads it)
		server = await start({
			SYNC_MAX_UPGRADES_PER_ADDRESS: '3',
			TRUST_PROXY: 'true',
			ADDRESS_HEADER: 'X-Forwarded-For',
			XFF_DEPTH: '1'
		});
	});

	it('answers 429 over the limit for one address while another address gets through', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Adressen');
		const token = await syncToken(server.core, owner, planId);
		const from = (address: string) =>
			rawSocket(`${server.wsUrl}/sync/${planId}`, token, { 'x-forwarded-for': address });

		for (let i = 0; i < 3; i++) {
			const s = from('203.0.113.5');
			await s.opened;
			s.ws.close();
		}
		const over = from('203.0.113.5');
		await expect(over.opened).rejects.toThrow(/429/);

		const other = from('198.51.100.7');
		await other.opened;
		expect(await closedWithin(other.closed, 300)).toBe(-1);
		other.ws.close();
		// the refused address stays refused in this minute
		await expect(from('203.0.113.5').opened).rejects.toThrow(/429/);
	});
});

describe('plan byte cap and session re-check', () => {
	let server: Server;
	beforeAll(async () => {
		server = await start({ PLAN_MAX_BYTES: '65536', SYNC_SESSION_RECHECK_SECONDS: '1' });
	});

	async function client(planId: string, token: string): Promise<TestClient> {
		const c = connectClient(server.wsUrl, planId, 'Test', token);
		clients.push(c);
		await c.synced;
		return c;
	}

	/** The plan as the store has it (the room's pending writes flushed first). */
	async function stored(planId: string): Promise<Y.Doc> {
		await server.core.rooms.peek(planId)?.flush();
		const doc = new Y.Doc();
		Y.applyUpdate(doc, (await server.core.store.load(planId))!);
		return doc;
	}

	/** A Leitlinie with a 15,000-character statement (about 15 KB), in one update. */
	function bigItem(doc: Y.Doc, title: string): void {
		doc.transact(() => {
			const made = createItem(doc, { type: 'principle', values: { title } });
			const id = made.ok ? made.value : '';
			getText(doc, id, 'statement')!.insert(0, 'x'.repeat(15_000));
		});
	}

	it('closes with 4413 when an update pushes the plan over PLAN_MAX_BYTES; nothing of it is stored; deletions pass', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Groß');
		const editor = await memberWithRole(server.core, planId, owner, 'editor', 'Eddi');
		const e = await client(planId, await syncToken(server.core, editor, planId));
		for (const title of ['Eins', 'Zwei', 'Drei', 'Vier']) bigItem(e.doc, title);
		await waitFor(
			async () => readPlan(await stored(planId), planId).principles.length === 4,
			'four big items stored'
		);

		const closed = new Promise<{ code: number; reason: string }>((resolve) => {
			e.provider.on('connection-close', (event: CloseEvent | null) =>
				resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' })
			);
		});
		bigItem(e.doc, 'Fünf');
		const { code, reason } = await closed;
		e.destroy(); // its copy still holds the refused change and would send it again
		expect(code).toBe(CloseCode.PlanTooLarge);
		expect(reason).toMatch(/Plan zu groß/);

		const afterRefusal = readPlan(await stored(planId), planId).principles;
		expect(afterRefusal.map((p) => p.title).sort()).toEqual(['Drei', 'Eins', 'Vier', 'Zwei']);
		expect(Y.encodeStateAsUpdate(await stored(planId)).byteLength).toBeLessThanOrEqual(65536);

		// readable; the owner deletes one item, and then a big text fits again
		const o = await client(planId, await syncToken(server.core, owner, planId));
		const items = readPlan(o.doc, planId).principles;
		expect(items).toHaveLength(4);
		o.doc.getMap('items').delete(items.find((p) => p.title === 'Eins')!.id);
		await waitFor(
			async () => readPlan(await stored(planId), planId).principles.length === 3,
			'deletion stored'
		);
		bigItem(o.doc, 'Neu');
		await waitFor(
			async () => readPlan(await stored(planId), planId).principles.some((p) => p.title === 'Neu'),
			'a big item after the repair'
		);
		expect(o.provider.wsconnected).toBe(true);
	});

	it('closes a session /sync connection within seconds once its session is gone from the store', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Nachprüfen');
		const open = async () => {
			const cookie = await sessionCookie(server.core, owner);
			const s = rawSocket(`${server.wsUrl}/sync/${planId}`, undefined, { cookie });
			await s.opened;
			return { s, key: K.session(sha256(decodeURIComponent(cookie.split('=')[1]))) };
		};
		const deleted = await open();
		const expired = await open();
		const untouched = await open();

		// straight in the store: no logout, no access-change event
		await server.core.kv.del(deleted.key);
		const record = JSON.parse((await server.core.kv.get(expired.key))!) as { expiresAt: number };
		await server.core.kv.set(expired.key, JSON.stringify({ ...record, expiresAt: Date.now() - 1 }));

		expect(await closedWithin(deleted.s.closed, 4000)).toBe(CloseCode.Unauthenticated);
		expect(await closedWithin(expired.s.closed, 4000)).toBe(CloseCode.Unauthenticated);
		expect(await closedWithin(untouched.s.closed, 1500)).toBe(-1);
		untouched.s.ws.close();
	});
});

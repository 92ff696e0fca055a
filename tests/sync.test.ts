/**
 * The /sync websocket with real y-websocket clients on a real port (embedded file store):
 * co-editing, presence, bad input of every kind, and that nothing accepted is lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { SCHEMA_VERSION, createItem, getText, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, rawSocket, waitFor, type TestClient } from './helpers/clients';
import { startInProcess, tempDir } from './helpers/server';

const MAX = 64 * 1024;

let server: Awaited<ReturnType<typeof startInProcess>>;
let data: ReturnType<typeof tempDir>;
let planId: string;
/** A sync token of the plan's owner. */
let token: string;
let owner: Awaited<ReturnType<typeof createOwnedPlan>>['owner'];
const clients: TestClient[] = [];

function client(name = 'Test'): TestClient {
	const c = connectClient(server.wsUrl, planId, name, token);
	clients.push(c);
	return c;
}

beforeAll(async () => {
	data = tempDir();
	server = await startInProcess({ DATA_DIR: data.dir, SYNC_MAX_MESSAGE_BYTES: String(MAX) });
	({ planId, owner } = await createOwnedPlan(server.core, 'Integrationskonzept Teststadt'));
	token = await syncToken(server.core, owner, planId);
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await server.close();
	data.remove();
});

describe('co-editing through the sync server', () => {
	it('delivers the stored plan and each client’s edits to the others', async () => {
		const a = client('Anna');
		const b = client('Bülent');
		await Promise.all([a.synced, b.synced]);
		expect(readPlan(a.doc, planId).meta.title).toBe('Integrationskonzept Teststadt');

		const field = createItem(a.doc, { type: 'field', values: { title: 'Wohnen und Unterkunft' } });
		expect(field.ok).toBe(true);
		await waitFor(() => readPlan(b.doc, planId).fields.length === 1, 'field reaches B');
		expect(readPlan(b.doc, planId).fields[0].title).toBe('Wohnen und Unterkunft');

		// Concurrent typing in the same text merges.
		const id = field.ok ? field.value : '';
		getText(a.doc, id, 'situation')!.insert(0, 'Mieten steigen. ');
		getText(b.doc, id, 'situation')!.insert(0, 'Wenig Wohnraum. ');
		await waitFor(
			() =>
				getText(a.doc, id, 'situation')!.toString() ===
					getText(b.doc, id, 'situation')!.toString() &&
				getText(a.doc, id, 'situation')!.length === 32,
			'texts converge'
		);
	});

	it('shares presence (awareness) and removes it when a client leaves', async () => {
		const a = client('Anna');
		const b = client('Bülent');
		await Promise.all([a.synced, b.synced]);
		a.provider.awareness.setLocalStateField('editing', 'item-1');
		await waitFor(
			() =>
				[...b.provider.awareness.getStates().values()].some(
					(s) => s.user?.name === 'Eigentümerin' && s.editing === 'item-1'
				),
			'B sees Anna editing item-1'
		);
		const annaId = a.doc.clientID;
		a.destroy();
		await waitFor(() => !b.provider.awareness.getStates().has(annaId), 'Anna’s presence removed');
	});

	it('shows the signed-in name and keeps others from taking over someone’s presence', async () => {
		const a = client('Anna');
		const viewer = await memberWithRole(server.core, planId, owner, 'viewer', 'Vera Viewer');
		const v = connectClient(
			server.wsUrl,
			planId,
			'Bürgermeister',
			await syncToken(server.core, viewer, planId)
		);
		clients.push(v);
		await Promise.all([a.synced, v.synced]);
		// The name a client claims is replaced by its account's name.
		await waitFor(
			() =>
				[...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Vera Viewer'),
			'Anna sees Vera under her account name'
		);
		expect(
			[...a.provider.awareness.getStates().values()].some((s) => s.user?.name === 'Bürgermeister')
		).toBe(false);
		// Vera forges a presence update for Anna's client id: it is refused.
		a.provider.awareness.setLocalStateField('editing', 'echt');
		await waitFor(
			() => (v.provider.awareness.getStates().get(a.doc.clientID)?.editing as string) === 'echt',
			'V sees Anna'
		);
		const forged = new Awareness(new Y.Doc());
		forged.clientID = a.doc.clientID;
		forged.setLocalState({ user: { name: 'Anna' }, editing: 'gefälscht' });
		forged.meta.set(a.doc.clientID, { clock: 999, lastUpdated: Date.now() });
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(forged, [a.doc.clientID]));
		(v.provider.ws as unknown as { send(data: Uint8Array): void }).send(
			encoding.toUint8Array(encoder)
		);
		await new Promise((r) => setTimeout(r, 200));
		expect(a.provider.awareness.getStates().get(a.doc.clientID)?.editing).toBe('echt');
		const onServer = server.core.rooms.peek(planId)!.awareness.getStates().get(a.doc.clientID);
		expect(onServer?.editing).toBe('echt');
	});

	it('closes a connection that sends oversized presence', async () => {
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await s.opened;
		const big = new Awareness(new Y.Doc());
		big.setLocalState({ user: { name: 'x' }, blob: 'x'.repeat(40 * 1024) });
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 1);
		encoding.writeVarUint8Array(encoder, encodeAwarenessUpdate(big, [big.clientID]));
		s.ws.send(encoding.toUint8Array(encoder));
		const closed = await s.closed;
		expect(closed.code).toBe(CloseCode.Malformed);
		expect(closed.reason).toMatch(/Anwesenheit/);
	});

	it('echoes presence to its sender, so a lone client is not dropped by y-websocket’s 30 s timeout', async () => {
		const a = client('Allein');
		await a.synced;
		await new Promise((resolve) => setTimeout(resolve, 50));
		const before = a.provider.wsLastMessageReceived;
		a.provider.awareness.setLocalStateField('editing', 'x');
		await waitFor(() => a.provider.wsLastMessageReceived > before, 'server answered the sender');
	});

	it('keeps every edit in the store (a fresh client after all left sees them)', async () => {
		const a = client();
		await a.synced;
		const r = createItem(a.doc, { type: 'principle', values: { title: 'Teilhabe für alle' } });
		const id = r.ok ? r.value : '';
		const room = server.core.rooms.peek(planId)!;
		await waitFor(() => room.doc.getMap('items').has(id), 'server received the edit');
		await room.flush();
		const stored = await server.core.store.load(planId);
		const doc = new Y.Doc();
		Y.applyUpdate(doc, stored!);
		expect(readPlan(doc, planId).principles.map((p) => p.title)).toContain('Teilhabe für alle');
	});
});

describe('bad input', () => {
	async function healthyClientStillWorks() {
		const a = client();
		const b = client();
		await Promise.all([a.synced, b.synced]);
		const r = createItem(a.doc, { type: 'principle', values: { title: `Probe ${Math.random()}` } });
		expect(r.ok).toBe(true);
		const id = r.ok ? r.value : '';
		await waitFor(() => b.doc.getMap('items').has(id), 'healthy clients still sync');
	}

	it.each([
		['../x', '%2E%2E%2Fx'],
		['empty', ''],
		['5000 characters', 'a'.repeat(5000)],
		['slash', 'a%2Fb'],
		['umlaut', '%C3%A4'],
		['bad escape', '%E0%A4%A']
	])('refuses an invalid plan id (%s) with 4401', async (_name, raw) => {
		const s = rawSocket(`${server.wsUrl}/sync/${raw}`);
		const { code } = await s.closed;
		expect(code).toBe(CloseCode.InvalidPlanId);
	});

	it('refuses an unknown plan like one without access (4003) and does not create it', async () => {
		const s = rawSocket(
			`${server.wsUrl}/sync/gibt-es-nicht`,
			await syncToken(server.core, owner, 'gibt-es-nicht')
		);
		expect((await s.closed).code).toBe(CloseCode.Forbidden);
		expect(await server.core.store.exists('gibt-es-nicht')).toBe(false);
	});

	it('closes a connection sending an unknown message type with 4400, others unaffected', async () => {
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await s.opened;
		s.ws.send(new Uint8Array([99, 1, 2, 3]));
		const closed = await s.closed;
		expect(closed.code).toBe(CloseCode.Malformed);
		expect(closed.reason).toMatch(/Nachrichtentyp/);
		await healthyClientStillWorks();
	});

	it('closes on an undecodable update and stores nothing of it', async () => {
		const before = await server.core.store.load(planId);
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await s.opened;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0); // sync
		encoding.writeVarUint(encoder, 2); // update
		encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 1, 7, 7, 7, 7]));
		s.ws.send(encoding.toUint8Array(encoder));
		expect((await s.closed).code).toBe(CloseCode.Malformed);
		await server.core.rooms.peek(planId)?.flush();
		const after = await server.core.store.load(planId);
		expect(Buffer.from(after!).equals(Buffer.from(before!))).toBe(true);
		await healthyClientStillWorks();
	});

	it('closes on truncated bytes, text frames and empty frames', async () => {
		for (const payload of [new Uint8Array([0]), 'hallo', new Uint8Array([])]) {
			const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
			await s.opened;
			s.ws.send(payload);
			expect((await s.closed).code).toBe(CloseCode.Malformed);
		}
		await healthyClientStillWorks();
	});

	it('closes a connection whose message exceeds SYNC_MAX_MESSAGE_BYTES with 1009', async () => {
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await s.opened;
		s.ws.send(new Uint8Array(MAX + 1));
		expect((await s.closed).code).toBe(CloseCode.TooLarge);
		await healthyClientStillWorks();
	});

	it('survives clients that disconnect mid-sync or mid-frame', async () => {
		for (let i = 0; i < 5; i++) {
			const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
			await s.opened;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, 0);
			encoding.writeVarUint(encoder, 0);
			encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
			s.ws.send(encoding.toUint8Array(encoder));
			s.ws.terminate();
		}
		// Half a frame: header announces 1000 bytes, 3 arrive, then the socket dies.
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		await s.opened;
		const socket = (s.ws as unknown as { _socket: import('node:net').Socket })._socket;
		socket.write(Buffer.from([0x82, 0xfe, 0x03, 0xe8, 1, 2, 3, 4, 9, 9, 9]));
		socket.destroy();
		await healthyClientStillWorks();
		expect(server.core.sync.connectionCount).toBeGreaterThan(0);
	});

	it('answers upgrades on other paths by closing the socket', async () => {
		const s = rawSocket(`${server.wsUrl}/nicht-sync/${planId}`);
		await expect(s.opened).rejects.toBeTruthy();
	});
});

describe('closeReason', () => {
	it('keeps close reasons within the 123-byte websocket limit, also with umlauts', async () => {
		const { closeReason } = await import('../server/sync/connection');
		const long = 'Ä'.repeat(200);
		expect(Buffer.byteLength(closeReason(long))).toBeLessThanOrEqual(123);
		expect(closeReason('kurz')).toBe('kurz');
	});
});

describe('after a bad message', () => {
	it('applies nothing more that the same connection sends', async () => {
		const { planId: id, owner: itsOwner } = await createOwnedPlan(server.core, 'Nach dem Fehler');
		const s = rawSocket(`${server.wsUrl}/sync/${id}`, await syncToken(server.core, itsOwner, id));
		await s.opened;
		// A valid update, made by a scratch doc, sent right after a malformed message.
		const scratch = new Y.Doc();
		scratch.getMap('items').set('eingeschleust', 'x');
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, 0);
		encoding.writeVarUint(encoder, 2);
		encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(scratch));
		s.ws.send(new Uint8Array([42]));
		s.ws.send(encoding.toUint8Array(encoder));
		expect((await s.closed).code).toBe(CloseCode.Malformed);
		const stored = new Y.Doc();
		Y.applyUpdate(stored, (await server.core.store.load(id))!);
		expect(stored.getMap('items').has('eingeschleust')).toBe(false);
	});
});

describe('older documents', () => {
	it('are migrated to the current schema when loaded, and the migration is stored', async () => {
		// A v0 prototype document: no schemaVersion, a title as plain string, links as an array.
		const v0 = new Y.Doc();
		v0.getMap('meta').set('title', 'Altes Konzept');
		const field = new Y.Map<unknown>();
		v0.getMap('items').set('feld1', field);
		field.set('type', 'field');
		field.set('title', 'Sprache und Bildung');
		await server.core.store.append('altplan', Y.encodeStateAsUpdate(v0));
		await server.core.access.registerPlan('altplan', owner);

		const old = connectClient(
			server.wsUrl,
			'altplan',
			'Test',
			await syncToken(server.core, owner, 'altplan')
		);
		clients.push(old);
		await old.synced;
		expect(old.doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
		const plan = readPlan(old.doc, 'altplan');
		expect(plan.fields.map((f) => f.title)).toEqual(['Sprache und Bildung']);
		expect(getText(old.doc, 'feld1', 'title')?.toString()).toBe('Sprache und Bildung');

		await server.core.rooms.peek('altplan')!.flush();
		const stored = new Y.Doc();
		Y.applyUpdate(stored, (await server.core.store.load('altplan'))!);
		expect(stored.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
	});
});

describe('connection limit', () => {
	it('closes connections beyond SYNC_MAX_CONNECTIONS with 4429 and accepts again later', async () => {
		const dir = tempDir();
		const small = await startInProcess({ DATA_DIR: dir.dir, SYNC_MAX_CONNECTIONS: '3' });
		try {
			const plan = await createOwnedPlan(small.core, 'Begrenzt');
			const t = await syncToken(small.core, plan.owner, plan.planId);
			const first = [0, 1, 2].map(() => connectClient(small.wsUrl, plan.planId, 'Test', t));
			await Promise.all(first.map((c) => c.synced));
			const extra = rawSocket(`${small.wsUrl}/sync/${plan.planId}`, t);
			expect((await extra.closed).code).toBe(CloseCode.TooManyConnections);
			first[0].destroy();
			await waitFor(() => small.core.sync.connectionCount === 2, 'a place became free');
			const later = connectClient(small.wsUrl, plan.planId, 'Test', t);
			await later.synced;
			for (const c of [...first.slice(1), later]) c.destroy();
		} finally {
			await small.close();
			dir.remove();
		}
	});
});

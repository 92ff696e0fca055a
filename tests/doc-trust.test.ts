/**
 * Write scopes and size limits inside the plan document (issue 12, items 2 and 13), with real
 * y-websocket clients against a real server: a refused change is closed with its code, is not
 * stored and does not reach other peers; a plan over its limits stays readable and its owner can
 * still delete.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { SCHEMA_VERSION, createItem, getText, readMeta, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { setTranslation, translated } from '../src/lib/domain/translations';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, rawSocket, waitFor, type TestClient } from './helpers/clients';
import { startInProcess, tempDir } from './helpers/server';

let server: Awaited<ReturnType<typeof startInProcess>>;
let data: ReturnType<typeof tempDir>;
const clients: TestClient[] = [];

beforeAll(async () => {
	data = tempDir();
	server = await startInProcess({ DATA_DIR: data.dir, PLAN_MAX_ENTRIES: '12' });
});

afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
	await server.close();
	data.remove();
});

async function planWithEditor(title: string) {
	const { planId, owner } = await createOwnedPlan(server.core, title);
	const editor = await memberWithRole(server.core, planId, owner, 'editor', 'Eddi');
	return {
		planId,
		ownerToken: await syncToken(server.core, owner, planId),
		editorToken: await syncToken(server.core, editor, planId)
	};
}

async function client(planId: string, token: string): Promise<TestClient> {
	const c = connectClient(server.wsUrl, planId, 'Test', token);
	clients.push(c);
	await c.synced;
	return c;
}

/** The close code of the client's next closed connection. */
function nextClose(c: TestClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => {
		const onClose = (event: CloseEvent | null) => {
			c.provider.off('connection-close', onClose);
			resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
		};
		c.provider.on('connection-close', onClose);
	});
}

/** What the store holds for the plan (after everything accepted was written). */
async function stored(planId: string): Promise<Y.Doc> {
	await server.core.rooms.peek(planId)?.flush();
	const doc = new Y.Doc();
	Y.applyUpdate(doc, (await server.core.store.load(planId))!);
	return doc;
}

describe('write scopes in the document', () => {
	it('an editor cannot change title, status, funding notice or schema version', async () => {
		const { planId, ownerToken, editorToken } = await planWithEditor('Einstellungen');
		const watcher = await client(planId, ownerToken);
		const changes: Array<(meta: Y.Map<unknown>) => void> = [
			(m) => m.set('title', 'Gekapert'),
			(m) => m.set('status', 'beschlossen'),
			(m) => m.set('fundingNotice', 'Werbung'),
			(m) => m.set('schemaVersion', 999),
			(m) => m.delete('municipality')
		];
		for (const change of changes) {
			const editor = await client(planId, editorToken);
			const closed = nextClose(editor);
			change(editor.doc.getMap('meta'));
			const { code, reason } = await closed;
			expect(code).toBe(CloseCode.Refused);
			expect(reason).toMatch(/Prozesssteuerung/);
		}
		await new Promise((r) => setTimeout(r, 200));
		const expected = { title: 'Einstellungen', status: 'entwurf', schemaVersion: SCHEMA_VERSION };
		expect(readMeta(watcher.doc)).toMatchObject(expected); // not relayed
		expect(readMeta(server.core.rooms.peek(planId)!.doc)).toMatchObject(expected);
		expect(readMeta(await stored(planId))).toMatchObject(expected); // not stored
		// Items remain the editor's to change.
		const editor = await client(planId, editorToken);
		const made = createItem(editor.doc, { type: 'field', values: { title: 'Wohnen' } });
		expect(made.ok).toBe(true);
		await waitFor(() => readPlan(watcher.doc, planId).fields.length === 1, 'item relayed');
	});

	it('the owner changes settings; unknown areas and invalid values are refused for everyone', async () => {
		const { planId, ownerToken } = await planWithEditor('Eigentum');
		const owner = await client(planId, ownerToken);
		owner.doc.getMap('meta').set('status', 'in_beratung');
		await waitFor(
			async () => readMeta(await stored(planId)).status === 'in_beratung',
			'owner setting stored'
		);
		for (const change of [
			(d: Y.Doc) => d.getMap('meta').set('schemaVersion', 999),
			(d: Y.Doc) => d.getMap('fremd').set('x', 'y'),
			(d: Y.Doc) => d.getMap('meta').set('status', 'erfunden')
		]) {
			const c = await client(planId, ownerToken);
			const closed = nextClose(c);
			change(c.doc);
			expect((await closed).code).toBe(CloseCode.Refused);
		}
		const doc = await stored(planId);
		expect(doc.share.has('fremd')).toBe(false);
		expect(readMeta(doc)).toMatchObject({ schemaVersion: SCHEMA_VERSION, status: 'in_beratung' });
	});

	it('editors translate; unknown languages and bidi overrides in titles are refused', async () => {
		const { planId, ownerToken, editorToken } = await planWithEditor('Übersetzt');
		const watcher = await client(planId, ownerToken);
		const editor = await client(planId, editorToken);
		const made = createItem(editor.doc, { type: 'principle', values: { title: 'Teilhabe' } });
		const id = made.ok ? made.value : '';
		expect(setTranslation(editor.doc, id, 'title', 'ar', 'المشاركة').ok).toBe(true);
		await waitFor(() => translated(watcher.doc, id, 'title', 'ar').text === 'المشاركة', 'relayed');
		const trOf = (d: Y.Doc) =>
			(d.getMap('items').get(id) as Y.Map<unknown>).get('tr') as Y.Map<unknown>;
		for (const change of [
			(d: Y.Doc) => trOf(d).set('xx.title', new Y.Text('x')),
			(d: Y.Doc) => trOf(d).set('ar.title', new Y.Text('\u202Eabc'))
		]) {
			const c = await client(planId, editorToken);
			const closed = nextClose(c);
			change(c.doc);
			expect((await closed).code).toBe(CloseCode.Refused);
		}
		const doc = await stored(planId);
		expect(trOf(doc).has('xx.title')).toBe(false);
		expect(translated(doc, id, 'title', 'ar').text).toBe('المشاركة');
	});

	it('refuses a text over 20,000 characters and stores none of it', async () => {
		const { planId, ownerToken, editorToken } = await planWithEditor('Langtext');
		const watcher = await client(planId, ownerToken);
		const editor = await client(planId, editorToken);
		const made = createItem(editor.doc, { type: 'principle', values: { title: 'Teilhabe' } });
		const id = made.ok ? made.value : '';
		await waitFor(() => readPlan(watcher.doc, planId).principles.length === 1, 'item relayed');
		const closed = nextClose(editor);
		getText(editor.doc, id, 'statement')!.insert(0, 'x'.repeat(20_001));
		const { code, reason } = await closed;
		expect(code).toBe(CloseCode.PlanTooLarge);
		expect(reason).toMatch(/20\.000 Zeichen/);
		await new Promise((r) => setTimeout(r, 200));
		expect(getText(watcher.doc, id, 'statement')!.length).toBe(0);
		expect(getText(await stored(planId), id, 'statement')!.length).toBe(0);
	});
});

describe('plan size limits', () => {
	it('refuses entries over PLAN_MAX_ENTRIES; the plan stays readable and deletions pass', async () => {
		const { planId, ownerToken, editorToken } = await planWithEditor('Voll');
		const editor = await client(planId, editorToken);
		for (let i = 0; i < 12; i++) {
			expect(createItem(editor.doc, { type: 'principle', values: { title: `L${i}` } }).ok).toBe(
				true
			);
		}
		await waitFor(
			() => server.core.rooms.peek(planId)!.doc.getMap('items').size === 12,
			'12 items on the server'
		);
		const closed = nextClose(editor);
		createItem(editor.doc, { type: 'principle', values: { title: 'Eins zu viel' } });
		const { code, reason } = await closed;
		expect(code).toBe(CloseCode.PlanTooLarge);
		expect(reason).toMatch(/Plan zu groß/);
		expect(readPlan(await stored(planId), planId).principles).toHaveLength(12);

		// Readable, and the owner repairs it by deleting; then adding works again.
		const owner = await client(planId, ownerToken);
		expect(readPlan(owner.doc, planId).principles).toHaveLength(12);
		const first = readPlan(owner.doc, planId).principles[0].id;
		owner.doc.getMap('items').delete(first);
		await waitFor(
			async () => readPlan(await stored(planId), planId).principles.length === 11,
			'deleted'
		);
		expect(createItem(owner.doc, { type: 'principle', values: { title: 'Neu' } }).ok).toBe(true);
		await waitFor(
			async () => readPlan(await stored(planId), planId).principles.some((p) => p.title === 'Neu'),
			'added after repair'
		);
	});
});

describe('presence entries per connection', () => {
	/** An awareness message announcing `count` presence client ids starting at `first`. */
	function presence(first: number, count: number): Uint8Array {
		const update = encoding.createEncoder();
		encoding.writeVarUint(update, count);
		for (let id = first; id < first + count; id++) {
			encoding.writeVarUint(update, id);
			encoding.writeVarUint(update, 1);
			encoding.writeVarString(update, JSON.stringify({ user: { name: 'x' } }));
		}
		const message = encoding.createEncoder();
		encoding.writeVarUint(message, 1);
		encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
		return encoding.toUint8Array(message);
	}

	it('closes a connection that announces more than a few client ids, also spread over messages', async () => {
		const { planId, editorToken } = await planWithEditor('Anwesenheit');
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`, editorToken);
		await s.opened;
		for (let i = 0; i < 40; i++) s.ws.send(presence(1_000_000 + i * 3, 3));
		const closed = await s.closed;
		expect(closed.code).toBe(CloseCode.Malformed);
		expect(closed.reason).toMatch(/Anwesenheits-Einträge/);
		const states = server.core.rooms.peek(planId)?.awareness.getStates().size ?? 0;
		expect(states).toBeLessThanOrEqual(16);
	});
});

/**
 * Translator assignment (issue 15) with real y-websocket clients against a real server: a viewer
 * named translator for `ar` writes the Arabic translations and nothing else; without (or after
 * revoking) the assignment nothing passes, also on a socket that was open when it was revoked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, getText, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { setPlanLanguages, setTranslation, translated } from '../src/lib/domain/translations';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startInProcess, tempDir } from './helpers/server';

let server: Awaited<ReturnType<typeof startInProcess>>;
let data: ReturnType<typeof tempDir>;
const clients: TestClient[] = [];

beforeAll(async () => {
	data = tempDir();
	server = await startInProcess({ DATA_DIR: data.dir });
});

afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
	await server.close();
	data.remove();
});

async function client(planId: string, token: string): Promise<TestClient> {
	const c = connectClient(server.wsUrl, planId, 'Test', token);
	clients.push(c);
	await c.synced;
	return c;
}

function nextClose(c: TestClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => {
		const onClose = (event: CloseEvent | null) => {
			c.provider.off('connection-close', onClose);
			resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
		};
		c.provider.on('connection-close', onClose);
	});
}

/** A plan with one field item, languages ar and en, an owner client and a viewer. */
async function setup() {
	const { planId, owner } = await createOwnedPlan(server.core, 'Übersetzen');
	const viewer = await memberWithRole(server.core, planId, owner, 'viewer', 'Vera');
	const ownerClient = await client(planId, await syncToken(server.core, owner, planId));
	setPlanLanguages(ownerClient.doc, ['ar', 'en']);
	const made = createItem(ownerClient.doc, { type: 'field', values: { title: 'Wohnen' } });
	if (!made.ok) throw new Error('item');
	const id = made.value;
	const room = () => server.core.rooms.peek(planId)!.doc;
	await waitFor(() => readPlan(room(), planId).fields.length === 1, 'item on the server');
	return { planId, owner, viewer, ownerClient, id, room };
}

describe('translators on the sync websocket', () => {
	it('the assignment is stored with the member and validated', async () => {
		const { planId, owner, viewer } = await setup();
		const access = server.core.access;
		expect(await access.setTranslator(planId, owner, viewer.id, ['xx'])).toMatchObject({
			ok: false,
			error: { code: 'invalid_language' }
		});
		expect(await access.setTranslator(planId, owner, 'u-nobody', ['ar'])).toMatchObject({
			ok: false,
			error: { code: 'member_not_found' }
		});
		expect(await access.setTranslator(planId, owner, viewer.id, ['en', 'ar'])).toMatchObject({
			ok: true,
			value: { languages: ['en', 'ar'] }
		});
		const members = await access.listMembers(planId);
		expect(members.find((m) => m.userId === viewer.id)?.translates).toEqual(['en', 'ar']);
		expect(await access.translatorLanguages(viewer, planId)).toEqual(['en', 'ar']);
		// A role change keeps it; removing the member ends it.
		await access.setMember(planId, owner, { userId: viewer.id }, 'reviewer');
		expect(await access.translatorLanguages(viewer, planId)).toEqual(['en', 'ar']);
		await access.removeMember(planId, owner, viewer.id);
		expect(await access.translatorLanguages(viewer, planId)).toEqual([]);
	});

	it('a translator writes tr.ar.title but not tr.en.title, the German title or new items', async () => {
		const { planId, owner, viewer, id, room } = await setup();
		expect((await server.core.access.setTranslator(planId, owner, viewer.id, ['ar'])).ok).toBe(
			true
		);
		const token = await syncToken(server.core, viewer, planId);
		const t = await client(planId, token);
		setTranslation(t.doc, id, 'title', 'ar', 'السكن');
		await waitFor(
			() => translated(room(), id, 'title', 'ar').text === 'السكن',
			'Arabic translation on the server'
		);
		const refused: Array<(d: Y.Doc) => void> = [
			(d) => setTranslation(d, id, 'title', 'en', 'Housing'),
			(d) => getText(d, id, 'title')!.insert(0, 'X'),
			(d) => createItem(d, { type: 'field', values: { title: 'Neu' } })
		];
		for (const change of refused) {
			const c = await client(planId, token);
			const closed = nextClose(c);
			change(c.doc);
			expect((await closed).code).toBe(CloseCode.Refused);
		}
		await new Promise((r) => setTimeout(r, 200));
		expect(translated(room(), id, 'title', 'en').fallback).toBe(true);
		expect(getText(room(), id, 'title')?.toString()).toBe('Wohnen');
		expect(readPlan(room(), planId).fields.length).toBe(1);
	});

	it('a viewer without assignment cannot write tr; a revoked assignment ends on the open socket', async () => {
		const { planId, owner, viewer, id, room } = await setup();
		const token = await syncToken(server.core, viewer, planId);
		const plain = await client(planId, token);
		setTranslation(plain.doc, id, 'title', 'ar', 'لا');
		await new Promise((r) => setTimeout(r, 300));
		expect(translated(room(), id, 'title', 'ar').fallback).toBe(true); // dropped
		plain.destroy();

		await server.core.access.setTranslator(planId, owner, viewer.id, ['ar']);
		const t = await client(planId, token);
		setTranslation(t.doc, id, 'title', 'ar', 'السكن');
		await waitFor(() => translated(room(), id, 'title', 'ar').text === 'السكن', 'written');
		// Revoked while the socket is open: it is closed (4005) and reconnects read-only.
		const closed = nextClose(t);
		await server.core.access.setTranslator(planId, owner, viewer.id, []);
		expect((await closed).code).toBe(CloseCode.AccessChanged);
		await waitFor(() => t.provider.wsconnected && t.provider.synced, 'reconnected');
		setTranslation(t.doc, id, 'title', 'ar', 'تغيير');
		await new Promise((r) => setTimeout(r, 300));
		expect(translated(room(), id, 'title', 'ar').text).toBe('السكن');
	});
});

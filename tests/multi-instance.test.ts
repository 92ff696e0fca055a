/**
 * Two server instances on different ports sharing one (private) Redis: edits and presence made
 * through one reach clients of the other, either instance loads every edit, a plan deleted on one
 * disconnects the other's clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem, getText, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { startInProcess } from './helpers/server';

let redis: TestRedis;
let a: Awaited<ReturnType<typeof startInProcess>>;
let b: Awaited<ReturnType<typeof startInProcess>>;
const clients: TestClient[] = [];

/** Sync tokens of each plan's owner (signed with the secret both instances share in Redis). */
const tokens = new Map<string, string>();

function client(url: string, planId: string, name = 'Test'): TestClient {
	const c = connectClient(url, planId, name, tokens.get(planId));
	clients.push(c);
	return c;
}

async function newPlan(title: string): Promise<string> {
	const { planId, owner } = await createOwnedPlan(a.core, title);
	tokens.set(planId, await syncToken(a.core, owner, planId));
	return planId;
}

beforeAll(async () => {
	redis = await startRedis();
	// The same INSTANCE_ID on purpose: a copied deployment config must not stop the relay.
	a = await startInProcess({ REDIS_URL: redis.url, INSTANCE_ID: 'mitplan', ROOM_IDLE_MS: '0' });
	b = await startInProcess({ REDIS_URL: redis.url, INSTANCE_ID: 'mitplan' });
});

afterAll(async () => {
	for (const c of clients) c.destroy();
	await a.close();
	await b.close();
	await redis.stop();
});

describe('two instances on one Redis', () => {
	it('relays edits between clients of different instances, both ways', async () => {
		const planId = await newPlan('Vielfaltsstrategie Niedernhausen');
		const onA = client(a.wsUrl, planId, 'Anna');
		const onB = client(b.wsUrl, planId, 'Bülent');
		await Promise.all([onA.synced, onB.synced]);
		expect(readPlan(onB.doc, planId).meta.title).toBe('Vielfaltsstrategie Niedernhausen');

		const field = createItem(onA.doc, { type: 'field', values: { title: 'Gesundheit' } });
		const fieldId = field.ok ? field.value : '';
		await waitFor(() => readPlan(onB.doc, planId).fields.length === 1, 'A → B');

		getText(onB.doc, fieldId, 'situation')!.insert(0, 'Ausgangslage aus B');
		await waitFor(
			() => getText(onA.doc, fieldId, 'situation')?.toString() === 'Ausgangslage aus B',
			'B → A'
		);
	});

	it('shares presence across instances', async () => {
		const planId = await newPlan('Presence');
		const onA = client(a.wsUrl, planId, 'Anna');
		const onB = client(b.wsUrl, planId, 'Bülent');
		await Promise.all([onA.synced, onB.synced]);
		onA.provider.awareness.setLocalStateField('editing', 'feld-1');
		await waitFor(
			() =>
				[...onB.provider.awareness.getStates().values()].some(
					(s) => s.user?.name === 'Eigentümerin' && s.editing === 'feld-1'
				),
			'B sees Anna'
		);
		const annaId = onA.doc.clientID;
		onA.destroy();
		await waitFor(() => !onB.provider.awareness.getStates().has(annaId), 'Anna gone on B');
	});

	it('a plan loaded fresh by either instance shows all edits', async () => {
		const planId = await newPlan('Frisch geladen');
		const onA = client(a.wsUrl, planId);
		await onA.synced;
		for (let i = 0; i < 20; i++)
			createItem(onA.doc, { type: 'principle', values: { title: `L${i}` } });
		const roomA = a.core.rooms.peek(planId)!;
		await waitFor(() => readPlan(roomA.doc, planId).principles.length === 20, 'A received');
		await roomA.flush();

		// B has never loaded this plan: its JSON comes from Redis.
		expect(b.core.rooms.peek(planId)).toBeUndefined();
		const json = await b.core.plans.getPlan(planId);
		expect(json.ok && json.value.principles.length).toBe(20);
		const onB = client(b.wsUrl, planId);
		await onB.synced;
		expect(readPlan(onB.doc, planId).principles.map((p) => p.title)).toContain('L19');
	});

	it('renaming through the API on B reaches a client on A', async () => {
		const planId = await newPlan('Alter Titel');
		const onA = client(a.wsUrl, planId);
		await onA.synced;
		const renamed = await b.core.plans.updatePlanMeta(planId, { title: 'Neuer Titel' });
		expect(renamed.ok).toBe(true);
		await waitFor(() => readPlan(onA.doc, planId).meta.title === 'Neuer Titel', 'rename on A');
	});

	it('deleting a plan on A disconnects its clients on B with 4410', async () => {
		const planId = await newPlan('Wird gelöscht');
		const onB = client(b.wsUrl, planId);
		await onB.synced;
		const closed = new Promise<number>((resolve) =>
			onB.provider.on('connection-close', (event) => event && resolve(event.code))
		);
		const deleted = await a.core.plans.deletePlan(planId);
		expect(deleted.ok).toBe(true);
		expect(await closed).toBe(CloseCode.PlanDeleted);
		expect(await b.core.plans.getPlan(planId)).toMatchObject({
			ok: false,
			error: { code: 'plan_not_found' }
		});
	});

	it('keeps relaying after a room is unloaded while a client reconnects (no lost subscription)', async () => {
		const planId = await newPlan('Wieder verbunden');
		const onB = client(b.wsUrl, planId);
		await onB.synced;
		for (let round = 0; round < 5; round++) {
			const first = client(a.wsUrl, planId);
			await first.synced;
			first.destroy(); // A unloads the room at once (ROOM_IDLE_MS=0) …
			const second = client(a.wsUrl, planId); // … while this one arrives
			await second.synced;
			const title = `Runde ${round}`;
			createItem(onB.doc, { type: 'principle', values: { title } });
			await waitFor(
				() => readPlan(second.doc, planId).principles.some((p) => p.title === title),
				`edit from B reaches A in round ${round}`
			);
			second.destroy();
		}
	});

	it('a room that loads later on B learns at once who is present on A', async () => {
		const planId = await newPlan('Später dazu');
		const onA = client(a.wsUrl, planId, 'Anna');
		await onA.synced;
		onA.provider.awareness.setLocalStateField('editing', 'feld-2');
		await new Promise((resolve) => setTimeout(resolve, 200));
		// B has not loaded the plan yet; Anna renews her presence only every 15 s.
		expect(b.core.rooms.peek(planId)).toBeUndefined();
		const onB = client(b.wsUrl, planId, 'Bülent');
		await onB.synced;
		await waitFor(
			() =>
				[...onB.provider.awareness.getStates().values()].some(
					(s) => s.user?.name === 'Eigentümerin' && s.editing === 'feld-2'
				),
			'B sees Anna without waiting for her renewal',
			3_000
		);
	});

	it('closes a connection on B when A removes that member, and B then refuses it', async () => {
		const { planId, owner } = await createOwnedPlan(a.core, 'Zugriff über Instanzen');
		const member = await memberWithRole(a.core, planId, owner, 'editor');
		const onB = connectClient(b.wsUrl, planId, 'Mira', await syncToken(a.core, member, planId));
		clients.push(onB);
		await onB.synced;
		const closes: number[] = [];
		onB.provider.on('connection-close', (event: CloseEvent | null) =>
			closes.push(event?.code ?? 0)
		);
		const removed = await a.core.access.removeMember(planId, owner, member.id);
		expect(removed.ok).toBe(true);
		await waitFor(() => closes.includes(CloseCode.AccessChanged), 'B closed the connection');
		await waitFor(() => closes.includes(CloseCode.Forbidden), 'B refuses the reconnect');
	});
});

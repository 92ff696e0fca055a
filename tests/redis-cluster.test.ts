/**
 * Redis Cluster (REDIS_URL=redis+cluster://…): a real local cluster of three masters with one
 * replica each, two Mitplan instances on it, clients typing through both while the master serving
 * a plan fails over to its replica. Every edit made by every client ends up in the documents of
 * both instances and in a third instance that loads the plans fresh from the cluster; socket.io's
 * sharded adapter carries events across instances; everything shuts down cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, getText } from '../src/lib/domain/index';
import type { Caller } from '../server/review/service';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedisCluster, type TestRedisCluster } from './helpers/redis-cluster';
import {
	closeSockets,
	collect,
	connected,
	join,
	sessionCookie,
	socketClient
} from './helpers/review';
import { startInProcess } from './helpers/server';

type Instance = Awaited<ReturnType<typeof startInProcess>>;

let cluster: TestRedisCluster;
let a: Instance;
let b: Instance;
const clients: TestClient[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
	cluster = await startRedisCluster(3);
	a = await startInProcess({ REDIS_URL: cluster.url, REVIEW_REMINDER_MINUTES: '0' });
	b = await startInProcess({ REDIS_URL: cluster.url, REVIEW_REMINDER_MINUTES: '0' });
}, 60_000);

afterAll(async () => {
	closeSockets();
	for (const c of clients) c.destroy();
	await a?.close();
	await b?.close();
	await cluster?.stop();
}, 30_000);

interface PlanUnderTest {
	planId: string;
	token: string;
	fieldId: string;
}

async function newPlan(title: string): Promise<PlanUnderTest> {
	const { planId, owner } = await createOwnedPlan(a.core, title);
	const token = await syncToken(a.core, owner, planId);
	const first = connectClient(a.wsUrl, planId, 'Anlage', token);
	clients.push(first);
	await first.synced;
	const field = createItem(first.doc, { type: 'field', values: { title: 'Gesundheit' } });
	if (!field.ok) throw new Error('field not created');
	return { planId, token, fieldId: field.value };
}

const textOf = (doc: Y.Doc, fieldId: string) =>
	getText(doc, fieldId, 'situation')?.toString() ?? '';

describe('Mitplan on a Redis Cluster (3 masters, 3 replicas)', () => {
	it('keeps every edit through a master failover, on both instances', async () => {
		const plans = await Promise.all(
			['Integrationskonzept Kreis A', 'Vielfaltsstrategie B', 'Teilhabeplan C'].map(newPlan)
		);
		// Two typists per plan on each instance.
		const typists: Array<{
			plan: PlanUnderTest;
			client: TestClient;
			name: string;
			made: string[];
		}> = [];
		for (const [p, plan] of plans.entries()) {
			for (const [i, url] of [a.wsUrl, a.wsUrl, b.wsUrl, b.wsUrl].entries()) {
				const client = connectClient(url, plan.planId, `T${p}-${i}`, plan.token);
				clients.push(client);
				typists.push({ plan, client, name: `p${p}c${i}`, made: [] });
			}
		}
		await Promise.all(typists.map((t) => t.client.synced));
		for (const t of typists) {
			await waitFor(() => getText(t.client.doc, t.plan.fieldId, 'situation') !== null, 'field');
		}

		let typing = true;
		const loops = typists.map(async (t) => {
			for (let n = 0; typing; n++) {
				const marker = `[${t.name}-${n}]`;
				getText(t.client.doc, t.plan.fieldId, 'situation')!.insert(0, marker);
				t.made.push(marker);
				await sleep(40 + Math.random() * 40);
			}
		});
		await sleep(1500);
		// The master serving the first plan's keys hands over to its replica while everyone types.
		const key = `mitplan:{${plans[0].planId}}:log`;
		const { from, to } = await cluster.failoverSlotOf(key);
		expect(await cluster.masterOf(key)).toBe(to);
		expect(to).not.toBe(from);
		await sleep(2500);
		typing = false;
		await Promise.all(loops);

		const made = (plan: PlanUnderTest) =>
			typists.filter((t) => t.plan === plan).flatMap((t) => t.made);
		for (const plan of plans) expect(made(plan).length).toBeGreaterThan(20);

		// Every client, on either instance, converges on every edit of its plan.
		for (const t of typists) {
			const all = made(t.plan);
			await waitFor(
				() => {
					const text = textOf(t.client.doc, t.plan.fieldId);
					return all.every((m) => text.includes(m));
				},
				`all edits at ${t.name}`,
				30_000
			);
		}
		// Both instances' rooms hold them, and everything is stored before the rooms say so.
		for (const instance of [a, b]) {
			for (const plan of plans) {
				const room = instance.core.rooms.peek(plan.planId)!;
				await waitFor(
					() => made(plan).every((m) => textOf(room.doc, plan.fieldId).includes(m)),
					'room has all edits',
					30_000
				);
				await room.flush();
			}
		}
		// A third instance that never saw the plans loads them from the cluster with every edit.
		const c = await startInProcess({ REDIS_URL: cluster.url });
		try {
			for (const plan of plans) {
				const fresh = connectClient(c.wsUrl, plan.planId, 'Neu', plan.token);
				clients.push(fresh);
				await fresh.synced;
				const text = textOf(fresh.doc, plan.fieldId);
				const missing = made(plan).filter((m) => !text.includes(m));
				expect(missing).toEqual([]);
			}
		} finally {
			await c.close();
		}
	}, 90_000);

	it('socket.io events reach a member on the other instance (sharded adapter)', async () => {
		const { planId, owner } = await createOwnedPlan(a.core, 'Rückmeldungen');
		const reviewer = await memberWithRole(a.core, planId, owner, 'reviewer', 'Rita Prüferin');
		const ownerCaller: Caller = { principal: owner, role: 'owner' };
		const socket = socketClient(b.httpUrl, { cookie: await sessionCookie(b.core, reviewer) });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const notifications = collect(socket, 'notification');
		const created = await a.core.review.createThread(ownerCaller, planId, {
			itemId: null,
			body: 'Bitte prüfen, @Rita',
			mentions: [reviewer.id]
		});
		expect(created.ok).toBe(true);
		await waitFor(() => notifications.length === 1, 'notification on B', 15_000);
	}, 30_000);

	it('shuts down cleanly: instances close, every cluster node exits', async () => {
		for (const cl of clients.splice(0)) cl.destroy();
		closeSockets();
		await a.close();
		await b.close();
		expect(cluster.running()).toBe(6);
		await cluster.stop();
		expect(cluster.running()).toBe(0);
	}, 30_000);
});

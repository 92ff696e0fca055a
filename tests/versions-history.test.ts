/**
 * The per-item history has no gaps: an entry whose window closed while the KV (Redis) was down
 * is written once it is back, and items created on the server from a feedback submission get
 * their "angelegt" entry with the person who created them (server edits are not seen by the
 * room listener, which attributes only edits of connected peers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import type { HistoryEntry } from '../src/lib/versions/types';
import { createOwnedPlan } from './helpers/auth';
import { waitFor } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { startInProcess, tempDir } from './helpers/server';

let redis: TestRedis;
let server: Awaited<ReturnType<typeof startInProcess>>;
let dir: ReturnType<typeof tempDir>;

function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

beforeAll(async () => {
	dir = tempDir();
	redis = await startRedis({ persistDir: dir.dir });
	server = await startInProcess({ REDIS_URL: redis.url });
});

afterAll(async () => {
	await server?.close();
	await redis?.stop();
	dir?.remove();
});

async function stored(planId: string): Promise<HistoryEntry[]> {
	const raw = await server.core.kv.listRange(`history:${planId}`, 0, -1);
	return raw.map((line) => JSON.parse(line) as HistoryEntry);
}

describe('history without gaps', () => {
	it('keeps an entry the KV did not take and writes it with the next flush', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Verlauf bei Ausfall');
		const actor = { id: owner.id, name: owner.name, kind: 'user' as const };
		const versions = server.core.versions;
		versions.recordServerEdit(planId, actor, 'item1', 'created', []);
		await redis.kill();
		const kvUp = () =>
			server.core.kv.get('ping').then(
				() => true,
				() => false
			);
		await waitFor(async () => !(await kvUp()), 'Redis noticed as down');
		// "angelegt" is not merged with a later change: its entry is closed and due for writing now
		versions.recordServerEdit(planId, actor, 'item1', 'changed', ['title']);
		await new Promise((r) => setTimeout(r, 100)); // the write attempt fails meanwhile
		await redis.restart();
		await waitFor(
			async () =>
				(await server.core.kv.get('ping').then(
					() => true,
					() => false
				)) === true,
			'Redis back'
		);
		// the plan store has its own connection; the next test needs it back too
		await waitFor(
			() =>
				server.core.store.list().then(
					() => true,
					() => false
				),
			'plan store back'
		);
		await versions.flushHistory(true);
		const entries = await stored(planId);
		expect(entries.map((e) => [e.itemId, e.action]).sort()).toEqual([
			['item1', 'changed'],
			['item1', 'created']
		]);
	});
});

describe('items created from feedback', () => {
	it('get an "angelegt" history entry with the person who created them', async () => {
		const { planId, owner } = await createOwnedPlan(server.core, 'Verlauf aus Beteiligung');
		const room = await server.core.rooms.acquire(planId);
		let goalId = '';
		let fieldId = '';
		room!.transact((doc) => {
			fieldId = must(createItem(doc, { type: 'field', values: { title: 'Bildung' } }));
			goalId = must(
				createItem(doc, { type: 'goal', parentId: fieldId, values: { title: 'Sprache' } })
			);
		});
		await room!.flush();
		server.core.rooms.release(room!);
		const feedback = server.core.feedback;
		const hour = 3600_000;
		const round = must(
			await feedback.createRound(planId, owner, {
				title: 'Rückmeldung',
				fieldIds: [fieldId],
				startsAt: new Date(Date.now() - hour).toISOString(),
				endsAt: new Date(Date.now() + hour).toISOString()
			})
		);
		const sub = must(
			await feedback.submit(
				round.token,
				{
					kind: 'proposal_measure',
					targetId: goalId,
					title: 'Sprachcafé',
					text: 'Jeden Donnerstag im Bürgerhaus',
					consent: true
				},
				'192.0.2.7'
			)
		);
		const created = must(
			await feedback.createItemFrom(planId, round.id, sub.id, owner, {
				type: 'measure',
				parentId: goalId
			})
		);
		const history = must(await server.core.versions.history(planId, created.itemId, 10));
		expect(history).toHaveLength(1);
		expect(history[0]).toMatchObject({
			itemId: created.itemId,
			itemType: 'measure',
			action: 'created',
			actor: { id: owner.id, name: owner.name, kind: 'user' }
		});
	});
});

/**
 * The indicator service on real stores: the embedded file store + file KV, and a private
 * redis-server (plan documents and KV in Redis), with real rooms reading the goals.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createItem, deleteItem, initPlan } from '../../src/lib/domain/index';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { createLogger } from '../log';
import { createStorage, type Storage } from '../storage/index';
import { createLocalBus } from '../sync/bus';
import { RoomManager } from '../sync/rooms';
import { createGoalsReader } from './goals';
import { IND_KEY, createIndicatorService } from './service';
import type { IndicatorService } from '../../src/lib/contract/indicators';

const quiet = { warn: () => {}, error: () => {} };
let redis: TestRedis;

beforeAll(async () => {
	redis = await startRedis();
}, 30_000);
afterAll(async () => {
	await redis?.stop();
});

for (const kind of ['file', 'redis'] as const) {
	describe(`indicator service (${kind})`, () => {
		let dir: string;
		let storage: Storage;
		let rooms: RoomManager;
		let service: IndicatorService;
		let planId: string;
		let goalId: string;
		let otherGoalId: string;
		let n = 0;

		beforeEach(async () => {
			dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-ind-'));
			storage = await createStorage({
				dataDir: dir,
				redisUrl: kind === 'redis' ? redis.url : undefined,
				logger: quiet
			});
			const log = createLogger('error');
			rooms = new RoomManager({
				store: storage.docs,
				bus: createLocalBus(),
				log,
				compactEvery: 100,
				idleMs: 60_000
			});
			planId = `plan-ind-${kind}-${++n}-${Date.now()}`;
			const doc = new Y.Doc();
			initPlan(doc, { title: 'Integrationskonzept' });
			const f = createItem(doc, { type: 'field', values: { title: 'Bildung' } });
			if (!f.ok) throw new Error(f.error.message);
			const g = createItem(doc, {
				type: 'goal',
				parentId: f.value,
				values: { title: 'Mehr Kinder in der Kita' }
			});
			const g2 = createItem(doc, { type: 'goal', parentId: f.value, values: { title: 'Zweites' } });
			if (!g.ok || !g2.ok) throw new Error('goal');
			goalId = g.value;
			otherGoalId = g2.value;
			await storage.docs.append(planId, Y.encodeStateAsUpdate(doc));
			doc.destroy();
			service = createIndicatorService({
				kv: storage.kv,
				log,
				readGoals: createGoalsReader(rooms)
			});
		});

		afterEach(async () => {
			await rooms.closeAll();
			await storage.kv.close();
			await storage.blobs.close?.();
			await storage.docs.close();
			await fs.rm(dir, { recursive: true, force: true });
		});

		const indicator = {
			name: 'Betreuungsquote unter 3 Jahren (Kinder mit Migrationsgeschichte)',
			unit: '%',
			baseline: { value: '18,5', date: '2025-03-01' },
			target: { value: 35, date: '2030-03-01' }
		};

		it('creates an indicator, adds values in any order and reads them back by date', async () => {
			const created = await service.create(planId, { ...indicator, goalId });
			expect(created.ok).toBe(true);
			if (!created.ok) return;
			expect(created.value.baseline).toEqual({ value: 18.5, date: '2025-03-01' });
			const id = created.value.id;
			const a = await service.addValue(planId, id, {
				value: 24,
				date: '2027-03-01',
				source: 'Kita-Statistik'
			});
			const b = await service.addValue(planId, id, { value: '21,2', date: '2026-03-01' });
			expect(a.ok && b.ok).toBe(true);
			const list = await service.list(planId);
			expect(list.ok && list.value).toHaveLength(1);
			const values = list.ok ? list.value[0].values : [];
			expect(values.map((v) => [v.date, v.value, v.source])).toEqual([
				['2026-03-01', 21.2, ''],
				['2027-03-01', 24, 'Kita-Statistik']
			]);
			// stored under ind:plan:<planId> (Redis: with the app prefix)
			expect(await storage.kv.get(IND_KEY(planId))).toContain(id);

			const changed = await service.updateValue(planId, id, values[0].id, { value: 22 });
			expect(changed.ok && changed.value.values[0].value).toBe(22);
			const removed = await service.removeValue(planId, id, values[1].id);
			expect(removed.ok && removed.value.values).toHaveLength(1);
			const renamed = await service.update(planId, id, { name: 'Betreuungsquote U3', unit: '%' });
			expect(renamed.ok && renamed.value.name).toBe('Betreuungsquote U3');
			expect(renamed.ok && renamed.value.values).toHaveLength(1);
		});

		it('refuses bad input with German errors and keeps what was stored', async () => {
			const created = await service.create(planId, { ...indicator, goalId });
			if (!created.ok) throw new Error(created.error.message);
			const id = created.value.id;
			await service.addValue(planId, id, { value: 20, date: '2026-01-01' });

			const nan = await service.addValue(planId, id, { value: 'zwanzig', date: '2026-06-01' });
			expect(nan).toMatchObject({ ok: false, error: { status: 400, code: 'not_a_number' } });
			expect(!nan.ok && nan.error.message).toMatch(/„zwanzig“ ist keine Zahl/);

			const order = await service.update(planId, id, {
				target: { value: 40, date: '2024-01-01' }
			});
			expect(order).toMatchObject({ ok: false, error: { status: 400, code: 'invalid_dates' } });

			const unknown = await service.create(planId, { ...indicator, goalId: 'gibt-es-nicht' });
			expect(unknown).toMatchObject({ ok: false, error: { status: 404, code: 'unknown_goal' } });

			const move = await service.update(planId, id, { goalId: otherGoalId });
			expect(move).toMatchObject({ ok: false, error: { code: 'invalid_value' } });

			const missing = await service.addValue(planId, 'ind-nope', { value: 1, date: '2026-01-01' });
			expect(missing).toMatchObject({ ok: false, error: { code: 'indicator_not_found' } });

			const noPlan = await service.list('plan-gibt-es-nicht');
			expect(noPlan).toMatchObject({ ok: false, error: { status: 404 } });

			const list = await service.list(planId);
			expect(list.ok && list.value[0].values.map((v) => v.value)).toEqual([20]);
			expect(list.ok && list.value[0].target).toEqual({ value: 35, date: '2030-03-01' });
		});

		it('refuses values for an indicator whose goal was deleted meanwhile and hides it', async () => {
			const created = await service.create(planId, { ...indicator, goalId });
			if (!created.ok) throw new Error(created.error.message);
			const other = await service.create(planId, { ...indicator, goalId: otherGoalId });
			expect(other.ok).toBe(true);
			// someone deletes the goal on the board (live room, as over the websocket)
			const room = await rooms.acquire(planId);
			room!.transact((doc) => {
				const r = deleteItem(doc, goalId);
				if (!r.ok) throw new Error(r.error.message);
			});
			rooms.release(room!);

			const late = await service.addValue(planId, created.value.id, {
				value: 30,
				date: '2027-01-01'
			});
			expect(late).toMatchObject({ ok: false, error: { status: 409, code: 'goal_deleted' } });
			expect(!late.ok && late.error.message).toMatch(/inzwischen gelöscht/);
			const list = await service.list(planId);
			expect(list.ok && list.value.map((i) => i.goalId)).toEqual([otherGoalId]);
			// removing it still works (clean-up)
			expect((await service.remove(planId, created.value.id)).ok).toBe(true);
		});

		it('forgets the plan', async () => {
			await service.create(planId, { ...indicator, goalId });
			await service.forgetPlan(planId);
			expect(await storage.kv.get(IND_KEY(planId))).toBeNull();
		});
	});
}

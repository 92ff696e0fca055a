/**
 * PlanService.getPlanState (the PDF export's read of a live plan) on a real file store: a plan in
 * memory gives its room's cached whole state, encoded once per document state (two exports of an
 * unchanged plan do not encode twice); a plan not in memory gives its stored parts without
 * loading a room on the event loop.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readPlan } from '../src/lib/domain/index';
import { createLogger } from './log';
import { PlanService } from './plans';
import { createFileStore } from './storage/file-store';
import type { DocStore } from './storage/types';
import { createLocalBus } from './sync/bus';
import { RoomManager } from './sync/rooms';
import { tempDir } from '../tests/helpers/server';

// Counts every whole-document encoding, wherever it happens (room, protocol, plan service).
vi.mock('yjs', async (importOriginal) => {
	const actual = await importOriginal<typeof import('yjs')>();
	return { ...actual, encodeStateAsUpdate: vi.fn(actual.encodeStateAsUpdate) };
});
const encodes = vi.mocked(Y.encodeStateAsUpdate);

let data: ReturnType<typeof tempDir>;
let store: DocStore;
let rooms: RoomManager;
let plans: PlanService;

beforeEach(async () => {
	data = tempDir();
	store = await createFileStore({ dir: data.dir, fsync: false });
	const log = createLogger('error');
	const bus = createLocalBus();
	rooms = new RoomManager({ store, bus, log, compactEvery: 1000, idleMs: 60_000 });
	// Only the plan parts of the service are used here.
	const unused = {} as never;
	plans = new PlanService({
		store,
		rooms,
		bus,
		log,
		instanceId: 'test',
		access: unused,
		languages: unused,
		gate: unused,
		meetings: unused,
		minutes: unused,
		feedback: unused,
		review: unused,
		settings: unused,
		versions: unused,
		exports: unused,
		legal: unused,
		schedule: unused,
		monitoring: unused,
		votes: unused,
		indicators: unused,
		ideas: unused,
		editions: unused,
		transfer: unused,
		mail: unused
	});
});

afterEach(async () => {
	await rooms.closeAll();
	await store.close();
	data.remove();
});

async function newPlan(title: string): Promise<string> {
	const created = await plans.createPlan({ title, municipality: 'Teststadt' });
	if (!created.ok) throw new Error(created.error.message);
	return created.value.id;
}

/** What the export worker does with the parts (without migrations: the plans are current). */
function titleOf(parts: { snapshot: Uint8Array | null; entries: Uint8Array[] }, planId: string) {
	const all = parts.snapshot ? [parts.snapshot, ...parts.entries] : parts.entries;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, Y.mergeUpdates(all));
	return readPlan(doc, planId).meta.title;
}

describe('getPlanState', () => {
	it('encodes a plan in memory once for two exports, and again only after a change', async () => {
		const planId = await newPlan('Im Speicher');
		const room = await rooms.acquire(planId);
		if (!room) throw new Error('room missing');
		try {
			const first = await plans.getPlanState(planId);
			encodes.mockClear();
			const second = await plans.getPlanState(planId);
			expect(encodes).not.toHaveBeenCalled();
			if (!first.ok || !second.ok) throw new Error('state missing');
			expect(second.value.snapshot).toEqual(first.value.snapshot);
			// copies: transferring one to a worker leaves the room's cache intact
			expect(second.value.snapshot!.buffer).not.toBe(first.value.snapshot!.buffer);
			expect(titleOf(second.value, planId)).toBe('Im Speicher');

			room.transact((doc) => doc.getMap('meta').set('title', 'Geändert'));
			const third = await plans.getPlanState(planId);
			expect(encodes).toHaveBeenCalledTimes(1);
			if (!third.ok) throw new Error('state missing');
			expect(titleOf(third.value, planId)).toBe('Geändert');
			await room.flush();
		} finally {
			rooms.release(room);
		}
	});

	it('reads a plan not in memory from the store without loading a room', async () => {
		const planId = await newPlan('Nicht geladen');
		encodes.mockClear();
		const state = await plans.getPlanState(planId);
		expect(rooms.size).toBe(0);
		expect(rooms.peek(planId)).toBeUndefined();
		expect(encodes).not.toHaveBeenCalled();
		if (!state.ok) throw new Error(state.error.message);
		expect(titleOf(state.value, planId)).toBe('Nicht geladen');
	});

	it('answers 404 for a missing or deleted plan and 400 for a bad id, loading no room', async () => {
		const planId = await newPlan('Gleich weg');
		await store.delete(planId);
		expect(await plans.getPlanState(planId)).toMatchObject({ ok: false, error: { status: 404 } });
		expect(await plans.getPlanState('gibtesnicht')).toMatchObject({
			ok: false,
			error: { status: 404 }
		});
		expect(await plans.getPlanState('../x')).toMatchObject({ ok: false, error: { status: 400 } });
		expect(rooms.size).toBe(0);
	});
});

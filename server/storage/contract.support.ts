/**
 * Behavioural contract every DocStore adapter must meet. Call runDocStoreContract() from an
 * adapter's *.test.ts; makeStore() may be called several times per test and every store it
 * returns for one test shares the same backing data (same dir / same Redis).
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { StorageError, type DocStore, type StorageLogger } from './types';

export interface StoreFixture {
	store: DocStore;
	cleanup(): Promise<void>;
}

/** A StorageLogger that keeps its lines ("warn …", "error …") for assertions. */
export function captureLogger(): { logger: StorageLogger; lines: string[] } {
	const lines: string[] = [];
	const logger: StorageLogger = {
		warn: (m) => void lines.push(`warn ${m}`),
		error: (m) => void lines.push(`error ${m}`)
	};
	return { logger, lines };
}

/** A Y.Doc whose every change is captured as one incremental update. */
export class Editor {
	readonly doc = new Y.Doc();
	readonly updates: Uint8Array[] = [];

	constructor() {
		this.doc.on('update', (u: Uint8Array) => this.updates.push(u));
	}

	/** Appends text and returns the resulting incremental update. */
	type(s: string): Uint8Array {
		const text = this.doc.getText('t');
		text.insert(text.length, s);
		return this.updates[this.updates.length - 1];
	}

	get text(): string {
		return this.doc.getText('t').toString();
	}
}

export function textOf(state: Uint8Array | null): string | null {
	if (state === null) return null;
	const doc = new Y.Doc();
	Y.applyUpdate(doc, state);
	return doc.getText('t').toString();
}

export const INVALID_IDS = ['../x', '', 'a'.repeat(5000), 'a/b', 'a\u0000', '.', 'a b', 'ä'];

export async function expectCode(p: Promise<unknown>, code: string): Promise<void> {
	const err = await p.then(
		() => null,
		(e: unknown) => e
	);
	expect(err, `expected rejection with ${code}`).toBeInstanceOf(StorageError);
	expect((err as StorageError).code).toBe(code);
}

export function runDocStoreContract(
	name: string,
	makeStore: () => Promise<StoreFixture>,
	logLengthOf?: (store: DocStore, planId: string) => Promise<number>
): void {
	describe(`DocStore contract: ${name}`, () => {
		const fixtures: StoreFixture[] = [];
		const open = async () => {
			const f = await makeStore();
			fixtures.push(f);
			return f.store;
		};
		afterEach(async () => {
			for (const f of fixtures.splice(0).reverse()) await f.cleanup();
		});

		it('reports a missing plan as null / not existing', async () => {
			const store = await open();
			expect(await store.load('nope')).toBeNull();
			expect(await store.exists('nope')).toBe(false);
			expect(await store.list()).not.toContain('nope');
		});

		it('append then load returns the merged document', async () => {
			const store = await open();
			const ed = new Editor();
			const r1 = await store.append('p1', ed.type('Hallo '));
			const r2 = await store.append('p1', ed.type('Welt'));
			expect(r1.logLength).toBe(1);
			expect(r2.logLength).toBe(2);
			expect(await store.exists('p1')).toBe(true);
			const state = await store.load('p1');
			expect(state).toBeInstanceOf(Uint8Array);
			expect(textOf(state)).toBe('Hallo Welt');
			// The loaded state is a real Yjs update: it equals the editor's full state.
			expect(Y.encodeStateVectorFromUpdate(state!)).toEqual(Y.encodeStateVector(ed.doc));
		});

		it('loadParts gives the snapshot and log unmerged, each its own buffer', async () => {
			const store = await open();
			expect(await store.loadParts('parts-none')).toBeNull();
			const ed = new Editor();
			await store.append('parts', ed.type('Hallo '));
			await store.compact('parts');
			await store.append('parts', ed.type('Welt'));
			await store.append('parts', ed.type('!'));
			const parts = await store.loadParts('parts');
			expect(parts?.snapshot).toBeInstanceOf(Uint8Array);
			expect(parts?.entries).toHaveLength(2);
			const all = [parts!.snapshot!, ...parts!.entries];
			expect(textOf(Y.mergeUpdates(all))).toBe('Hallo Welt!');
			// each part owns its whole buffer (a reader may transfer it to a worker thread)
			for (const part of all) {
				expect(part.byteOffset).toBe(0);
				expect(part.byteLength).toBe(part.buffer.byteLength);
			}
			expect(new Set(all.map((part) => part.buffer)).size).toBe(all.length);
			await store.delete('parts');
			expect(await store.loadParts('parts')).toBeNull();
		});

		it('keeps everything across many appends, compaction and more appends', async () => {
			const store = await open();
			const ed = new Editor();
			let len = 0;
			for (let i = 0; i < 50; i++)
				len = (await store.append('plan-c', ed.type(`a${i};`))).logLength;
			expect(len).toBe(50);
			await store.compact('plan-c');
			expect(textOf(await store.load('plan-c'))).toBe(ed.text);
			for (let i = 0; i < 5; i++) len = (await store.append('plan-c', ed.type(`b${i};`))).logLength;
			expect(len).toBe(5); // the log shrank to just the new entries
			expect(textOf(await store.load('plan-c'))).toBe(ed.text);
			if (logLengthOf) expect(await logLengthOf(store, 'plan-c')).toBe(5);
			await store.compact('plan-c');
			await store.compact('plan-c'); // compacting an empty log is a no-op
			expect(textOf(await store.load('plan-c'))).toBe(ed.text);
			expect((await store.append('plan-c', ed.type('!'))).logLength).toBe(1);
		});

		it('loses nothing when appends race a compaction', async () => {
			const store = await open();
			const ed = new Editor();
			for (let i = 0; i < 20; i++) await store.append('race', ed.type(`x${i};`));
			const more = Array.from({ length: 100 }, (_, i) => ed.type(`y${i};`));
			await Promise.all([
				...more.slice(0, 50).map((u) => store.append('race', u)),
				store.compact('race'),
				...more.slice(50).map((u) => store.append('race', u))
			]);
			expect(textOf(await store.load('race'))).toBe(ed.text);
			// Interleaved waves: appends keep arriving while several compactions run.
			const ops: Promise<unknown>[] = [];
			for (let i = 0; i < 100; i++) {
				ops.push(store.append('race', ed.type(`z${i};`)));
				if (i % 10 === 5) ops.push(store.compact('race'));
				if (i % 3 === 0) await new Promise((r) => setImmediate(r));
			}
			await Promise.all(ops);
			expect(textOf(await store.load('race'))).toBe(ed.text);
			await store.compact('race');
			expect(textOf(await store.load('race'))).toBe(ed.text);
		});

		it('lists and deletes plans', async () => {
			const store = await open();
			const ed = new Editor();
			await store.append('list-a', ed.type('a'));
			await store.append('list-b', new Editor().type('b'));
			await store.compact('list-b');
			expect(await store.list()).toEqual(expect.arrayContaining(['list-a', 'list-b']));
			await store.delete('list-a');
			await store.delete('list-b');
			await store.delete('never-existed');
			expect(await store.list()).not.toContain('list-a');
			expect(await store.list()).not.toContain('list-b');
			expect(await store.load('list-a')).toBeNull();
			expect(await store.load('list-b')).toBeNull();
			expect(await store.exists('list-a')).toBe(false);
			// A deleted id stays deleted (tombstone), see below.
			await expectCode(store.append('list-a', new Editor().type('new')), 'deleted');
		});

		it('refuses appends to a deleted plan and writes nothing (tombstone)', async () => {
			const store = await open();
			const ed = new Editor();
			await store.append('tomb', ed.type('base '));
			await store.compact('tomb');
			await store.append('tomb', ed.type('log'));
			await store.append('tomb-other', new Editor().type('keep'));
			await store.delete('tomb');

			await expectCode(store.append('tomb', ed.type(' late')), 'deleted');
			await expectCode(store.append('tomb', new Editor().type('fresh')), 'deleted');
			expect(await store.load('tomb')).toBeNull();
			expect(await store.exists('tomb')).toBe(false);
			expect(await store.list()).not.toContain('tomb');
			await store.compact('tomb'); // resolves, writes nothing
			expect(await store.load('tomb')).toBeNull();
			expect(await store.exists('tomb')).toBe(false);
			await store.delete('tomb'); // idempotent
			// Other plans are untouched; an id that never existed is tombstoned by delete as well.
			expect(textOf(await store.load('tomb-other'))).toBe('keep');
			expect(await store.list()).toContain('tomb-other');
			await store.delete('tomb-never');
			await expectCode(store.append('tomb-never', new Editor().type('x')), 'deleted');
			expect(await store.list()).not.toContain('tomb-never');
		});

		it('keeps refusing a deleted plan after a restart (second store instance)', async () => {
			const first = await open();
			const ed = new Editor();
			for (let i = 0; i < 5; i++) await first.append('tomb-restart', ed.type(`${i};`));
			await first.compact('tomb-restart');
			await first.append('tomb-restart', ed.type('tail'));
			await first.delete('tomb-restart');
			await first.close();

			const second = await open();
			expect(await second.load('tomb-restart')).toBeNull();
			expect(await second.exists('tomb-restart')).toBe(false);
			expect(await second.list()).not.toContain('tomb-restart');
			await expectCode(second.append('tomb-restart', ed.type('late')), 'deleted');
			await second.compact('tomb-restart');
			expect(await second.load('tomb-restart')).toBeNull();
			expect(await second.list()).not.toContain('tomb-restart');
		});

		it('leaves the plan deleted when delete races appends and compactions', async () => {
			// One instance (a file data directory belongs to one process); the Redis suite races two.
			const store = await open();
			for (let round = 0; round < 5; round++) {
				const planId = `tomb-race-${round}`;
				const ed = new Editor();
				for (let i = 0; i < 5; i++) await store.append(planId, ed.type(`pre${i};`));
				if (round % 2 === 1) await store.compact(planId); // with and without a snapshot
				// Settle each promise at once (no unhandled rejection while the loop yields).
				const settle = (p: Promise<unknown>) =>
					p.then(
						() => null,
						(e: unknown) => e
					);
				const appends: Promise<unknown>[] = [];
				const others: Promise<unknown>[] = [];
				let deleted: Promise<unknown> | null = null;
				let appendsBeforeDelete = 0;
				for (let i = 0; i < 50; i++) {
					if (i === 10 + round) {
						deleted = settle(store.delete(planId));
						appendsBeforeDelete = appends.length;
					}
					appends.push(settle(store.append(planId, ed.type(`${i};`))));
					if (i % 7 === 0) others.push(settle(store.compact(planId)));
					if (i % 4 === 0) await new Promise((r) => setImmediate(r));
				}
				expect(await deleted).toBeNull();
				expect(await Promise.all(others)).toEqual(others.map(() => null));
				const errors = await Promise.all(appends);
				for (const e of errors.filter((x) => x !== null)) {
					expect(e).toBeInstanceOf(StorageError);
					expect((e as StorageError).code).toBe('deleted');
				}
				// Every append called after delete() is refused.
				expect(errors.slice(appendsBeforeDelete)).toEqual(
					errors.slice(appendsBeforeDelete).map(() => expect.any(StorageError))
				);
				expect(await store.load(planId)).toBeNull();
				expect(await store.exists(planId)).toBe(false);
				expect(await store.list()).not.toContain(planId);
				await expectCode(store.append(planId, ed.type('after')), 'deleted');
			}
		});

		it('rejects invalid plan ids in every method', async () => {
			const store = await open();
			const update = new Editor().type('x');
			for (const id of INVALID_IDS) {
				await expectCode(store.load(id), 'invalid_plan_id');
				await expectCode(store.append(id, update), 'invalid_plan_id');
				await expectCode(store.compact(id), 'invalid_plan_id');
				await expectCode(store.exists(id), 'invalid_plan_id');
				await expectCode(store.delete(id), 'invalid_plan_id');
			}
			await expectCode(store.load(undefined as unknown as string), 'invalid_plan_id');
			expect(await store.list()).toEqual([]);
			// Boundary: 64 chars is fine.
			const longest = 'A-z_9'.repeat(12) + 'abcd';
			expect(longest).toHaveLength(64);
			await store.append(longest, update);
			expect(await store.exists(longest)).toBe(true);
		});

		it('rejects updates that are not Yjs updates', async () => {
			const store = await open();
			await expectCode(store.append('bad', new Uint8Array([1, 2, 3, 4, 5])), 'invalid_update');
			await expectCode(store.append('bad', new Uint8Array(0)), 'invalid_update');
			await expectCode(store.append('bad', 'nope' as unknown as Uint8Array), 'invalid_update');
			expect(await store.exists('bad')).toBe(false);
		});

		it('lets a second store instance see the first one’s data (restart survival)', async () => {
			const first = await open();
			const ed = new Editor();
			for (let i = 0; i < 10; i++) await first.append('survive', ed.type(`${i},`));
			await first.compact('survive');
			await first.append('survive', ed.type('after'));
			await first.close();
			const second = await open();
			expect(await second.exists('survive')).toBe(true);
			expect(await second.list()).toContain('survive');
			expect(textOf(await second.load('survive'))).toBe(ed.text);
			expect((await second.append('survive', ed.type('!'))).logLength).toBe(2);
			expect(textOf(await second.load('survive'))).toBe(ed.text);
		});

		it('round-trips a 1 MB update', async () => {
			const store = await open();
			const ed = new Editor();
			const big = 'Zürich 🚀 '.repeat(110_000); // > 1 MB as UTF-8
			const update = ed.type(big);
			expect(update.byteLength).toBeGreaterThan(1024 * 1024);
			await store.append('big', update);
			await store.append('big', ed.type('tail'));
			expect(textOf(await store.load('big'))).toBe(ed.text);
			await store.compact('big');
			expect(textOf(await store.load('big'))).toBe(ed.text);
		});

		it('keeps plans apart', async () => {
			const store = await open();
			const a = new Editor();
			const b = new Editor();
			await Promise.all([
				store.append('iso-a', a.type('AAA')),
				store.append('iso-b', b.type('BBB'))
			]);
			await store.compact('iso-a');
			expect(textOf(await store.load('iso-a'))).toBe('AAA');
			expect(textOf(await store.load('iso-b'))).toBe('BBB');
		});

		it('rejects use after close', async () => {
			const store = await open();
			await store.close();
			await expectCode(store.load('x'), 'closed');
		});
	});
}

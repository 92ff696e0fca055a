/**
 * Compaction merges in a real worker thread (merge-pool.ts, merge-worker.ts): the same result as
 * merging on the event loop, the event loop turning while a big log is merged, undecodable
 * entries and a corrupt snapshot refused as before, and an inline merge once the pool closed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Editor, captureLogger, textOf } from './contract.support';
import { createMergePool, mergeInline } from './merge-pool';
import { StorageError } from './types';

const pool = createMergePool();
afterAll(() => pool.close());

/** A snapshot and `n` log entries of one text. */
function history(n: number) {
	const editor = new Editor();
	editor.type('Anfang ');
	const snapshot = Y.encodeStateAsUpdate(editor.doc);
	const entries: Uint8Array[] = [];
	for (let i = 0; i < n; i++) entries.push(editor.type(`w${i} `));
	return { snapshot, entries, text: editor.text };
}

describe('merge pool', () => {
	it('merges like the event loop did', async () => {
		const { snapshot, entries, text } = history(300);
		const { logger } = captureLogger();
		const inWorker = await pool.merge('plan-a', snapshot, entries, logger);
		const inline = await mergeInline('plan-a', snapshot, entries, logger);
		expect(textOf(inWorker)).toBe(text);
		expect(Buffer.from(inWorker).equals(Buffer.from(inline))).toBe(true);
	});

	it('leaves the event loop turning while a big log is merged', async () => {
		const { snapshot, entries, text } = history(5000);
		let turns = 0;
		let ticking = true;
		const tick = () => {
			turns++;
			if (ticking) setImmediate(tick);
		};
		setImmediate(tick);
		const { logger } = captureLogger();
		// Inline, the whole merge runs before any other turn (the point of the worker).
		await mergeInline('plan-b', snapshot, entries, logger);
		expect(turns).toBe(0);
		const merged = await pool.merge('plan-b', snapshot, entries, logger);
		ticking = false;
		expect(turns).toBeGreaterThan(0);
		expect(textOf(merged)).toBe(text);
	});

	it('fails on an undecodable log entry exactly as the inline merge does', async () => {
		const { snapshot, entries } = history(3);
		const broken = [entries[0], new Uint8Array([255, 255, 255, 1]), entries[1]];
		const inWorker = await pool
			.merge('plan-c', snapshot, broken, captureLogger().logger)
			.catch((e) => e);
		const inline = await mergeInline('plan-c', snapshot, broken, captureLogger().logger).catch(
			(e) => e
		);
		expect(inline).toBeInstanceOf(StorageError);
		expect(inWorker).toBeInstanceOf(StorageError);
		expect([inWorker.code, inWorker.message]).toEqual([inline.code, inline.message]);
	});

	it('refuses a corrupt snapshot with the StorageError code of the inline merge', async () => {
		const { entries } = history(2);
		const { logger } = captureLogger();
		const error = await pool
			.merge('plan-d', new Uint8Array([255, 255, 255, 1]), entries, logger)
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageError);
		expect((error as StorageError).code).toBe('corrupt');
	});

	it('does not fall back to the event loop when the worker fails: the compaction fails', async () => {
		const broken = createMergePool({
			file: async () => new URL('file:///nonexistent/merge-worker.mjs'),
			onWorkerError: () => {}
		});
		try {
			const { snapshot, entries } = history(5);
			const error = await broken
				.merge('plan-f', snapshot, entries, captureLogger().logger)
				.catch((e: unknown) => e);
			expect(error).toBeInstanceOf(StorageError);
			expect((error as StorageError).code).toBe('unavailable');
		} finally {
			await broken.close();
		}
	});

	it('merges inline once the pool is closed (the rooms compact while the server stops)', async () => {
		const closed = createMergePool();
		await closed.close();
		const { snapshot, entries, text } = history(5);
		const merged = await closed.merge('plan-e', snapshot, entries, captureLogger().logger);
		expect(textOf(merged)).toBe(text);
	});
});

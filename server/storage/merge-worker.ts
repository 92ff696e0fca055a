/**
 * The compaction merge worker thread (run by merge-pool.ts): merges a plan's snapshot and log
 * entries into one update with mergeState (undecodable entries skipped, as on the event loop)
 * and posts it back (transferred); what mergeState would log comes back with it. Built to
 * build/server/merge-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { StorageError, mergeState } from './types';
import type { MergeJob, MergeResult } from './merge-pool';

if (!parentPort) throw new Error('merge-worker must run as a worker thread');
const port = parentPort;

port.on('message', ({ input }: { input: MergeJob }) => {
	const logs: MergeResult['logs'] = [];
	const logger = {
		warn: (message: string) => void logs.push({ level: 'warn', message }),
		error: (message: string) => void logs.push({ level: 'error', message })
	};
	try {
		const merged = mergeState(input.planId, input.snapshot, input.entries, logger);
		// its own buffer, to transfer (a single part comes back as the view that was sent)
		const own =
			merged.byteOffset === 0 && merged.byteLength === merged.buffer.byteLength
				? merged
				: merged.slice();
		const value: MergeResult = { merged: own, logs };
		port.postMessage({ ok: true, value }, [own.buffer as ArrayBuffer]);
	} catch (error) {
		const code = error instanceof StorageError ? error.code : 'corrupt';
		const value: MergeResult = {
			error: { code, message: String((error as Error)?.message) },
			logs
		};
		port.postMessage({ ok: true, value });
	}
});

/**
 * Compaction merges off the event loop: a store's compact() merges a plan's snapshot with its
 * whole log (Y.mergeUpdates), which takes tens of milliseconds for a big plan, and every plan
 * edited at the same pace reaches COMPACT_EVERY at about the same time. createMergePool runs
 * them in one worker thread (merge-worker.ts); mergeInline is the default for tools and tests.
 */
import { WorkerPool } from '../worker-pool';
import { workerFile } from '../worker-file';
import { StorageError, mergeState, type StorageErrorCode, type StorageLogger } from './types';

/** Merges snapshot + log entries into one update (see mergeState). */
export type MergeState = (
	planId: string,
	snapshot: Uint8Array | null,
	entries: Uint8Array[],
	logger: StorageLogger
) => Promise<Uint8Array>;

export interface MergeJob {
	planId: string;
	snapshot: Uint8Array | null;
	entries: Uint8Array[];
}

export interface MergeResult {
	merged?: Uint8Array;
	error?: { code: StorageErrorCode; message: string };
	logs: Array<{ level: 'warn' | 'error'; message: string }>;
}

/** On the calling thread (tools, tests, the backup). */
export const mergeInline: MergeState = async (planId, snapshot, entries, logger) =>
	mergeState(planId, snapshot, entries, logger);

export interface MergePool {
	merge: MergeState;
	close(): Promise<void>;
}

const MERGE_TIMEOUT_MS = 120_000;
const MERGE_QUEUE = 256;
const MERGE_MEMORY_MB = 512;

export function createMergePool(
	options: { file?: () => Promise<URL>; onWorkerError?: (error: unknown) => void } = {}
): MergePool {
	const pool = new WorkerPool<MergeJob, MergeResult>({
		file:
			options.file ??
			(() => workerFile('merge-worker', new URL('./merge-worker.ts', import.meta.url))),
		size: 1,
		queueMax: MERGE_QUEUE,
		timeoutMs: MERGE_TIMEOUT_MS,
		maxMemoryMb: MERGE_MEMORY_MB,
		onWorkerError: options.onWorkerError
	});
	return {
		async merge(planId, snapshot, entries, logger) {
			const outcome = await pool.run({ planId, snapshot, entries });
			// A shutdown (rooms compact while they close): merge here. A crashed worker (e.g. over
			// its heap limit) is not retried on the event loop: the compaction fails and the next
			// append past COMPACT_EVERY tries again; the log stays readable meanwhile.
			if (!outcome.ok && outcome.reason === 'closed') {
				return mergeState(planId, snapshot, entries, logger);
			}
			if (!outcome.ok) {
				throw new StorageError('unavailable', `merge of plan ${planId}: ${outcome.reason}`);
			}
			for (const line of outcome.value.logs) logger[line.level](line.message);
			const { merged, error } = outcome.value;
			if (error) throw new StorageError(error.code, error.message);
			if (!merged)
				throw new StorageError('unavailable', `merge of plan ${planId} returned nothing`);
			return merged;
		},
		close: () => pool.close()
	};
}

import * as Y from 'yjs';
import { ID_PATTERN, isSafeId } from '../../src/lib/contract/ids';

/**
 * Persistence for plans. Each plan is one Y.Doc, stored as a compacted snapshot plus an
 * append-only log of Yjs updates (v1 encoding). See README.md in this folder.
 */
export interface DocStore {
	readonly kind: 'redis' | 'file';
	/** Merged state of the plan (snapshot + log) as one Yjs update, or null if the plan does not exist (or was deleted). */
	load(planId: string): Promise<Uint8Array | null>;
	/**
	 * The stored parts of the plan, not merged (snapshot and log entries, each its own copy), or
	 * null like `load`. For readers that merge elsewhere (the PDF export worker, `mergeState`).
	 */
	loadParts(planId: string): Promise<StoredParts | null>;
	/**
	 * Durably appends one Yjs update to the plan's log before resolving; the first append creates
	 * the plan. Returns the log length after append (for compaction triggers). Rejects with
	 * StorageError('deleted'), writing nothing, once the plan has been deleted.
	 */
	append(planId: string, update: Uint8Array): Promise<{ logLength: number }>;
	/**
	 * Merges snapshot + log into a new snapshot and trims the log, atomically: an update appended
	 * concurrently is never lost. A no-op (writes nothing) for a deleted plan, also when the
	 * delete races the compaction.
	 */
	compact(planId: string): Promise<void>;
	/** false for a plan that never existed or was deleted. */
	exists(planId: string): Promise<boolean>;
	/** All plan ids (deleted plans excluded). */
	list(): Promise<string[]>;
	/**
	 * Removes the plan's data and leaves a permanent tombstone: afterwards load() is null,
	 * exists() false, list() omits it and append() rejects with 'deleted'. Plan ids are never
	 * reused. Idempotent; also tombstones an id that never existed.
	 */
	delete(planId: string): Promise<void>;
	close(): Promise<void>;
}

/** A plan as stored: the compacted snapshot (if any) and the log entries appended after it. */
export interface StoredParts {
	snapshot: Uint8Array | null;
	entries: Uint8Array[];
}

export type StorageErrorCode =
	/** The plan id does not match PLAN_ID_RE. */
	| 'invalid_plan_id'
	/** The update is not a decodable Yjs (v1) update. */
	| 'invalid_update'
	/** The backend cannot be reached right now (Redis down, timeout, I/O error); retry later. */
	| 'unavailable'
	/** Stored data failed an integrity check. */
	| 'corrupt'
	/** The update exceeds the configured maximum size. */
	| 'too_large'
	/** Optimistic compaction kept losing races; retry later. */
	| 'conflict'
	/** The store was closed. */
	| 'closed'
	/**
	 * The plan was deleted: `delete()` leaves a permanent tombstone, and an `append` to a
	 * tombstoned plan is refused (nothing is written) so a late or in-flight update from another
	 * instance cannot bring the plan back. Permanent: retrying never helps; drop the update.
	 */
	| 'deleted';

export class StorageError extends Error {
	readonly code: StorageErrorCode;

	constructor(code: StorageErrorCode, message?: string, options?: { cause?: unknown }) {
		super(message ?? code, options);
		this.name = 'StorageError';
		this.code = code;
	}
}

/** The one id pattern (src/lib/contract/ids.ts); the stores' last-line assertion uses it. */
export const PLAN_ID_RE = ID_PATTERN;

/** Default cap on one update (both adapters). Redis' own bulk-string limit is 512 MB. */
export const DEFAULT_MAX_UPDATE_BYTES = 64 * 1024 * 1024;

export function isValidPlanId(planId: unknown): planId is string {
	return isSafeId(planId);
}

export function assertPlanId(planId: unknown): asserts planId is string {
	if (!isValidPlanId(planId)) {
		const shown = typeof planId === 'string' ? JSON.stringify(planId.slice(0, 80)) : typeof planId;
		throw new StorageError('invalid_plan_id', `invalid plan id: ${shown}`);
	}
}

/** Cheap structural check so a garbage update can never poison a plan's log. */
export function assertUpdate(update: unknown, maxBytes: number): asserts update is Uint8Array {
	if (!(update instanceof Uint8Array)) {
		throw new StorageError('invalid_update', 'update must be a Uint8Array');
	}
	if (update.byteLength > maxBytes) {
		throw new StorageError(
			'too_large',
			`update of ${update.byteLength} bytes exceeds the limit of ${maxBytes} bytes`
		);
	}
	try {
		Y.parseUpdateMeta(update);
	} catch (err) {
		throw new StorageError('invalid_update', 'update is not a valid Yjs update', { cause: err });
	}
}

export interface StorageLogger {
	warn(message: string, ...args: unknown[]): void;
	error(message: string, ...args: unknown[]): void;
}

/**
 * Merges a snapshot and log entries into one update. A log entry that cannot be decoded is
 * skipped (and logged) instead of making the whole plan unloadable; a bad snapshot is fatal.
 */
export function mergeState(
	planId: string,
	snapshot: Uint8Array | null,
	entries: Uint8Array[],
	logger: StorageLogger
): Uint8Array {
	const parts = snapshot ? [snapshot, ...entries] : entries;
	if (parts.length === 1) return parts[0];
	try {
		return Y.mergeUpdates(parts);
	} catch (err) {
		if (snapshot) {
			try {
				Y.parseUpdateMeta(snapshot);
			} catch (snapErr) {
				throw new StorageError('corrupt', `snapshot of plan ${planId} is corrupt`, {
					cause: snapErr
				});
			}
		}
		const good: Uint8Array[] = snapshot ? [snapshot] : [];
		entries.forEach((entry, i) => {
			try {
				Y.mergeUpdates([entry]);
				good.push(entry);
			} catch {
				logger.error(`[storage] plan ${planId}: skipping undecodable log entry #${i}`);
			}
		});
		try {
			return Y.mergeUpdates(good);
		} catch {
			throw new StorageError('corrupt', `state of plan ${planId} cannot be merged`, { cause: err });
		}
	}
}

export function toUint8Array(buf: Buffer): Uint8Array {
	return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

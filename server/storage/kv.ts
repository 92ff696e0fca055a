/**
 * The small key-value store the access service persists into (accounts, sessions, roles,
 * invites, audit, rate limits). Two implementations: Redis (kv-redis.ts, shared by several
 * instances) and an embedded file store (kv-file.ts, one process per data directory).
 *
 * Keys are plain strings chosen by the service (e.g. `user:<id>`); the Redis adapter prefixes
 * them with `mitplan:app:` so they never collide with the plan store. Values are strings (the
 * service stores JSON). Every mutation is durable when its promise resolves.
 *
 * Failures of the backend (Redis unreachable, I/O error, store closed) reject with KvError; the
 * service answers those with 503 `storage_unavailable`.
 */

/** What an `update` callback decides: the new value (null deletes, undefined keeps) and a result. */
export interface KvUpdateStep<T> {
	/** New value; `null` deletes the key; omitted/undefined leaves it unchanged. An existing TTL is kept. */
	value?: string | null;
	result: T;
}

/** A rate-limit counter: its value and the time (ms) until its window ends. */
export interface KvCounter {
	value: number;
	ttlMs: number;
}

export interface KvStore {
	readonly kind: 'redis' | 'file';
	get(key: string): Promise<string | null>;
	/**
	 * Sets a string value. `ttlMs` makes it expire; `ifAbsent` only sets it when the key does not
	 * exist (then resolves false if it existed). Resolves true when written.
	 */
	set(
		key: string,
		value: string,
		options?: { ttlMs?: number; ifAbsent?: boolean }
	): Promise<boolean>;
	/** Deletes keys of any type (missing keys are ignored). */
	del(keys: string | string[]): Promise<void>;
	/**
	 * Atomic read-modify-write of one string key: `fn` sees the current value and returns the new
	 * one. `fn` may run more than once (optimistic retries) and must be pure. Concurrent updates of
	 * the same key never lose each other's changes.
	 */
	update<T>(key: string, fn: (current: string | null) => KvUpdateStep<T>): Promise<T>;
	/** Atomically adds 1; a new counter expires after `windowMs` (fixed window). */
	incr(key: string, windowMs: number): Promise<KvCounter>;
	/** The counter without changing it, or null when there is none (or its window ended). */
	counter(key: string): Promise<KvCounter | null>;
	/** Set operations (indexes). */
	sAdd(key: string, member: string): Promise<void>;
	sRem(key: string, member: string): Promise<void>;
	sMembers(key: string): Promise<string[]>;
	/** Prepends to a list and keeps only the newest `maxLength` entries. */
	listPush(key: string, value: string, maxLength: number): Promise<void>;
	/** Entries `start`..`stop` (inclusive, 0 = newest). */
	listRange(key: string, start: number, stop: number): Promise<string[]>;
	close(): Promise<void>;
}

export type KvErrorCode = 'unavailable' | 'closed' | 'conflict';

export class KvError extends Error {
	readonly code: KvErrorCode;

	constructor(code: KvErrorCode, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'KvError';
		this.code = code;
	}
}

export function isKvError(err: unknown): err is KvError {
	return err instanceof KvError;
}

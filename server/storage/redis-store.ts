/**
 * Over 400 lines because the key layout, Lua scripts, WATCH/MULTI compaction and tombstone rules of one store must be read together.
 *
 * Redis DocStore and pub/sub helper (node-redis v6).
 *
 * Keys (`<p>` = keyPrefix, default 'mitplan'):
 *   <p>:{<planId>}:snapshot  string  merged Yjs update (SET by compaction)
 *   <p>:{<planId>}:log       list    Yjs updates appended with RPUSH since the last compaction
 *   <p>:{<planId>}:deleted   string  tombstone (ms timestamp of the delete), permanent: SET by
 *                                    delete() in the same MULTI that DELs snapshot and log. While it
 *                                    exists append() rejects with StorageError('deleted') and writes
 *                                    nothing (check + RPUSH in one Lua script), compact() writes
 *                                    nothing (it WATCHes the tombstone too), load() is null,
 *                                    exists() false and list() omits (and SREMs) the id.
 *   <p>:plans                set     ids of all plans; the ONLY key outside a `{planId}` hash tag,
 *                                    so on Redis Cluster it lives on its own slot and is never part
 *                                    of a MULTI (append/delete touch it with a separate command)
 * The `{planId}` hash tag keeps a plan's snapshot, log and tombstone on one Cluster slot, so the
 * WATCH/MULTI of compact(), the MULTI of delete(), the two-key EXISTS of exists() and the append
 * script stay single-slot (REDIS_URL=redis+cluster://…, see redis-connection.ts).
 *
 * Pub/sub channels (createRedisPubSub): `<p>:<channel>`; the caller picks `<channel>`. On a Redis
 * Cluster they are sharded channels (SPUBLISH/SSUBSCRIBE): a `{planId}` channel lives on the
 * plan's slot master, so the bus traffic spreads over the masters.
 * planUpdatesChannel(planId) gives the suggested per-plan channel `{<planId>}:updates`, i.e.
 * `mitplan:{<planId>}:updates` on the wire.
 *
 * Connection policy:
 *   - The offline queue is DISABLED: while Redis is unreachable every operation rejects at once
 *     with StorageError('unavailable') instead of piling up; in-flight commands are rejected when
 *     the socket drops. Each command also has a timeout (commandTimeoutMs, default 5 s) for a
 *     server that hangs without closing the connection.
 *   - Reconnects forever with exponential backoff (100 ms doubling, capped at 2 s, plus jitter).
 *   - 'error' events are always handled (logged once per outage), so an outage never crashes
 *     the process. onReconnect(cb) fires after the connection is back, so callers can re-sync.
 *   - createRedisStore() itself waits at most connectTimeoutMs (default 10 s) for the first
 *     connection, then rejects with 'unavailable'.
 */
import { defineScript, ErrorReply, RESP_TYPES, WatchError, type CommandParser } from 'redis';
import {
	DEFAULT_MAX_UPDATE_BYTES,
	StorageError,
	assertPlanId,
	assertUpdate,
	isValidPlanId,
	mergeState,
	toUint8Array,
	type DocStore,
	type StorageLogger
} from './types';
import { connectMapped, failureMapper, mapFailure, serialQueue } from './redis-connection';
import { mergeInline, type MergeState } from './merge-pool';

export { redactUrl } from './redis-connection';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RedisConnectionOptions {
	url: string;
	keyPrefix?: string;
	/** Per-command timeout in ms (default 5000). */
	commandTimeoutMs?: number;
	/** How long create*() waits for the first connection (default 10000). */
	connectTimeoutMs?: number;
	logger?: StorageLogger;
}

export interface RedisStoreOptions extends RedisConnectionOptions {
	maxUpdateBytes?: number;
	/** How compact() merges snapshot and log (default: on this thread; the server: a worker). */
	merge?: MergeState;
}

export interface RedisDocStore extends DocStore {
	readonly kind: 'redis';
	/** Called each time the connection is re-established after an outage. Returns an unsubscribe. */
	onReconnect(cb: () => void): () => void;
}

export interface RedisPubSub {
	/** Publishes a binary message; resolves with the number of receiving connections. */
	publish(channel: string, message: Uint8Array): Promise<number>;
	subscribe(channel: string, handler: (message: Buffer) => void): Promise<void>;
	/** Removes one handler, or all handlers of the channel when none is given. */
	unsubscribe(channel: string, handler?: (message: Buffer) => void): Promise<void>;
	/**
	 * Called when a connection came back from an outage and both connections are ready again
	 * (subscriptions already restored). Messages published while the subscriber was disconnected
	 * are lost: re-sync from storage here.
	 */
	onReconnect(cb: () => void): () => void;
	close(): Promise<void>;
}

/** Suggested per-plan pub/sub channel (hash-tagged like the plan's keys). */
export function planUpdatesChannel(planId: string): string {
	assertPlanId(planId);
	return `{${planId}}:updates`;
}

const MAX_COMPACT_ATTEMPTS = 25;

/** Reply of the appendUnlessDeleted script when the plan is tombstoned. */
const APPEND_REFUSED = -1;

const SCRIPTS = {
	/**
	 * KEYS[1] = log, KEYS[2] = tombstone (same `{planId}` slot), ARGV[1] = update. RPUSHes unless
	 * the plan is tombstoned; returns the new log length, or -1 (nothing written). Sent as
	 * EVALSHA, falling back to EVAL on NOSCRIPT (node-redis does that).
	 */
	appendUnlessDeleted: defineScript({
		NUMBER_OF_KEYS: 2,
		SCRIPT:
			"if redis.call('EXISTS', KEYS[2]) == 1 then return " +
			APPEND_REFUSED +
			" end\nreturn redis.call('RPUSH', KEYS[1], ARGV[1])",
		parseCommand(parser: CommandParser, logKey: string, tombstoneKey: string, update: Buffer) {
			parser.pushKey(logKey);
			parser.pushKey(tombstoneKey);
			parser.push(update);
		},
		transformReply: (reply: unknown) => reply as number
	})
};

function toBuffer(u: Uint8Array): Buffer {
	return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

const mapError = failureMapper(
	(err): err is StorageError => err instanceof StorageError,
	(message, err) =>
		err instanceof ErrorReply && err.message.startsWith('WRONGTYPE')
			? new StorageError('corrupt', message, { cause: err })
			: new StorageError('unavailable', message, { cause: err })
);

/** One connection of this module (see redis-connection.ts); failures become StorageError. */
const connectClient = (opts: RedisConnectionOptions, label: string) =>
	connectMapped({ ...opts, scripts: SCRIPTS }, '[storage]', label, mapError);

export async function createRedisStore(options: RedisStoreOptions): Promise<RedisDocStore> {
	const prefix = options.keyPrefix ?? 'mitplan';
	const maxUpdateBytes = options.maxUpdateBytes ?? DEFAULT_MAX_UPDATE_BYTES;
	const logger = options.logger ?? console;
	const merge = options.merge ?? mergeInline;
	const main = await connectClient(options, 'store');
	// WATCH state is per connection: compactions get their own connection and run one at a time,
	// so no other command can EXEC (and thereby clear the WATCH) in between.
	let txConn: Awaited<ReturnType<typeof connectClient>>;
	try {
		txConn = await connectClient(options, 'store-tx');
	} catch (err) {
		await main.close();
		throw err;
	}
	const typeMapping = { [RESP_TYPES.BLOB_STRING]: Buffer };
	const db = main.client.withTypeMapping(typeMapping);
	let closed = false;

	const plansKey = `${prefix}:plans`;
	/** Plans this process has put into the plans set (see append). */
	const listed = new Set<string>();
	const snapshotKey = (id: string) => `${prefix}:{${id}}:snapshot`;
	const logKey = (id: string) => `${prefix}:{${id}}:log`;
	const tombstoneKey = (id: string) => `${prefix}:{${id}}:deleted`;

	function checkOpen(): void {
		if (closed) throw new StorageError('closed', 'redis store is closed');
	}

	const op = <T>(what: string, fn: () => Promise<T>) => mapFailure(what, fn, mapError);
	const serialTx = serialQueue();

	async function compactOnce(planId: string): Promise<'done' | 'retry'> {
		// Watching the tombstone too: a delete() sets it in the MULTI that DELs the plan, which trips
		// this WATCH even when there is no snapshot yet (DEL of a missing key does not). On a
		// cluster, the slot master's own connection of the dedicated transaction client.
		return txConn.withClientForKey(snapshotKey(planId), (conn) =>
			compactOn(conn.withTypeMapping(typeMapping), planId)
		);
	}

	async function compactOn(tx: typeof db, planId: string): Promise<'done' | 'retry'> {
		const sKey = snapshotKey(planId);
		const lKey = logKey(planId);
		const dKey = tombstoneKey(planId);
		await tx.watch([sKey, dKey]);
		let execSent = false;
		try {
			const [snapshot, entries, deleted] = await Promise.all([
				tx.get(sKey),
				tx.lRange(lKey, 0, -1),
				tx.exists(dKey)
			]);
			if (deleted > 0 || entries.length === 0) return 'done';
			const merged = await merge(
				planId,
				snapshot ? toUint8Array(snapshot) : null,
				entries.map(toUint8Array),
				logger
			);
			execSent = true;
			// Entries only ever join at the tail (RPUSH) and only leave the head through a
			// compaction, which would have changed the watched snapshot: keeping [n, -1] is exact.
			await tx.multi().set(sKey, toBuffer(merged)).lTrim(lKey, entries.length, -1).exec();
			return 'done';
		} catch (err) {
			if (err instanceof WatchError) return 'retry';
			throw err;
		} finally {
			if (!execSent) await tx.unwatch().catch(() => {});
		}
	}

	const store: RedisDocStore = {
		kind: 'redis',

		async load(planId) {
			const parts = await store.loadParts(planId);
			return parts && mergeState(planId, parts.snapshot, parts.entries, logger);
		},

		async loadParts(planId) {
			checkOpen();
			assertPlanId(planId);
			return op(`load(${planId})`, async () => {
				// Read the log BEFORE the snapshot (same connection, so Redis runs them in this order).
				// A compaction in between only moves entries from the log head into the snapshot, and a
				// snapshot only ever grows, so nothing can be missed. (Not a MULTI: node-redis v6 drops
				// the Buffer type mapping for EXEC replies, which would corrupt binary data.)
				const [entries, snapshot, deleted] = await Promise.all([
					db.lRange(logKey(planId), 0, -1),
					db.get(snapshotKey(planId)),
					db.exists(tombstoneKey(planId))
				]);
				if (deleted > 0 || (snapshot === null && entries.length === 0)) return null;
				// Copies: the replies' buffers may be shared, and a reader may transfer its parts.
				return {
					snapshot: snapshot ? toUint8Array(snapshot).slice() : null,
					entries: entries.map((entry) => toUint8Array(entry).slice())
				};
			});
		},

		async append(planId, update) {
			checkOpen();
			assertPlanId(planId);
			assertUpdate(update, maxUpdateBytes);
			return op(`append(${planId})`, async () => {
				// Tombstone check and RPUSH are one atomic script, so an append can never land after
				// delete(). SADD (another slot) only once the update is stored; it is idempotent. If a
				// delete slips in between, list() drops the id again (it is tombstoned).
				const logLength = await db.appendUnlessDeleted(
					logKey(planId),
					tombstoneKey(planId),
					toBuffer(update)
				);
				if (logLength === APPEND_REFUSED) {
					throw new StorageError('deleted', `plan ${planId} was deleted`);
				}
				// Once per plan and process, and again whenever a log starts anew (after a
				// compaction, or in a Redis that was emptied): not one more command per edit.
				if (!listed.has(planId) || logLength === 1) {
					await db.sAdd(plansKey, planId);
					listed.add(planId);
				}
				return { logLength };
			});
		},

		async compact(planId) {
			checkOpen();
			assertPlanId(planId);
			return op(`compact(${planId})`, () =>
				serialTx(async () => {
					for (let attempt = 1; attempt <= MAX_COMPACT_ATTEMPTS; attempt++) {
						if ((await compactOnce(planId)) === 'done') return;
						await sleep(Math.random() * Math.min(5 * attempt, 50));
					}
					throw new StorageError('conflict', `compaction of ${planId} kept conflicting`);
				})
			);
		},

		async exists(planId) {
			checkOpen();
			assertPlanId(planId);
			return op(`exists(${planId})`, async () => {
				const [data, deleted] = await Promise.all([
					db.exists([snapshotKey(planId), logKey(planId)]),
					db.exists(tombstoneKey(planId))
				]);
				return data > 0 && deleted === 0;
			});
		},

		async list() {
			checkOpen();
			return op('list()', async () => {
				const members = (await main.client.sMembers(plansKey)).filter(isValidPlanId);
				// One EXISTS per plan (pipelined). A tombstoned id can still be in the set when
				// delete() failed between its MULTI and SREM, or an append's SADD came after them.
				const deleted = await Promise.all(members.map((id) => db.exists(tombstoneKey(id))));
				const stale = members.filter((_, i) => deleted[i] > 0);
				if (stale.length > 0) {
					// Heal the set; tombstones are permanent, so this never hides a live plan.
					await main.client.sRem(plansKey, stale).catch(() => {});
				}
				return members.filter((_, i) => deleted[i] === 0).sort();
			});
		},

		async delete(planId) {
			checkOpen();
			assertPlanId(planId);
			await op(`delete(${planId})`, async () => {
				// Tombstone and data removal in one MULTI (one slot); only then the plans set (another
				// slot, separate command). From EXEC on, appends are refused and compactions abort.
				await db
					.multi()
					.del([snapshotKey(planId), logKey(planId)])
					.set(tombstoneKey(planId), String(Date.now()))
					.exec();
				listed.delete(planId);
				await db.sRem(plansKey, planId);
			});
		},

		onReconnect(cb) {
			return main.onReconnect(cb);
		},

		async close() {
			if (closed) return;
			closed = true;
			await serialTx.idle();
			await Promise.all([main.close(), txConn.close()]);
		}
	};
	return store;
}

export async function createRedisPubSub(options: RedisConnectionOptions): Promise<RedisPubSub> {
	const prefix = options.keyPrefix ?? 'mitplan';
	const logger = options.logger ?? console;
	const pub = await connectClient(options, 'publisher');
	let sub: Awaited<ReturnType<typeof connectClient>>;
	try {
		sub = await connectClient(options, 'subscriber');
	} catch (err) {
		await pub.close();
		throw err;
	}
	const handlers = new Map<string, Set<(message: Buffer) => void>>();
	const listeners = new Map<string, (message: Buffer) => void>();
	let closed = false;

	const fullName = (channel: string) => {
		if (typeof channel !== 'string' || channel.length === 0) {
			throw new StorageError('invalid_plan_id', 'channel must be a non-empty string');
		}
		return `${prefix}:${channel}`;
	};
	const checkOpen = () => {
		if (closed) throw new StorageError('closed', 'pub/sub is closed');
	};

	return {
		async publish(channel, message) {
			checkOpen();
			const name = fullName(channel);
			try {
				// On a cluster: sharded pub/sub (SPUBLISH), served by the channel's slot master only.
				if (pub.cluster) return await pub.cluster.sPublish(name, toBuffer(message));
				return await pub.client.publish(name, toBuffer(message));
			} catch (err) {
				throw mapError(`publish(${channel})`, err);
			}
		},

		async subscribe(channel, handler) {
			checkOpen();
			const name = fullName(channel);
			let set = handlers.get(name);
			if (set) {
				set.add(handler);
				return;
			}
			if (!sub.client.isReady) {
				throw new StorageError('unavailable', `subscribe(${channel}): redis is not connected`);
			}
			set = new Set([handler]);
			handlers.set(name, set);
			const listener = (message: Buffer) => {
				for (const h of handlers.get(name) ?? []) {
					try {
						h(message);
					} catch (err) {
						logger.error(`[storage] pub/sub handler for ${channel} threw`, err);
					}
				}
			};
			listeners.set(name, listener);
			try {
				if (sub.cluster) await sub.cluster.sSubscribe(name, listener, true);
				else await sub.client.subscribe(name, listener, true);
			} catch (err) {
				handlers.delete(name);
				listeners.delete(name);
				throw mapError(`subscribe(${channel})`, err);
			}
		},

		async unsubscribe(channel, handler) {
			checkOpen();
			const name = fullName(channel);
			const set = handlers.get(name);
			if (!set) return;
			if (handler) set.delete(handler);
			else set.clear();
			if (set.size > 0) return;
			const listener = listeners.get(name);
			handlers.delete(name);
			listeners.delete(name);
			if (!listener) return;
			try {
				if (sub.cluster) await sub.cluster.sUnsubscribe(name, listener, true);
				else await sub.client.unsubscribe(name, listener, true);
			} catch (err) {
				throw mapError(`unsubscribe(${channel})`, err);
			}
		},

		onReconnect(cb) {
			// Fire once both connections are usable again (not when only the first one is back).
			const fire = () => {
				if (pub.client.isReady && sub.client.isReady) cb();
			};
			const a = pub.onReconnect(fire);
			const b = sub.onReconnect(fire);
			return () => {
				a();
				b();
			};
		},

		async close() {
			if (closed) return;
			closed = true;
			handlers.clear();
			listeners.clear();
			await Promise.all([pub.close(), sub.close()]);
		}
	};
}

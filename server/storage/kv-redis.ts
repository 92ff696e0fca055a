/**
 * Redis KvStore (node-redis v6), shared by all instances. Every key is prefixed with
 * `mitplan:app:` (configurable), so it never collides with the plan store's `mitplan:{<id>}:…`
 * keys or `mitplan:plans`.
 *
 *   - update(): WATCH / GET / MULTI SET (KEEPTTL) or DEL / EXEC on a dedicated connection, one
 *     transaction at a time (WATCH state is per connection), retried when another client changed
 *     the key in between. So concurrent updates, also from other instances, never get lost.
 *   - incr(): one Lua script (INCR + PEXPIRE on a new counter), atomic.
 *   - listPush(): LPUSH + LTRIM in one MULTI.
 *
 * Connection policy as in server/storage/redis-store.ts: no offline queue (operations fail at
 * once while Redis is down), a per-command timeout, reconnect forever with capped backoff,
 * 'error' events handled. All failures reject with KvError('unavailable').
 * On a Redis Cluster every command touches one key (del() of several keys sends one DEL each).
 */
import { defineScript, WatchError, type CommandParser } from 'redis';
import { connectMapped, failureMapper, mapFailure, serialQueue } from './redis-connection';
import { KvError, type KvCounter, type KvStore, type KvUpdateStep } from './kv';

export interface RedisKvOptions {
	url: string;
	/** Default `mitplan:app:`. */
	keyPrefix?: string;
	/** Per-command timeout in ms (default 5000). */
	commandTimeoutMs?: number;
	/** How long createRedisKv() waits for the first connection (default 10000). */
	connectTimeoutMs?: number;
	logger?: { warn(msg: string): void; error(msg: string): void };
}

const MAX_UPDATE_ATTEMPTS = 50;

const SCRIPTS = {
	/** KEYS[1] = counter, ARGV[1] = window ms. Returns {value, ttl ms}. */
	incrWindow: defineScript({
		NUMBER_OF_KEYS: 1,
		SCRIPT:
			"local v = redis.call('INCR', KEYS[1])\n" +
			"local t = redis.call('PTTL', KEYS[1])\n" +
			"if t < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); t = tonumber(ARGV[1]) end\n" +
			'return {v, t}',
		parseCommand(parser: CommandParser, key: string, windowMs: string) {
			parser.pushKey(key);
			parser.push(windowMs);
		},
		transformReply: (reply: unknown) => reply as [number, number]
	})
};

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const mapError = failureMapper(
	(err): err is KvError => err instanceof KvError,
	(message, err) => new KvError('unavailable', message, { cause: err })
);

/** One connection (see storage/redis-connection.ts); failures become KvError. */
const connect = (opts: RedisKvOptions, label: string) =>
	connectMapped({ ...opts, scripts: SCRIPTS }, '[auth-kv]', label, mapError);

export async function createRedisKv(options: RedisKvOptions): Promise<KvStore> {
	const prefix = options.keyPrefix ?? 'mitplan:app:';
	const main = await connect(options, 'auth');
	let txConn: Awaited<ReturnType<typeof connect>>;
	try {
		txConn = await connect(options, 'auth-tx');
	} catch (err) {
		await main.close();
		throw err;
	}
	const db = main.client;
	let closed = false;
	const k = (key: string) => prefix + key;

	async function op<T>(what: string, fn: () => Promise<T>): Promise<T> {
		if (closed) throw new KvError('closed', 'kv store is closed');
		return mapFailure(what, fn, mapError);
	}

	const serialTx = serialQueue();

	async function updateOnce<T>(
		key: string,
		fn: (current: string | null) => KvUpdateStep<T>
	): Promise<{ done: true; result: T } | { done: false }> {
		// On a cluster: the key's slot master connection of the dedicated transaction client.
		return txConn.withClientForKey(key, (tx) => updateOn(tx, key, fn));
	}

	async function updateOn<T>(
		tx: typeof db,
		key: string,
		fn: (current: string | null) => KvUpdateStep<T>
	): Promise<{ done: true; result: T } | { done: false }> {
		await tx.watch(key);
		let execSent = false;
		try {
			const current = await tx.get(key);
			const step = fn(current);
			if (step.value === undefined) return { done: true, result: step.result };
			execSent = true;
			const multi = tx.multi();
			if (step.value === null) multi.del(key);
			else multi.set(key, step.value, { expiration: 'KEEPTTL' });
			await multi.exec();
			return { done: true, result: step.result };
		} catch (err) {
			if (err instanceof WatchError) return { done: false };
			throw err;
		} finally {
			if (!execSent) await tx.unwatch().catch(() => {});
		}
	}

	const store: KvStore = {
		kind: 'redis',

		get: (key) => op(`get(${key})`, () => db.get(k(key))),

		set: (key, value, opts = {}) =>
			op(`set(${key})`, async () => {
				const reply = await db.set(k(key), value, {
					...(opts.ttlMs !== undefined
						? { expiration: { type: 'PX' as const, value: Math.max(1, Math.ceil(opts.ttlMs)) } }
						: {}),
					...(opts.ifAbsent ? { condition: 'NX' as const } : {})
				});
				return reply === 'OK';
			}),

		del: (keys) =>
			op('del', async () => {
				const list = (Array.isArray(keys) ? keys : [keys]).map(k);
				if (list.length === 0) return;
				// The app keys carry no hash tag: on a cluster they may live on different slots.
				if (main.cluster) await Promise.all(list.map((key) => db.del(key)));
				else await db.del(list);
			}),

		update<T>(key: string, fn: (current: string | null) => KvUpdateStep<T>) {
			return op(`update(${key})`, () =>
				serialTx(async () => {
					for (let attempt = 1; attempt <= MAX_UPDATE_ATTEMPTS; attempt++) {
						const r = await updateOnce(k(key), fn);
						if (r.done) return r.result;
						await sleep(Math.random() * Math.min(2 * attempt, 20));
					}
					throw new KvError('conflict', `update of ${key} kept conflicting`);
				})
			);
		},

		incr: (key, windowMs) =>
			op(`incr(${key})`, async () => {
				const [value, ttlMs] = await db.incrWindow(
					k(key),
					String(Math.max(1, Math.ceil(windowMs)))
				);
				return { value: Number(value), ttlMs: Number(ttlMs) };
			}),

		counter: (key) =>
			op(`counter(${key})`, async (): Promise<KvCounter | null> => {
				const [value, ttl] = await Promise.all([db.get(k(key)), db.pTTL(k(key))]);
				if (value === null) return null;
				return { value: Number.parseInt(value, 10) || 0, ttlMs: Math.max(0, Number(ttl)) };
			}),

		sAdd: (key, member) =>
			op(`sAdd(${key})`, async () => {
				await db.sAdd(k(key), member);
			}),

		sRem: (key, member) =>
			op(`sRem(${key})`, async () => {
				await db.sRem(k(key), member);
			}),

		sMembers: (key) => op(`sMembers(${key})`, () => db.sMembers(k(key))),

		listPush: (key, value, maxLength) =>
			op(`listPush(${key})`, async () => {
				await db
					.multi()
					.lPush(k(key), value)
					.lTrim(k(key), 0, Math.max(1, maxLength) - 1)
					.exec();
			}),

		listRange: (key, start, stop) => op(`listRange(${key})`, () => db.lRange(k(key), start, stop)),

		async close() {
			if (closed) return;
			closed = true;
			await serialTx.idle();
			await Promise.all([main.close(), txConn.close()]);
		}
	};
	return store;
}

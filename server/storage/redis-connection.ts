/**
 * One resilient node-redis connection, shared by the plan store (redis-store.ts) and the access
 * service's KV (server/storage/kv-redis.ts): offline queue disabled (commands fail at once while
 * Redis is away), a per-command timeout, reconnects forever with capped exponential backoff,
 * 'error' events always handled (logged once per outage), onReconnect callbacks after an outage,
 * and a bounded graceful close. Also the helpers all Redis stores share: failure mapping into a
 * store's own error type, the serial transaction queue and a labelled, mapped connect.
 *
 * A `redis+cluster://` (or `rediss+cluster://`) URL names a Redis Cluster (redis-cluster-url.ts):
 * then `client` is node-redis' cluster client (same command methods, routed by key slot) and
 * `cluster` is set; `withClientForKey` runs on the slot master's own connection (WATCH) and `scan`
 * walks every master. onReconnect fires after a node came back or a new node (a promoted
 * replica) became ready — after a short delay, so moved sharded subscriptions are restored first.
 */
import { createClient, createCluster, type RedisScripts } from 'redis';
import { isClusterUrl, parseClusterUrl } from './redis-cluster-url';

export interface RedisConnectOptions<S extends RedisScripts> {
	url: string;
	scripts: S;
	/** Per-command timeout in ms (default 5000). */
	commandTimeoutMs?: number;
	/** How long to wait for the first connection (default 10000). */
	connectTimeoutMs?: number;
	logger?: { warn(message: string): void; error(message: string, ...args: unknown[]): void };
	/** Names the connection in log lines, e.g. `[storage] redis store-tx`. */
	label: string;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Connects, or rejects (with the client cleaned up) when Redis is not reachable in time. */
/** After a cluster topology change, how long to wait before onReconnect (resubscribe first). */
const CLUSTER_SETTLE_MS = 1000;

function reconnectStrategy(retries: number): number {
	return Math.min(100 * 2 ** Math.min(retries, 10), 2000) + Math.floor(Math.random() * 100);
}

function makeClient<S extends RedisScripts>(options: RedisConnectOptions<S>) {
	return createClient({
		url: options.url,
		disableOfflineQueue: true,
		scripts: options.scripts,
		commandOptions: { timeout: options.commandTimeoutMs ?? 5000 },
		socket: { connectTimeout: 5000, reconnectStrategy }
	});
}

function makeCluster<S extends RedisScripts>(options: RedisConnectOptions<S>) {
	const target = parseClusterUrl(options.url);
	return createCluster({
		rootNodes: target.rootNodes.map((url) => ({ url })),
		defaults: {
			username: target.username,
			password: target.password,
			disableOfflineQueue: true,
			socket: { connectTimeout: 5000, reconnectStrategy, ...(target.tls ? { tls: true } : {}) }
		},
		scripts: options.scripts,
		commandOptions: { timeout: options.commandTimeoutMs ?? 5000 }
	});
}

/** Connects, or rejects (with the client cleaned up) when Redis is not reachable in time. */
export async function connectRedis<S extends RedisScripts>(options: RedisConnectOptions<S>) {
	const logger = options.logger ?? console;
	const cluster = isClusterUrl(options.url) ? makeCluster(options) : undefined;
	// The cluster client has the standalone client's command methods (routed by key slot); the
	// few places that need a single connection use withClientForKey / scan below.
	const client = cluster
		? (cluster as unknown as ReturnType<typeof makeClient<S>>)
		: makeClient(options);
	const reconnectListeners = new Set<() => void>();
	let everReady = false;
	let down = false;
	let closing = false;
	const fireReconnect = () => {
		for (const cb of reconnectListeners) {
			try {
				cb();
			} catch (err) {
				logger.error(`${options.label} onReconnect callback failed`, err);
			}
		}
	};
	const lost = (err: Error) => {
		if (closing || down) return;
		down = true;
		logger.warn(`${options.label} connection lost: ${err.message}; reconnecting`);
	};
	let settleTimer: NodeJS.Timeout | undefined;
	if (cluster) {
		cluster.on('error', lost);
		cluster.on('node-error', lost);
		cluster.on('node-disconnect', () => lost(new Error('node disconnected')));
		cluster.on('node-ready', () => {
			if (!everReady || closing) return;
			if (down) logger.warn(`${options.label} connection restored`);
			down = false;
			clearTimeout(settleTimer);
			settleTimer = setTimeout(fireReconnect, CLUSTER_SETTLE_MS);
			settleTimer.unref();
		});
	} else {
		client.on('error', lost);
		client.on('ready', () => {
			if (everReady) {
				logger.warn(`${options.label} connection restored`);
				fireReconnect();
			}
			everReady = true;
			down = false;
		});
	}

	let timer: NodeJS.Timeout | undefined;
	const connecting = (cluster ?? client).connect();
	try {
		await Promise.race([
			connecting,
			new Promise((_, reject) => {
				timer = setTimeout(
					() => reject(new Error(`redis not reachable at ${redactUrl(options.url)}`)),
					options.connectTimeoutMs ?? 10_000
				);
			})
		]);
		everReady = true;
	} catch (err) {
		closing = true;
		connecting.catch(() => {});
		(cluster ?? client).destroy();
		throw err;
	} finally {
		clearTimeout(timer);
	}

	return {
		client,
		/** Set when the URL names a Redis Cluster. */
		cluster,
		/**
		 * Runs `fn` on the connection that serves `key` (the slot master's own connection on a
		 * cluster): for WATCH/MULTI. After a failover that connection answers MOVED: the cluster
		 * client then learns the new slot map (one routed command) and `fn` runs once more.
		 */
		async withClientForKey<T>(key: string, fn: (c: typeof client) => Promise<T>): Promise<T> {
			if (!cluster) return fn(client);
			const nodeFor = async () =>
				(await cluster.getNodeClientForKey(key)) as unknown as typeof client;
			try {
				return await fn(await nodeFor());
			} catch (err) {
				if (!(err instanceof Error) || !/^(MOVED|ASK) /.test(err.message)) throw err;
				await cluster.exists(key);
				return fn(await nodeFor());
			}
		},
		/** SCAN over every master (one node without a cluster). */
		async *scan(match: string, count: number): AsyncGenerator<string[]> {
			const nodes = cluster
				? await Promise.all(cluster.masters.map((m) => cluster.nodeClient(m)))
				: [client];
			for (const node of nodes) {
				for await (const batch of node.scanIterator({ MATCH: match, COUNT: count })) {
					yield batch.map(String);
				}
			}
		},
		onReconnect(cb: () => void) {
			reconnectListeners.add(cb);
			return () => void reconnectListeners.delete(cb);
		},
		async close() {
			if (closing) return;
			closing = true;
			clearTimeout(settleTimer);
			reconnectListeners.clear();
			const target = cluster ?? client;
			// Graceful: lets in-flight commands finish, but never wait forever.
			if (target.isReady) await Promise.race([target.close().catch(() => {}), sleep(2000)]);
			if (target.isOpen) target.destroy();
		}
	};
}

/** The Redis URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
	if (isClusterUrl(url)) return url.replace(/^([^/]*\/\/[^:@/]*:)[^@]*@/, '$1***@');
	try {
		const parsed = new URL(url);
		if (parsed.password) parsed.password = '***';
		return parsed.toString();
	} catch {
		return 'redis://(ungültige Adresse)';
	}
}

/** A connection made by connectRedis. */
export type RedisConnection<S extends RedisScripts> = Awaited<ReturnType<typeof connectRedis<S>>>;

/** Turns any failure into a store's own error type: `what: message`, its own errors kept. */
export type FailureMapper<E extends Error> = (what: string, err: unknown) => E;

export function failureMapper<E extends Error>(
	isOwn: (err: unknown) => err is E,
	make: (message: string, err: unknown) => E
): FailureMapper<E> {
	return (what, err) => {
		if (isOwn(err)) return err;
		const message = err instanceof Error ? err.message : String(err);
		return make(`${what}: ${message}`, err);
	};
}

/** Runs one store operation; any failure is rethrown as the store's own error. */
export async function mapFailure<T>(
	what: string,
	fn: () => Promise<T>,
	mapError: (what: string, err: unknown) => Error
): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		throw mapError(what, err);
	}
}

/**
 * Runs the functions given to it one after another (WATCH state is per connection: transactions
 * on the shared transaction connection must not interleave); a failure does not stop the queue.
 */
export interface SerialQueue {
	<T>(fn: () => Promise<T>): Promise<T>;
	/** Settles when everything queued so far has run. */
	idle(): Promise<void>;
}

export function serialQueue(): SerialQueue {
	let tail: Promise<void> = Promise.resolve();
	const queue = <T>(fn: () => Promise<T>) => {
		const run = tail.then(fn);
		tail = run.then(
			() => {},
			() => {}
		);
		return run;
	};
	return Object.assign(queue, { idle: () => tail });
}

/** connectRedis labelled `<component> redis <label>`; a failure to connect is mapped. */
export async function connectMapped<S extends RedisScripts>(
	options: Omit<RedisConnectOptions<S>, 'label'>,
	component: string,
	label: string,
	mapError: (what: string, err: unknown) => Error
): Promise<RedisConnection<S>> {
	try {
		return await connectRedis({ ...options, label: `${component} redis ${label}` });
	} catch (err) {
		throw mapError(`connecting to redis (${label})`, err);
	}
}

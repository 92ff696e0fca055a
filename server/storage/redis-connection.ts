/**
 * One resilient node-redis connection, shared by the plan store (redis-store.ts) and the access
 * service's KV (server/storage/kv-redis.ts): offline queue disabled (commands fail at once while
 * Redis is away), a per-command timeout, reconnects forever with capped exponential backoff,
 * 'error' events always handled (logged once per outage), onReconnect callbacks after an outage,
 * and a bounded graceful close. Also the helpers all Redis stores share: failure mapping into a
 * store's own error type, the serial transaction queue and a labelled, mapped connect.
 */
import { createClient, type RedisScripts } from 'redis';

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
export async function connectRedis<S extends RedisScripts>(options: RedisConnectOptions<S>) {
	const logger = options.logger ?? console;
	const client = createClient({
		url: options.url,
		disableOfflineQueue: true,
		scripts: options.scripts,
		commandOptions: { timeout: options.commandTimeoutMs ?? 5000 },
		socket: {
			connectTimeout: 5000,
			reconnectStrategy: (retries: number) =>
				Math.min(100 * 2 ** Math.min(retries, 10), 2000) + Math.floor(Math.random() * 100)
		}
	});
	const reconnectListeners = new Set<() => void>();
	let everReady = false;
	let down = false;
	let closing = false;
	client.on('error', (err: Error) => {
		if (closing || down) return;
		down = true;
		logger.warn(`${options.label} connection lost: ${err.message}; reconnecting`);
	});
	client.on('ready', () => {
		if (everReady) {
			logger.warn(`${options.label} connection restored`);
			for (const cb of reconnectListeners) {
				try {
					cb();
				} catch (err) {
					logger.error(`${options.label} onReconnect callback failed`, err);
				}
			}
		}
		everReady = true;
		down = false;
	});

	let timer: NodeJS.Timeout | undefined;
	const connecting = client.connect();
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
	} catch (err) {
		closing = true;
		connecting.catch(() => {});
		client.destroy();
		throw err;
	} finally {
		clearTimeout(timer);
	}

	return {
		client,
		onReconnect(cb: () => void) {
			reconnectListeners.add(cb);
			return () => void reconnectListeners.delete(cb);
		},
		async close() {
			if (closing) return;
			closing = true;
			reconnectListeners.clear();
			// Graceful: lets in-flight commands finish, but never wait forever.
			if (client.isReady) await Promise.race([client.close().catch(() => {}), sleep(2000)]);
			if (client.isOpen) client.destroy();
		}
	};
}

/** The Redis URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
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

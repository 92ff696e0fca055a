/**
 * The storage room: plan documents (DocStore), the app-wide key-value store (KvStore) and the
 * version snapshot blobs (VersionBlobStore), each with a file and a Redis implementation behind
 * one interface. createStorage is the one place that picks file or Redis for all three.
 */
import { createFileStore } from './file-store';
import { createRedisStore } from './redis-store';
import { createMergePool } from './merge-pool';
import type { DocStore } from './types';
import { createFileKv } from './kv-file';
import { createRedisKv } from './kv-redis';
import type { KvStore } from './kv';
import { createFileBlobStore, createRedisBlobStore, type VersionBlobStore } from './blob-store';

export * from './types';
export { KvError, isKvError, type KvStore } from './kv';
export { VersionBlobError, type VersionBlobStore } from './blob-store';
export { createFileStore, type FileStoreOptions } from './file-store';
export {
	createRedisStore,
	createRedisPubSub,
	planUpdatesChannel,
	type RedisDocStore,
	type RedisPubSub,
	type RedisStoreOptions,
	type RedisConnectionOptions
} from './redis-store';

import type { StorageLogger } from './types';

export interface StoreConfig {
	/** When set, plans live in Redis; otherwise in files under dataDir. */
	redisUrl?: string;
	dataDir: string;
	/** Where storage warnings go (default: console). */
	logger?: StorageLogger;
	/** Compactions merge in a worker thread (the server; tools merge inline). */
	mergeInWorker?: boolean;
}

export async function createStore(config: StoreConfig): Promise<DocStore> {
	const pool = config.mergeInWorker
		? createMergePool({
				onWorkerError: (error) => config.logger?.warn('compaction merge worker failed', error)
			})
		: undefined;
	const merge = pool?.merge;
	let store: DocStore;
	try {
		store = config.redisUrl
			? await createRedisStore({ url: config.redisUrl, logger: config.logger, merge })
			: await createFileStore({ dir: config.dataDir, logger: config.logger, merge });
	} catch (err) {
		await pool?.close();
		throw err;
	}
	if (!pool) return store;
	// The pool ends with the store (after the rooms' last compactions).
	const close = store.close.bind(store);
	store.close = async () => {
		try {
			await close();
		} finally {
			await pool.close();
		}
	};
	return store;
}

/** Plan documents, the app-wide key-value store and the version snapshot blobs. */
export interface Storage {
	docs: DocStore;
	kv: KvStore;
	blobs: VersionBlobStore;
}

/** All three stores in Redis (when redisUrl is set) or in files under dataDir. */
export async function createStorage(config: StoreConfig): Promise<Storage> {
	const { redisUrl, dataDir, logger } = config;
	const docs = await createStore(config);
	let kv: KvStore | undefined;
	try {
		kv = redisUrl
			? await createRedisKv({ url: redisUrl, logger })
			: await createFileKv({ dir: dataDir, logger });
		const blobs = redisUrl
			? await createRedisBlobStore({ url: redisUrl, logger })
			: createFileBlobStore(dataDir);
		return { docs, kv, blobs };
	} catch (err) {
		// nothing half-open is left behind
		await kv?.close().catch(() => {});
		await docs.close().catch(() => {});
		throw err;
	}
}

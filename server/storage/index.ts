import { createFileStore } from './file-store';
import { createRedisStore } from './redis-store';
import type { DocStore } from './types';

export * from './types';
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

export interface StoreConfig {
	/** When set, plans live in Redis; otherwise in files under dataDir. */
	redisUrl?: string;
	dataDir: string;
}

export async function createStore(config: StoreConfig): Promise<DocStore> {
	if (config.redisUrl) return createRedisStore({ url: config.redisUrl });
	return createFileStore({ dir: config.dataDir });
}

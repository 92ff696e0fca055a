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

import type { StorageLogger } from './types';

export interface StoreConfig {
	/** When set, plans live in Redis; otherwise in files under dataDir. */
	redisUrl?: string;
	dataDir: string;
	/** Where storage warnings go (default: console). */
	logger?: StorageLogger;
}

export async function createStore(config: StoreConfig): Promise<DocStore> {
	if (config.redisUrl) return createRedisStore({ url: config.redisUrl, logger: config.logger });
	return createFileStore({ dir: config.dataDir, logger: config.logger });
}

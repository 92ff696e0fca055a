/**
 * Entry point of the access service for the core: picks the KvStore like the plan store picks
 * its DocStore (Redis when a URL is configured, otherwise files under the data directory) and
 * re-exports what callers need. The caller owns the KvStore and closes it after the service.
 */
import { createFileKv } from '../storage/kv-file';
import { createRedisKv } from '../storage/kv-redis';
import type { KvStore } from '../storage/kv';

export { createAccessService } from './service';
export { KvError, isKvError, type KvStore } from '../storage/kv';
export { createFileKv, type FileKvOptions } from '../storage/kv-file';
export { createRedisKv, type RedisKvOptions } from '../storage/kv-redis';
export { DEFAULT_LIMITS } from './context';
export type * from './types';

export interface KvConfig {
	/** When set, the store lives in Redis (keys `mitplan:app:…`); otherwise in `<dataDir>/app/`. */
	redisUrl?: string;
	dataDir: string;
	logger?: { warn(msg: string): void; error(msg: string): void };
}

export function createKvStore(config: KvConfig): Promise<KvStore> {
	if (config.redisUrl) return createRedisKv({ url: config.redisUrl, logger: config.logger });
	return createFileKv({ dir: config.dataDir, logger: config.logger });
}

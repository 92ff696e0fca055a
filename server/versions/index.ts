/** Creates the version service with the blob store that matches the configured storage. */
import type { KvStore } from '../storage/kv';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { RoomManager } from '../sync/rooms';
import {
	createFileBlobStore,
	createRedisBlobStore,
	type VersionBlobStore
} from '../storage/blob-store';
import { VersionService } from './service';

export async function createVersions(deps: {
	config: Config;
	rooms: RoomManager;
	kv: KvStore;
	log: Logger;
	logger: { warn(message: string): void; error(message: string, ...args: unknown[]): void };
}): Promise<VersionService> {
	const blobs: VersionBlobStore = deps.config.redisUrl
		? await createRedisBlobStore({ url: deps.config.redisUrl, logger: deps.logger })
		: createFileBlobStore(deps.config.dataDir);
	const service = new VersionService({
		rooms: deps.rooms,
		kv: deps.kv,
		blobs,
		log: deps.log.child({ component: 'versions' }),
		autoIdleMs: deps.config.versions.autoIdleMs,
		autoKeep: deps.config.versions.autoKeep,
		namedMax: deps.config.versions.namedMax,
		preRestoreKeep: deps.config.versions.preRestoreKeep
	});
	const close = service.close.bind(service);
	service.close = async () => {
		await close();
		await blobs.close().catch(() => {});
	};
	return service;
}

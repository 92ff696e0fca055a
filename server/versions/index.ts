/** Creates the version service over the storage's KV and blob store (it closes the blobs). */
import type { KvStore } from '../storage/kv';
import type { Config } from '../config';
import type { Logger } from '../log';
import type { RoomManager } from '../sync/rooms';
import type { VersionBlobStore } from '../storage/blob-store';
import { VersionService } from './service';

export async function createVersions(deps: {
	config: Config;
	rooms: RoomManager;
	kv: KvStore;
	blobs: VersionBlobStore;
	log: Logger;
}): Promise<VersionService> {
	const { blobs } = deps;
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

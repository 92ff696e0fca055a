/** The Redis VersionBlobStore against a private redis-server and the shared blob contract. */
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { runBlobStoreContract } from './blob-contract.support';
import { createRedisBlobStore } from './blob-store';

let redis: TestRedis;
let prefix = '';
let testNo = 0;
const quiet = { warn: () => {}, error: () => {} };

beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis?.stop();
});
beforeEach(() => {
	prefix = `blobt${++testNo}`;
});

runBlobStoreContract('redis', async () => {
	const blobs = await createRedisBlobStore({ url: redis.url, keyPrefix: prefix, logger: quiet });
	return { blobs, cleanup: () => blobs.close() };
});

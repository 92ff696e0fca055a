/** The file VersionBlobStore against the shared blob contract. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach } from 'vitest';
import { runBlobStoreContract } from './blob-contract.support';
import { createFileBlobStore } from './blob-store';

let dir = '';
const dirs: string[] = [];
beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-blobs-'));
	dirs.push(dir);
});
afterAll(async () => {
	for (const d of dirs) await fs.rm(d, { recursive: true, force: true });
});

runBlobStoreContract('file', async () => {
	const blobs = createFileBlobStore(dir);
	return { blobs, cleanup: () => blobs.close() };
});

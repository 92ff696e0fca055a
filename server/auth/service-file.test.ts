/** The access service on the embedded file KvStore (temp directory per test). */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileKv } from './kv-file';
import type { KvStore } from './kv';
import { runAccessServiceSuite } from './service-suite.support';

const quiet = { warn: () => {}, error: () => {} };

runAccessServiceSuite('file kv', async () => {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-auth-'));
	let kv: KvStore = await createFileKv({ dir, logger: quiet });
	const handle = {
		kv,
		async reopen() {
			await kv.close();
			kv = await createFileKv({ dir, logger: quiet });
			return kv;
		},
		async cleanup() {
			await kv.close();
			await fs.rm(dir, { recursive: true, force: true });
		}
	};
	return handle;
});

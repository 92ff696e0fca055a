/**
 * Per-test-file pool of production-bundle servers (`spawnServer`), each with its own temporary
 * DATA_DIR and the administrator of ADMIN_ENV; all are stopped and their directories removed
 * after the file's tests. Call `serverPool()` at the top level of a test file.
 */
import { afterAll } from 'vitest';
import { ADMIN_ENV } from './auth';
import { spawnServer, tempDir, type ServerProcess } from './server';

export function serverPool(defaults: Record<string, string> = {}) {
	const servers: ServerProcess[] = [];
	const dirs: ReturnType<typeof tempDir>[] = [];
	afterAll(async () => {
		await Promise.all(servers.map((s) => s.stop()));
		for (const d of dirs) d.remove();
	});
	/** A new server; `env` adds to (or overrides) the pool's defaults. */
	return async function start(env: Record<string, string> = {}): Promise<ServerProcess> {
		const data = tempDir();
		dirs.push(data);
		const server = await spawnServer({ DATA_DIR: data.dir, ...ADMIN_ENV, ...defaults, ...env });
		servers.push(server);
		return server;
	};
}

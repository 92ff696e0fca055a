/**
 * Real Mitplan servers for integration tests: in-process (`startInProcess`, sync + backend on a
 * real port) or as a child process of the production bundle (`spawnServer`, for kill -9 tests and
 * the HTTP API; needs `npm run build` first — `npm test` does that).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/main';

export function tempDir(prefix = 'mitplan-test-'): { dir: string; remove(): void } {
	const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function startInProcess(
	env: Record<string, string | undefined> = {}
): Promise<RunningServer & { wsUrl: string; httpUrl: string }> {
	const config = loadConfig({
		PORT: '0',
		HOST: '127.0.0.1',
		LOG_LEVEL: 'error',
		SEED_EXAMPLE_PLAN: 'false',
		PASSWORD_HASH_COST: '12',
		...env
	});
	const running = await startServer(config);
	return Object.assign(running, {
		wsUrl: `ws://127.0.0.1:${running.port}`,
		httpUrl: `http://127.0.0.1:${running.port}`
	});
}

export interface ServerProcess {
	port: number;
	wsUrl: string;
	httpUrl: string;
	child: ChildProcess;
	output(): string;
	/** SIGKILL: no shutdown hooks, no flush. */
	kill9(): Promise<void>;
	stop(): Promise<void>;
}

const BUNDLE = path.resolve('build/server/main.js');

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
	if (!existsSync(BUNDLE)) throw new Error('build/server/main.js fehlt: erst `npm run build`.');
	const child = spawn(process.execPath, [BUNDLE], {
		// A cheap password hash keeps the many test logins fast (production: 2^17).
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			LOG_LEVEL: 'info',
			PASSWORD_HASH_COST: '12',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	const port = await new Promise<number>((resolve, reject) => {
		// Generous on a busy machine; a server that did not start in time is killed, not leaked.
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server did not start:\n${output}`));
		}, 60_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const match = /läuft auf http:\/\/[^:]+:(\d+)/.exec(output);
			if (match) {
				clearTimeout(timer);
				resolve(Number(match[1]));
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', onData);
		child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
	});
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		port,
		wsUrl: `ws://127.0.0.1:${port}`,
		httpUrl: `http://127.0.0.1:${port}`,
		child,
		output: () => output,
		async kill9() {
			child.kill('SIGKILL');
			await exited;
		},
		async stop() {
			if (child.exitCode === null) child.kill('SIGTERM');
			await exited;
		}
	};
}

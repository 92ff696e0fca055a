/**
 * Starts a private redis-server for tests. By default nothing is persisted (`--save ''`,
 * `--appendonly no`), so restart() comes back EMPTY — fine for outage tests. With `persistDir`
 * it runs with `--appendonly yes --appendfsync always --dir <persistDir>`, so data survives
 * kill()/restart().
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

export interface TestRedis {
	url: string;
	port: number;
	/** Graceful stop (SIGTERM), waits for exit. */
	stop(): Promise<void>;
	/** Hard kill (SIGKILL), waits for exit — simulates a crash / outage. */
	kill(): Promise<void>;
	/** Starts the server again on the same port (data is lost unless persistDir was given). */
	restart(): Promise<void>;
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const addr = srv.address();
			const port = typeof addr === 'object' && addr ? addr.port : 0;
			srv.close(() => resolve(port));
		});
	});
}

function ping(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const sock = net.connect({ port, host: '127.0.0.1' });
		let data = '';
		const done = (ok: boolean) => {
			sock.destroy();
			resolve(ok);
		};
		sock.setTimeout(500, () => done(false));
		sock.on('error', () => done(false));
		sock.on('connect', () => sock.write('PING\r\n'));
		sock.on('data', (chunk) => {
			data += chunk.toString();
			if (data.includes('\r\n')) done(data.startsWith('+PONG'));
		});
	});
}

function waitExit(proc: ChildProcess): Promise<void> {
	if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => proc.once('exit', () => resolve()));
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
	for (const proc of running) proc.kill('SIGKILL');
});

export interface StartRedisOptions {
	/** Keep an append-only file in this (existing) directory so data survives restarts. */
	persistDir?: string;
}

export async function startRedis(options: StartRedisOptions = {}): Promise<TestRedis> {
	const port = await freePort();
	const persistence = options.persistDir
		? ['--appendonly', 'yes', '--appendfsync', 'always', '--dir', options.persistDir]
		: ['--appendonly', 'no'];
	let proc: ChildProcess | null = null;
	let output = '';

	async function launch(): Promise<void> {
		const child = spawn(
			'redis-server',
			['--port', String(port), '--save', '', ...persistence, '--bind', '127.0.0.1'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		proc = child;
		running.add(child);
		child.once('exit', () => running.delete(child));
		output = '';
		child.stdout?.on('data', (c) => (output += c));
		child.stderr?.on('data', (c) => (output += c));
		const spawnError = new Promise<never>((_, reject) => child.once('error', reject));
		spawnError.catch(() => {});
		const deadline = Date.now() + 10_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`redis-server exited early:\n${output}`);
			if (await Promise.race([ping(port), spawnError])) return;
			await new Promise((r) => setTimeout(r, 25));
		}
		child.kill('SIGKILL');
		throw new Error(`redis-server on port ${port} did not answer PING:\n${output}`);
	}

	async function signal(sig: NodeJS.Signals): Promise<void> {
		const p = proc;
		proc = null;
		if (!p) return;
		p.kill(sig);
		await waitExit(p);
	}

	await launch();
	return {
		url: `redis://127.0.0.1:${port}`,
		port,
		stop: () => signal('SIGTERM'),
		kill: () => signal('SIGKILL'),
		async restart() {
			await signal('SIGKILL');
			await launch();
		}
	};
}

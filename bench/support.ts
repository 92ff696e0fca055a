/**
 * Small helpers every bench module uses: percentiles, millisecond formatting, starting the bench
 * server process and asking it over IPC, and a socket.io client joined to a plan room.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import type {
	ClientToServerEvents,
	ServerToClientEvents
} from '../src/lib/contract/realtime-events';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The p-th percentile (nearest rank) of `values`. */
export function pct(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (v: number, digits = 2) => `${v.toFixed(digits)} ms`;

/**
 * Asks the bench server to do something and waits for its answer under the key `reply`; a
 * `benchError` answer rejects.
 */
export function ask<T>(child: ChildProcess, message: unknown, reply: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const onMessage = (m: Record<string, unknown>) => {
			if ('benchError' in m) {
				child.off('message', onMessage);
				reject(new Error(String(m.benchError)));
				return;
			}
			if (!(reply in m)) return;
			child.off('message', onMessage);
			resolve(m[reply] as T);
		};
		child.on('message', onMessage);
		child.send(message as object);
	});
}

/** A socket.io client (websocket only) that has joined the plan's room. */
export async function subscriber(
	httpUrl: string,
	planId: string,
	token: string
): Promise<ClientSocket> {
	const socket: ClientSocket = io(httpUrl, {
		path: '/socket.io',
		transports: ['websocket'],
		auth: { token },
		reconnection: false,
		forceNew: true
	});
	await new Promise<void>((resolve, reject) => {
		socket.once('connect', () => resolve());
		socket.once('connect_error', reject);
	});
	const joined = await new Promise<{ ok: boolean }>((resolve) =>
		socket.emit('plan:join', planId, resolve)
	);
	if (!joined.ok) throw new Error('plan:join refused');
	return socket;
}

/**
 * Starts the bench server (bench/server-child.ts: the real sync server without the SvelteKit UI)
 * in its own process with generous per-user limits; `env` adds to or overrides them.
 */
export async function startChild(
	env: Record<string, string>
): Promise<{ child: ChildProcess; url: string }> {
	// BENCH_CPU_PROF=<dir>: the server writes a V8 CPU profile there when it exits.
	const profile = process.env.BENCH_CPU_PROF;
	const child = fork(path.resolve('bench/server-child.ts'), [], {
		execArgv: ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			LOG_LEVEL: 'error',
			SEED_EXAMPLE_PLAN: 'false',
			SYNC_MAX_CONNECTIONS_PER_USER: '1000',
			SOCKETIO_MAX_CONNECTIONS_PER_USER: '1000',
			SYNC_MAX_UPGRADES_PER_ADDRESS: '100000',
			REVIEW_COMMENTS_PER_MINUTE: '10000',
			...env
		},
		stdio: ['ignore', 'pipe', 'inherit', 'ipc']
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /READY (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
	});
	return { child, url: `ws://127.0.0.1:${port}` };
}

/** Makes the bench account owner of `planId` (stored already) and returns a sync token for it. */
export function grantPlan(child: ChildProcess, planId: string): Promise<string> {
	return new Promise<string>((resolve) => {
		const onMessage = (m: { token?: string; planId?: string }) => {
			if (m.planId !== planId || !m.token) return;
			child.off('message', onMessage);
			resolve(m.token);
		};
		child.on('message', onMessage);
		child.send({ grant: planId });
	});
}

/** SIGTERM, and SIGKILL when the process has not exited after 10 s; resolves once it is gone. */
export function stopChild(child: ChildProcess): Promise<void> {
	return new Promise<void>((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
	});
}

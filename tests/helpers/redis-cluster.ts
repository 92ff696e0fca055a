/**
 * Starts a private Redis Cluster for tests: `masters` masters with one replica each
 * (`redis-server --cluster-enabled yes` in temp dirs, `redis-cli --cluster create
 * --cluster-replicas 1`), nothing persisted to disk beyond the nodes files. failoverSlotOf() makes
 * the replica of the master serving a key take over (CLUSTER FAILOVER); stop() ends every node and
 * removes the directories.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TestRedisCluster {
	/** REDIS_URL form: `redis+cluster://127.0.0.1:p1,…`. */
	url: string;
	ports: number[];
	/** The port of the master currently serving `key`'s slot. */
	masterOf(key: string): Promise<number>;
	/** Makes a replica of `key`'s master take over; resolves with the new master's port. */
	failoverSlotOf(key: string): Promise<{ from: number; to: number }>;
	/** Every node process still running. */
	running(): number;
	stop(): Promise<void>;
}

function portFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const srv = net.createServer();
		srv.unref();
		srv.once('error', () => resolve(false));
		srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
	});
}

/** A port whose cluster bus port (+10000) is free too. */
async function clusterPort(taken: Set<number>): Promise<number> {
	for (let i = 0; i < 200; i++) {
		const port = 20000 + Math.floor(Math.random() * 35000);
		if (taken.has(port) || taken.has(port + 10000)) continue;
		if ((await portFree(port)) && (await portFree(port + 10000))) {
			taken.add(port);
			taken.add(port + 10000);
			return port;
		}
	}
	throw new Error('no free port pair for a cluster node');
}

const cli = async (port: number, ...args: string[]) =>
	(await run('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args])).stdout.trim();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const procs = new Set<ChildProcess>();
process.once('exit', () => {
	for (const p of procs) p.kill('SIGKILL');
});

async function waitFor(check: () => Promise<boolean>, what: string, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check().catch(() => false)) return;
		await sleep(100);
	}
	throw new Error(`redis cluster: timed out waiting for ${what}`);
}

export async function startRedisCluster(masters = 3): Promise<TestRedisCluster> {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-cluster-'));
	const taken = new Set<number>();
	const ports: number[] = [];
	const children: ChildProcess[] = [];
	try {
		for (let i = 0; i < masters * 2; i++) ports.push(await clusterPort(taken));
		for (const port of ports) {
			const child = spawn(
				'redis-server',
				[
					'--port',
					String(port),
					'--bind',
					'127.0.0.1',
					'--cluster-enabled',
					'yes',
					'--cluster-config-file',
					path.join(dir, `nodes-${port}.conf`),
					'--cluster-node-timeout',
					'2000',
					'--dir',
					dir,
					'--dbfilename',
					`dump-${port}.rdb`,
					'--save',
					'',
					'--appendonly',
					'no'
				],
				{ stdio: ['ignore', 'ignore', 'ignore'] }
			);
			procs.add(child);
			child.once('exit', () => procs.delete(child));
			children.push(child);
		}
		for (const port of ports) {
			await waitFor(async () => (await cli(port, 'PING')) === 'PONG', `node ${port}`);
		}
		await run('redis-cli', [
			'--cluster',
			'create',
			...ports.map((p) => `127.0.0.1:${p}`),
			'--cluster-replicas',
			'1',
			'--cluster-yes'
		]);
		for (const port of ports) {
			await waitFor(
				async () => (await cli(port, 'CLUSTER', 'INFO')).includes('cluster_state:ok'),
				`cluster_state:ok on ${port}`
			);
		}
		// Every replica attached and in sync before the first write.
		await waitFor(async () => {
			let replicasUp = 0;
			for (const port of ports) {
				const info = await cli(port, 'INFO', 'replication');
				if (info.includes('role:slave') && info.includes('master_link_status:up')) replicasUp++;
			}
			return replicasUp === masters;
		}, 'replicas in sync');
	} catch (err) {
		for (const c of children) c.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
		throw err;
	}

	async function masterOf(key: string): Promise<number> {
		const slot = Number(await cli(ports[0], 'CLUSTER', 'KEYSLOT', key));
		for (const port of ports) {
			const info = await cli(port, 'INFO', 'replication').catch(() => '');
			if (!info.includes('role:master')) continue;
			const nodes = await cli(port, 'CLUSTER', 'NODES');
			const me = nodes.split('\n').find((line) => line.includes('myself'));
			if (me && ownsSlot(me, slot)) return port;
		}
		throw new Error(`no master serves slot ${slot}`);
	}

	return {
		url: `redis+cluster://${ports.map((p) => `127.0.0.1:${p}`).join(',')}`,
		ports,
		masterOf,
		async failoverSlotOf(key) {
			const from = await masterOf(key);
			const fromId = await cli(from, 'CLUSTER', 'MYID');
			let to = 0;
			for (const port of ports) {
				const info = await cli(port, 'INFO', 'replication');
				if (!info.includes('role:slave')) continue;
				const nodes = await cli(port, 'CLUSTER', 'NODES');
				const me = nodes.split('\n').find((line) => line.includes('myself'));
				if (me?.split(' ')[3] === fromId) to = port;
			}
			if (!to) throw new Error(`no replica of ${from}`);
			await cli(to, 'CLUSTER', 'FAILOVER');
			// Done when the replica is master and the old master knows it is a replica now (until
			// then it still claims the slot in its own view, and masterOf could name it).
			await waitFor(
				async () =>
					(await cli(to, 'INFO', 'replication')).includes('role:master') &&
					(await cli(from, 'INFO', 'replication')).includes('role:slave'),
				`replica ${to} to take over from ${from}`
			);
			return { from, to };
		},
		running: () => children.filter((c) => c.exitCode === null && c.signalCode === null).length,
		async stop() {
			await Promise.all(
				children.map(
					(c) =>
						new Promise<void>((resolve) => {
							if (c.exitCode !== null || c.signalCode !== null) return resolve();
							c.once('exit', () => resolve());
							c.kill('SIGTERM');
						})
				)
			);
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Whether a CLUSTER NODES line lists `slot` among its ranges. */
function ownsSlot(line: string, slot: number): boolean {
	return line
		.split(' ')
		.slice(8)
		.some((range) => {
			if (range.startsWith('[')) return false;
			const [a, b] = range.split('-').map(Number);
			return slot >= a && slot <= (b ?? a);
		});
}

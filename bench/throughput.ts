/**
 * Throughput benchmark (`npm run bench -- throughput`, alone: `npx tsx bench/throughput.ts`):
 * Mitplan (file store and Redis) side by side with the y-websocket 2.1 reference server and
 * @hocuspocus/server 3.x, in one run. PLANS plans × CLIENTS raw websocket clients, each typing
 * one short token every TYPE_MS ms into a text of its plan; clients never decode other people's
 * edits, they only search the bytes they receive for the tokens. Per server: p50/p99 latency
 * (send → arrival at each other client), server CPU per delivered message (the server process
 * reports its own process.cpuUsage()), then memory growth and join time for a plan with 2,000
 * measures. Ratios are relative to the best anchor. Env: BENCH_SECONDS (default 8), BENCH_PLANS
 * (20), BENCH_CLIENTS (10), BENCH_TYPE_MS (100), BENCH_SERVERS (comma list).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { buildPlan, createItem, getText, initPlan } from '../src/lib/domain/index';
import { createFileStore } from '../server/storage/file-store';
import { createRedisStore } from '../server/storage/redis-store';
import { startRedis } from '../tests/helpers/redis-server';
import { ask, startChild } from './support';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const PLANS = Number(process.env.BENCH_PLANS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const TYPE_MS = Number(process.env.BENCH_TYPE_MS ?? 100);
const SERVERS = (process.env.BENCH_SERVERS ?? 'ywebsocket,hocuspocus,mitplan-file,mitplan-redis')
	.split(',')
	.map((s) => s.trim());

export type Kind = 'ywebsocket' | 'hocuspocus' | 'mitplan-file' | 'mitplan-redis';

export interface Target {
	kind: Kind;
	child: ChildProcess;
	url: string;
	/** Makes a plan known to the server (Mitplan: stored + sync token); returns the token. */
	prepare(planId: string, state: Uint8Array): Promise<string | undefined>;
	close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export const pct = (values: number[], p: number) => {
	if (values.length === 0) return NaN;
	const sorted = Float64Array.from(values).sort();
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

function waitReady(child: ChildProcess): Promise<number> {
	return new Promise((resolve, reject) => {
		child.stdout!.on('data', (chunk: Buffer) => {
			const match = /READY (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
		child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
	});
}

const stop = (child: ChildProcess) =>
	new Promise<void>((resolve) => {
		if (child.exitCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), 5000).unref();
	});

export async function startTarget(kind: Kind): Promise<Target> {
	if (kind === 'ywebsocket' || kind === 'hocuspocus') {
		const child = fork(path.resolve('bench/anchor-child.ts'), [kind], {
			execArgv: ['--import', 'tsx'],
			stdio: ['ignore', 'pipe', 'inherit', 'ipc']
		});
		const port = await waitReady(child);
		return {
			kind,
			child,
			url: `ws://127.0.0.1:${port}`,
			prepare: async () => undefined,
			close: () => stop(child)
		};
	}
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-throughput-'));
	const redis = kind === 'mitplan-redis' ? await startRedis({ persistDir: dataDir }) : undefined;
	const { child, url } = await startChild({
		DATA_DIR: dataDir,
		...(redis ? { REDIS_URL: redis.url } : {}),
		SYNC_MAX_CONNECTIONS_PER_USER: '10000',
		SYNC_MAX_UPGRADES_PER_ADDRESS: '1000000'
	});
	const store = redis
		? await createRedisStore({ url: redis.url })
		: await createFileStore({ dir: path.join(dataDir, 'seed-unused') });
	return {
		kind,
		child,
		url: `${url}/sync`,
		async prepare(planId, state) {
			if (redis) await store.append(planId, state);
			else {
				// The file store belongs to the server process: seed through a second store only
				// before the server opened the plan (it reads the plan's files on first join).
				const own = await createFileStore({ dir: dataDir });
				await own.append(planId, state);
				await own.close();
			}
			const answer = await ask<string>(child, { grant: planId }, 'token');
			return answer;
		},
		async close() {
			await store.close().catch(() => {});
			await stop(child);
			await redis?.stop();
			rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

/** One raw client: syncs once (decodes the initial state), then types and scans for tokens. */
export class RawClient {
	ws!: WebSocket;
	doc = new Y.Doc();
	private synced!: Promise<void>;
	constructor(
		private readonly target: Target,
		private readonly planId: string,
		private readonly token: string | undefined,
		private readonly onToken: (token: string, at: number) => void
	) {}

	private prefix(encoder: encoding.Encoder) {
		if (this.target.kind === 'hocuspocus') encoding.writeVarString(encoder, this.planId);
	}

	frame(build: (e: encoding.Encoder) => void): Uint8Array {
		const e = encoding.createEncoder();
		this.prefix(e);
		build(e);
		return encoding.toUint8Array(e);
	}

	async connect(): Promise<number> {
		const start = performance.now();
		const kind = this.target.kind;
		const url =
			kind === 'hocuspocus'
				? this.target.url
				: `${this.target.url}/${this.planId}${this.token ? `?token=${encodeURIComponent(this.token)}` : ''}`;
		this.ws = new WebSocket(url);
		this.ws.binaryType = 'nodebuffer';
		let gotState: () => void;
		this.synced = new Promise((r) => (gotState = r));
		let initial = true;
		this.ws.on('message', (data: Buffer) => {
			if (initial) {
				const d = decoding.createDecoder(data);
				if (kind === 'hocuspocus') decoding.readVarString(d);
				const type = decoding.readVarUint(d);
				if (type === 0 && decoding.readVarUint(d) === 1) {
					Y.applyUpdate(this.doc, decoding.readVarUint8Array(d));
					initial = false;
					gotState();
				}
				return;
			}
			const at = performance.now();
			let i = data.indexOf('~k');
			while (i >= 0) {
				const end = data.indexOf('~', i + 2);
				if (end < 0) break;
				this.onToken(data.toString('latin1', i, end + 1), at);
				i = data.indexOf('~k', end + 1);
			}
		});
		await new Promise<void>((resolve, reject) => {
			this.ws.once('open', () => resolve());
			this.ws.once('error', reject);
		});
		if (kind === 'hocuspocus') {
			this.ws.send(
				this.frame((e) => {
					encoding.writeVarUint(e, 2); // auth
					encoding.writeVarUint(e, 0); // token
					encoding.writeVarString(e, 'bench');
				})
			);
		}
		this.ws.send(
			this.frame((e) => {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
			})
		);
		await this.synced;
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin !== 'local') return;
			this.ws.send(
				this.frame((e) => {
					encoding.writeVarUint(e, 0);
					encoding.writeVarUint(e, 2);
					encoding.writeVarUint8Array(e, update);
				})
			);
		});
		return performance.now() - start;
	}

	/** Sends a whole state as one update (anchors: the plan's first content). */
	sendState(state: Uint8Array) {
		Y.applyUpdate(this.doc, state);
		this.ws.send(
			this.frame((e) => {
				encoding.writeVarUint(e, 0);
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint8Array(e, state);
			})
		);
	}

	type(fieldId: string, token: string) {
		this.doc.transact(() => getText(this.doc, fieldId, 'situation')!.insert(0, token), 'local');
	}

	close() {
		this.ws.terminate();
	}
}

export function smallPlan(): { state: Uint8Array; fieldId: string } {
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Durchsatz', municipality: 'Messstadt' });
	const field = createItem(doc, { type: 'field', values: { title: 'Bildung' } });
	if (!field.ok) throw new Error('field');
	return { state: Y.encodeStateAsUpdate(doc), fieldId: field.value };
}

interface Result {
	kind: Kind;
	p50: number;
	p99: number;
	cpuPerMessageUs: number;
	delivered: number;
	sent: number;
	joinMs: number;
	memoryMiB: number;
}

async function measure(kind: Kind): Promise<Result> {
	const target = await startTarget(kind);
	try {
		const { state, fieldId } = smallPlan();
		const sentAt = new Map<string, number>();
		const latencies: number[] = [];
		let counting = false;
		let delivered = 0;
		const onToken = (token: string, at: number) => {
			const t = sentAt.get(token);
			if (t === undefined || !counting) return;
			delivered++;
			latencies.push(at - t);
		};
		const clients: Array<{ c: RawClient; id: number }> = [];
		const seeders: RawClient[] = [];
		for (let p = 0; p < PLANS; p++) {
			const planId = `durchsatz-${p}-${Math.random().toString(36).slice(2, 8)}`;
			const token = await target.prepare(planId, state);
			if (kind === 'ywebsocket' || kind === 'hocuspocus') {
				const seeder = new RawClient(target, planId, token, () => {});
				await seeder.connect();
				seeder.sendState(state);
				// In-memory servers drop a document when its last connection leaves: stay.
				seeders.push(seeder);
			}
			for (let i = 0; i < CLIENTS; i++) {
				const id = p * CLIENTS + i;
				// A server that echoes an edit to its sender (y-websocket) delivers nothing by it.
				const c = new RawClient(target, planId, token, (t, at) => {
					if (!t.startsWith(`~k${id}.`)) onToken(t, at);
				});
				await c.connect();
				clients.push({ c, id });
			}
		}
		let seq = 0;
		let sent = 0;
		const timers = clients.map(({ c, id }) =>
			setTimeout(() => {
				const tick = () => {
					const token = `~k${id}.${seq++}~`;
					sentAt.set(token, performance.now());
					c.type(fieldId, token);
					if (counting) sent++;
				};
				tick();
				timers[id] = setInterval(tick, TYPE_MS);
			}, Math.random() * TYPE_MS)
		);
		await sleep(1000); // warm-up
		const cpuBefore = await ask<NodeJS.CpuUsage>(target.child, 'cpu', 'cpu');
		counting = true;
		await sleep(SECONDS * 1000);
		counting = false;
		const cpuAfter = await ask<NodeJS.CpuUsage>(target.child, 'cpu', 'cpu');
		for (const t of timers) clearInterval(t);
		await sleep(300);
		for (const { c } of clients) c.close();
		for (const c of seeders) c.close();
		const cpuUs = cpuAfter.user - cpuBefore.user + (cpuAfter.system - cpuBefore.system);

		// Memory per open plan and join time: a plan with 2,000 measures.
		await sleep(500);
		const big = new Y.Doc();
		buildPlan(big, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 });
		const bigState = Y.encodeStateAsUpdate(big);
		const bigId = `gross-${Math.random().toString(36).slice(2, 8)}`;
		const rssBefore = await ask<number>(target.child, 'rss', 'rss');
		const bigToken = await target.prepare(bigId, bigState);
		if (kind === 'ywebsocket' || kind === 'hocuspocus') {
			const seeder = new RawClient(target, bigId, bigToken, () => {});
			await seeder.connect();
			seeder.sendState(bigState);
			await sleep(300);
			seeders.push(seeder);
		}
		const joiner = new RawClient(target, bigId, bigToken, () => {});
		const joinMs = await joiner.connect();
		const rssAfter = await ask<number>(target.child, 'rss', 'rss');
		joiner.close();
		for (const c of seeders) c.close();
		return {
			kind,
			p50: pct(latencies, 50),
			p99: pct(latencies, 99),
			cpuPerMessageUs: delivered > 0 ? cpuUs / delivered : NaN,
			delivered,
			sent,
			joinMs,
			memoryMiB: (rssAfter - rssBefore) / 1024 / 1024
		};
	} finally {
		await target.close();
	}
}

export async function runThroughputBench(): Promise<void> {
	console.log(
		`\nDurchsatz: ${PLANS} Pläne × ${CLIENTS} Clients, alle ${TYPE_MS} ms eine Eingabe, ${SECONDS} s gemessen`
	);
	const results: Result[] = [];
	for (const kind of SERVERS as Kind[]) {
		results.push(await measure(kind));
		const r = results.at(-1)!;
		console.log(
			`  ${r.kind.padEnd(14)} p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  ` +
				`CPU/zugestellte Nachricht ${r.cpuPerMessageUs.toFixed(1)} µs  ` +
				`(${r.sent} gesendet, ${r.delivered} zugestellt)  ` +
				`2.000-Maßnahmen-Plan: +${r.memoryMiB.toFixed(1)} MiB, Beitritt ${r.joinMs.toFixed(0)} ms`
		);
	}
	const anchors = results.filter((r) => r.kind === 'ywebsocket' || r.kind === 'hocuspocus');
	if (anchors.length === 0) return;
	const best = (f: (r: Result) => number) => Math.min(...anchors.map(f));
	console.log('  Verhältnis zum besten Anker (kleiner ist besser):');
	for (const r of results.filter((r) => r.kind.startsWith('mitplan'))) {
		console.log(
			`    ${r.kind.padEnd(14)} p99 ×${(r.p99 / best((a) => a.p99)).toFixed(2)}  ` +
				`CPU/Nachricht ×${(r.cpuPerMessageUs / best((a) => a.cpuPerMessageUs)).toFixed(2)}  ` +
				`Speicher ×${(r.memoryMiB / best((a) => a.memoryMiB)).toFixed(2)}  ` +
				`Beitritt ×${(r.joinMs / best((a) => a.joinMs)).toFixed(2)}`
		);
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	await runThroughputBench();
	process.exit(0);
}

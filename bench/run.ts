/**
 * `npm run bench`: measures what the issue sets targets for and prints the figures.
 *   1. Latency for one edit to reach 50 other clients of the same plan (p50 / p99).
 *   2. Time for a new client to load a plan with 2,000 measures (warm: plan in memory; cold:
 *      loaded from the store first).
 *   3. Store append latency (file and Redis) and the server's memory with the big plan loaded.
 * The server runs in its own process; clients are real y-websocket providers in this process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { buildPlan, createItem, getText, initPlan } from '../src/lib/domain/index';
import { createFileStore } from '../server/storage/file-store';
import { createRedisStore } from '../server/storage/redis-store';
import { connectClient, waitFor, type TestClient } from '../tests/helpers/clients';
import { startRedis } from '../tests/helpers/redis-server';

const RECEIVERS = 50;
const EDITS = 300;
const LOADS = 30;

function pct(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const ms = (v: number) => `${v.toFixed(2)} ms`;

async function startChild(
	env: Record<string, string>
): Promise<{ child: ChildProcess; url: string }> {
	const child = fork(path.resolve('bench/server-child.ts'), [], {
		execArgv: ['--import', 'tsx'],
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			LOG_LEVEL: 'error',
			SEED_EXAMPLE_PLAN: 'false',
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

/** Plans are normally created through the API; the benchmark seeds the store directly. */
async function seedStore(dataDir: string, planId: string, build: (doc: Y.Doc) => void) {
	const store = await createFileStore({ dir: dataDir });
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Benchmark', municipality: 'Messstadt' });
	build(doc);
	await store.append(planId, Y.encodeStateAsUpdate(doc));
	await store.close();
	return Y.encodeStateAsUpdate(doc).byteLength;
}

async function latency(url: string, planId: string) {
	const writer = connectClient(url, planId, 'writer');
	const receivers: TestClient[] = [];
	for (let i = 0; i < RECEIVERS; i++) receivers.push(connectClient(url, planId, `r${i}`));
	await Promise.all([writer.synced, ...receivers.map((r) => r.synced)]);
	const field = createItem(writer.doc, { type: 'field', values: { title: 'Messfeld' } });
	if (!field.ok) throw new Error(field.error.message);
	await waitFor(
		() => receivers.every((r) => r.doc.getMap('items').has(field.value)),
		'field everywhere'
	);
	const text = getText(writer.doc, field.value, 'situation')!;

	const perDelivery: number[] = [];
	const perEdit: number[] = [];
	for (let edit = 0; edit < EDITS; edit++) {
		let pending = RECEIVERS;
		const start = performance.now();
		let last = 0;
		const done = new Promise<void>((resolve) => {
			for (const r of receivers) {
				const onUpdate = () => {
					r.doc.off('update', onUpdate);
					const t = performance.now() - start;
					perDelivery.push(t);
					last = Math.max(last, t);
					if (--pending === 0) resolve();
				};
				r.doc.on('update', onUpdate);
			}
		});
		text.insert(text.length, 'x');
		await done;
		perEdit.push(last);
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
	writer.destroy();
	for (const r of receivers) r.destroy();
	return { perDelivery, perEdit };
}

async function loadTimes(url: string, planId: string, count: number) {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		const c = connectClient(url, planId);
		await c.synced;
		times.push(performance.now() - start);
		c.destroy();
	}
	return times;
}

async function appendLatency(kind: 'file' | 'redis') {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-bench-store-'));
	const redis = kind === 'redis' ? await startRedis() : undefined;
	const store =
		kind === 'file' ? await createFileStore({ dir }) : await createRedisStore({ url: redis!.url });
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const text = doc.getText('t');
	for (let i = 0; i < 1000; i++) text.insert(i, 'a');
	const times: number[] = [];
	for (const u of updates) {
		const start = performance.now();
		await store.append('bench', u);
		times.push(performance.now() - start);
	}
	await store.close();
	await redis?.stop();
	rmSync(dir, { recursive: true, force: true });
	return times;
}

async function main() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-bench-'));
	const big = await seedStore(dataDir, 'gross', (doc) =>
		buildPlan(doc, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 })
	);
	await seedStore(dataDir, 'klein', () => {});
	const { child, url } = await startChild({ DATA_DIR: dataDir, ROOM_IDLE_MS: '0' });

	console.log(`Mitplan benchmark (${os.cpus().length} cores, Node ${process.version})\n`);

	const lat = await latency(url, 'klein');
	console.log(`Edit → ${RECEIVERS} other clients (${EDITS} edits):`);
	console.log(
		`  per delivery   p50 ${ms(pct(lat.perDelivery, 50))}   p99 ${ms(pct(lat.perDelivery, 99))}`
	);
	console.log(
		`  all ${RECEIVERS} reached  p50 ${ms(pct(lat.perEdit, 50))}   p99 ${ms(pct(lat.perEdit, 99))}   (target p99 < 10 ms)`
	);

	const cold = await loadTimes(url, 'gross', 5);
	const holder = connectClient(url, 'gross');
	await holder.synced;
	const warm = await loadTimes(url, 'gross', LOADS);
	child.send('rss');
	const rss = await new Promise<number>((resolve) =>
		child.once('message', (m: { rss: number }) => resolve(m.rss))
	);
	holder.destroy();
	console.log(
		`\nNew client loads a plan with 2,000 measures (${(big / 1024).toFixed(0)} KiB state):`
	);
	console.log(
		`  warm (in memory)  p50 ${ms(pct(warm, 50))}   max ${ms(Math.max(...warm))}   (target < 60 ms)`
	);
	console.log(`  cold (from disk)  p50 ${ms(pct(cold, 50))}   max ${ms(Math.max(...cold))}`);
	console.log(`  server RSS with the plan loaded: ${(rss / 1024 / 1024).toFixed(0)} MiB`);

	for (const kind of ['file', 'redis'] as const) {
		const times = await appendLatency(kind);
		console.log(
			`\nStore append (${kind}, 1,000 small updates): p50 ${ms(pct(times, 50))}   p99 ${ms(pct(times, 99))}`
		);
	}

	child.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}

await main();

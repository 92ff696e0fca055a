/**
 * `npm run bench`: measures what the issue sets targets for and prints the figures.
 *   1. Latency for one edit to reach 50 other clients of the same plan (p50 / p99).
 *   2. Time for a new client to load a plan with 2,000 measures (warm: plan in memory; cold:
 *      loaded from the store first).
 *   3. Store append latency (file and Redis) and the server's memory with the big plan loaded.
 *   4. PDF export of plans with 500 and 2,000 measures (bench/export.ts).
 *   5. Comparing two versions of a plan with 2,000 measures (bench/compare.ts).
 *   6. The server's event-loop lag while 50 editors type and it exports the 2,000-measure plan
 *      as PDF (bench/lag.ts; target p99 < 50 ms).
 *   7. Vollständigkeit checks on the 2,000-measure plan (bench/completeness.ts).
 *   8. What browsers download: first load and all JavaScript (bench/bundle.ts).
 *   9. The Umsetzungsbericht PDF of an adopted plan with 500 measures (bench/report.ts).
 *  10. Sitzungsmodus: a control's fan-out and a dot vote with 300 socket.io clients (bench/meetings.ts).
 *  11. The public progress page of an adopted plan with 500 measures: server time and bytes
 *      (bench/public-page.ts; needs `npm run build`).
 * The server runs in its own process; clients are real y-websocket providers in this process.
 * `npm run bench -- board-languages`: board render of the 2,000-measure plan without and with one
 * extra content language, every measure translated (bench/board-languages.ts; needs a build).
 * `npm run bench -- throughput`: Mitplan vs. the y-websocket and Hocuspocus servers (throughput.ts).
 * `npm run bench -- burst`: some plans type 10× as often for 10 s; the others must stay fast,
 * nothing may be lost, memory must stay bounded (burst.ts).
 * `npm run bench -- soak`: two instances, one Redis, many plans typing for BENCH_SOAK_MINUTES,
 * then convergence and memory growth checked (soak.ts).
 * `npm run bench -- sitzung [redis]`: only the Sitzungsmodus figures, with `redis` also on
 * two instances sharing one Redis.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import WebSocket from 'ws';
import { buildPlan, createItem, getText, initPlan } from '../src/lib/domain/index';
import { createFileStore } from '../server/storage/file-store';
import { createRedisStore } from '../server/storage/redis-store';
import { connectClient, type TestClient } from '../tests/helpers/clients';
import { startRedis } from '../tests/helpers/redis-server';
import { runCompareBench } from './compare';
import { runBundleBench } from './bundle';
import { runBurstBench } from './burst';
import { runBoardLanguagesBench } from './board-languages';
import { runCompletenessBench } from './completeness';
import { runExportBench } from './export';
import { runLagBench } from './lag';
import { runMeetingBench } from './meetings';
import { runPublicPageBench } from './public-page';
import { runReportBench } from './report';
import { runReviewBench } from './review';
import { runSoak } from './soak';
import { runThroughputBench } from './throughput';
import { grantPlan, ms, pct, startChild } from './support';

// `npm run bench -- bundle`: only what browsers download (bench/bundle.ts, needs `npm run build`).
if (process.argv.includes('bundle')) {
	runBundleBench();
	process.exit(0);
}

// `npm run bench -- board-languages`: only the board render with an extra content language.
if (process.argv.includes('board-languages')) {
	await runBoardLanguagesBench();
	process.exit(0);
}

// `npm run bench -- throughput`: only the side-by-side throughput run (bench/throughput.ts).
if (process.argv.includes('throughput')) {
	await runThroughputBench();
	process.exit(0);
}

// `npm run bench -- burst`: a burst on some plans while the others keep typing (bench/burst.ts).
if (process.argv.includes('burst')) {
	const passed = await runBurstBench();
	process.exit(passed ? 0 : 1);
}

// `npm run bench -- soak`: the long run with two instances on one Redis (bench/soak.ts).
if (process.argv.includes('soak')) {
	const passed = await runSoak();
	process.exit(passed ? 0 : 1);
}

const RECEIVERS = 50;
const EDITS = 300;
const LOADS = 30;

/** Sync tokens of the bench's plan owner, per plan (issued by the bench server). */
const TOKENS = new Map<string, string>();

function client(url: string, planId: string, name = 'Bench'): TestClient {
	return connectClient(url, planId, name, TOKENS.get(planId));
}

/** Makes the bench user owner of the (seeded) plan and keeps a sync token for it. */
async function grant(child: ChildProcess, planId: string): Promise<void> {
	TOKENS.set(planId, await grantPlan(child, planId));
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

/** A bare websocket client: syncs once (empty state), then only records when updates arrive. */
async function rawReceiver(url: string, planId: string, onUpdate: () => void): Promise<WebSocket> {
	const ws = new WebSocket(
		`${url}/sync/${planId}?token=${encodeURIComponent(TOKENS.get(planId) ?? '')}`
	);
	ws.binaryType = 'nodebuffer';
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('error', reject);
	});
	const synced = new Promise<void>((resolve) => {
		ws.on('message', (data: Buffer) => {
			// [0 = sync][1 = step 2] answers our step 1; [0][2 = update] is an edit
			if (data[0] === 0 && data[1] === 1) resolve();
			if (data[0] === 0 && data[1] === 2) onUpdate();
		});
	});
	ws.send(new Uint8Array([0, 0, 1, 0])); // sync step 1 with an empty state vector
	await synced;
	return ws;
}

/**
 * One writer (a real y-websocket provider) types; 50 receivers wait for the update. Measured
 * twice: bare sockets (the server's fan-out: the bytes reach each client) and y-websocket
 * providers that also apply the update to their Y.Doc (all 50 share this one process, so their
 * decoding adds up serially).
 */
async function latency(url: string, planId: string, receiverKind: 'socket' | 'provider') {
	const writer = client(url, planId, 'writer');
	await writer.synced;
	const field = createItem(writer.doc, { type: 'field', values: { title: 'Messfeld' } });
	if (!field.ok) throw new Error(field.error.message);
	const text = getText(writer.doc, field.value, 'situation')!;

	let onDelivery: () => void = () => {};
	const sockets: WebSocket[] = [];
	const providers: TestClient[] = [];
	for (let i = 0; i < RECEIVERS; i++) {
		if (receiverKind === 'socket') sockets.push(await rawReceiver(url, planId, () => onDelivery()));
		else providers.push(client(url, planId, `r${i}`));
	}
	await Promise.all(providers.map((p) => p.synced));
	for (const p of providers) p.doc.on('update', () => onDelivery());
	await new Promise((resolve) => setTimeout(resolve, 300));

	const perDelivery: number[] = [];
	const perEdit: number[] = [];
	for (let edit = 0; edit < EDITS; edit++) {
		let pending = RECEIVERS;
		const start = performance.now();
		await new Promise<void>((resolve) => {
			onDelivery = () => {
				perDelivery.push(performance.now() - start);
				if (--pending === 0) resolve();
			};
			text.insert(text.length, 'x');
		});
		perEdit.push(performance.now() - start);
		onDelivery = () => {};
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	writer.destroy();
	for (const ws of sockets) ws.close();
	for (const p of providers) p.destroy();
	return { perDelivery, perEdit };
}

/** Connect → whole plan state received on a bare socket (server + transfer, no Yjs decoding). */
async function rawLoadTimes(url: string, planId: string, count: number) {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		const ws = await rawReceiver(url, planId, () => {});
		times.push(performance.now() - start);
		ws.close();
	}
	return times;
}

/** Connect → y-websocket provider synced (the Y.Doc holds the whole plan). */
async function loadTimes(url: string, planId: string, count: number) {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const start = performance.now();
		const c = client(url, planId);
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

/** A small plan for the Sitzungsmodus bench; returns its measures' ids. */
async function seedSessionPlan(dataDir: string): Promise<string[]> {
	const measureIds: string[] = [];
	await seedStore(dataDir, 'sitzung', (doc) => {
		buildPlan(doc, { fields: 2, goalsPerField: 2, measuresPerGoal: 3 });
		for (const [id, m] of doc.getMap<Y.Map<unknown>>('items'))
			if (m.get('type') === 'measure') measureIds.push(id);
	});
	return measureIds;
}

/** `npm run bench -- sitzung`: only the Sitzungsmodus figures (bench/meetings.ts). */
async function sessionOnly() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-bench-'));
	const measureIds = await seedSessionPlan(dataDir);
	const { child, url } = await startChild({ DATA_DIR: dataDir, ROOM_IDLE_MS: '0' });
	await grant(child, 'sitzung');
	console.log(
		`Mitplan benchmark, Sitzungsmodus (${os.cpus().length} cores, Node ${process.version})`
	);
	await runMeetingBench(child, url, 'sitzung', TOKENS.get('sitzung')!, measureIds);
	child.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
	if (process.argv.includes('redis')) await sessionTwoInstances();
	process.exit(0);
}

/** `npm run bench -- sitzung redis`: the same with two instances on one Redis. */
async function sessionTwoInstances() {
	const redis = await startRedis();
	const store = await createRedisStore({ url: redis.url });
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Benchmark', municipality: 'Messstadt' });
	buildPlan(doc, { fields: 2, goalsPerField: 2, measuresPerGoal: 3 });
	const measureIds = [...doc.getMap<Y.Map<unknown>>('items')]
		.filter(([, m]) => m.get('type') === 'measure')
		.map(([id]) => id);
	await store.append('sitzung', Y.encodeStateAsUpdate(doc));
	await store.close();
	const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'mitplan-bench-')));
	const a = await startChild({ REDIS_URL: redis.url, DATA_DIR: dirs[0], INSTANCE_ID: 'bench-a' });
	const b = await startChild({ REDIS_URL: redis.url, DATA_DIR: dirs[1], INSTANCE_ID: 'bench-b' });
	await grant(a.child, 'sitzung');
	await runMeetingBench(a.child, a.url, 'sitzung', TOKENS.get('sitzung')!, measureIds, b.url);
	a.child.kill('SIGTERM');
	b.child.kill('SIGTERM');
	await redis.stop();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

async function main() {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mitplan-bench-'));
	const big = await seedStore(dataDir, 'gross', (doc) =>
		buildPlan(doc, { fields: 10, goalsPerField: 10, measuresPerGoal: 20 })
	);
	await seedStore(dataDir, 'klein', () => {});
	const measureIds = await seedSessionPlan(dataDir);
	const { child, url } = await startChild({ DATA_DIR: dataDir, ROOM_IDLE_MS: '0' });
	await grant(child, 'klein');
	await grant(child, 'gross');
	await grant(child, 'sitzung');

	console.log(`Mitplan benchmark (${os.cpus().length} cores, Node ${process.version})\n`);

	console.log(`Edit → ${RECEIVERS} other clients of the same plan (${EDITS} edits each):`);
	for (const kind of ['socket', 'provider'] as const) {
		const lat = await latency(url, 'klein', kind);
		const label = kind === 'socket' ? 'bytes reach the clients' : 'applied in 50 Y.Docs   ';
		console.log(
			`  ${label}  per delivery p50 ${ms(pct(lat.perDelivery, 50))} p99 ${ms(pct(lat.perDelivery, 99))}` +
				`   all ${RECEIVERS}: p50 ${ms(pct(lat.perEdit, 50))} p99 ${ms(pct(lat.perEdit, 99))}`
		);
	}
	console.log('  (target: p99 < 10 ms)');

	const cold = await loadTimes(url, 'gross', 5);
	const holder = client(url, 'gross');
	await holder.synced;
	const warm = await loadTimes(url, 'gross', LOADS);
	const raw = await rawLoadTimes(url, 'gross', LOADS);
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
	console.log(
		`  state received on a bare socket (no decoding)  p50 ${ms(pct(raw, 50))}   max ${ms(Math.max(...raw))}`
	);
	console.log(`  cold (from disk)  p50 ${ms(pct(cold, 50))}   max ${ms(Math.max(...cold))}`);
	console.log(`  server RSS with the plan loaded: ${(rss / 1024 / 1024).toFixed(0)} MiB`);

	for (const kind of ['file', 'redis'] as const) {
		const times = await appendLatency(kind);
		console.log(
			`\nStore append (${kind}, 1,000 small updates): p50 ${ms(pct(times, 50))}   p99 ${ms(pct(times, 99))}`
		);
	}

	await runReviewBench(child, url, 'klein', TOKENS.get('klein')!);
	await runLagBench(child, url, 'klein', TOKENS.get('klein')!, 'gross');
	await runMeetingBench(child, url, 'sitzung', TOKENS.get('sitzung')!, measureIds);

	child.kill('SIGTERM');
	rmSync(dataDir, { recursive: true, force: true });
	await runExportBench();
	await runReportBench();
	await runCompareBench();
	await runCompletenessBench();
	runBundleBench();
	await runPublicPageBench();
	process.exit(0);
}

if (process.argv.includes('sitzung')) await sessionOnly();
else await main();

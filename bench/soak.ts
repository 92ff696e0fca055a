/**
 * Soak run (`npm run bench -- soak`, issue „Scale“ item 5): two Mitplan instances on one Redis,
 * many plans open at once, real y-websocket clients (half on each instance) typing into each
 * plan for a long time. Every minute it prints both servers' memory; at the end it stops typing
 * and checks that every plan converged (all clients hold the same document, and a fresh load
 * from Redis equals it) and that the servers' memory did not keep growing after the warm-up.
 * Env: BENCH_SOAK_MINUTES (default 30), BENCH_SOAK_PLANS (50), BENCH_SOAK_CLIENTS per plan (4),
 * BENCH_SOAK_TYPE_MS (500: each client types one short token this often). Exits with 1 when a
 * plan did not converge or memory grew past the limit, so it can run unattended.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { createItem, getText, initPlan } from '../src/lib/domain/index';
import { createRedisStore } from '../server/storage/redis-store';
import { connectClient, waitFor, type TestClient } from '../tests/helpers/clients';
import { startRedis } from '../tests/helpers/redis-server';
import { ask, grantPlan, startChild, stopChild } from './support';

const MINUTES = Number(process.env.BENCH_SOAK_MINUTES ?? 30);
const PLANS = Number(process.env.BENCH_SOAK_PLANS ?? 50);
const CLIENTS = Number(process.env.BENCH_SOAK_CLIENTS ?? 4);
const TYPE_MS = Number(process.env.BENCH_SOAK_TYPE_MS ?? 500);
/** Texts are kept short (typing also deletes), so the documents stay the same size over hours. */
const MAX_CHARS = 400;
/** Growth after the first minute that counts as a leak: both more than this and 25 %. */
const LEAK_MIB = 64;

const MiB = (bytes: number) => bytes / 1024 / 1024;

interface Plan {
	id: string;
	fieldId: string;
	clients: TestClient[];
}

function seedPlan(): { state: Uint8Array; fieldId: string } {
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Dauerlauf', municipality: 'Messstadt' });
	const field = createItem(doc, { type: 'field', values: { title: 'Bildung' } });
	if (!field.ok) throw new Error(field.error.message);
	return { state: Y.encodeStateAsUpdate(doc), fieldId: field.value };
}

/** One keystroke-sized edit: insert a token, and trim from the front once the text is long. */
function type(client: TestClient, fieldId: string, token: string): void {
	const text = getText(client.doc, fieldId, 'situation');
	if (!text) return;
	client.doc.transact(() => {
		text.insert(Math.floor(Math.random() * (text.length + 1)), token);
		if (text.length > MAX_CHARS) text.delete(0, text.length - MAX_CHARS);
	});
}

async function memory(child: ChildProcess): Promise<number> {
	return ask<number>(child, 'rss', 'rss');
}

export async function runSoak(): Promise<boolean> {
	console.log(
		`\nDauerlauf: ${MINUTES} min, ${PLANS} Pläne × ${CLIENTS} Clients, je ein Zeichen alle ${TYPE_MS} ms, zwei Instanzen, ein Redis`
	);
	// Every y-websocket provider listens for the process's exit: hundreds of them are expected here.
	process.setMaxListeners(0);
	const redis = await startRedis();
	const store = await createRedisStore({ url: redis.url });
	const dirs = [0, 1].map(() => mkdtempSync(path.join(os.tmpdir(), 'mitplan-soak-')));
	const a = await startChild({ REDIS_URL: redis.url, DATA_DIR: dirs[0], INSTANCE_ID: 'soak-a' });
	const b = await startChild({ REDIS_URL: redis.url, DATA_DIR: dirs[1], INSTANCE_ID: 'soak-b' });
	const urls = [a.url, b.url];
	const plans: Plan[] = [];
	for (let p = 0; p < PLANS; p++) {
		const id = `soak-${p}`;
		const { state, fieldId } = seedPlan();
		await store.append(id, state);
		const token = await grantPlan(a.child, id);
		const clients = Array.from({ length: CLIENTS }, (_, c) =>
			connectClient(urls[c % 2], id, `Person ${c}`, token)
		);
		await Promise.all(clients.map((c) => c.synced));
		plans.push({ id, fieldId, clients });
	}
	console.log(`  ${PLANS * CLIENTS} Clients verbunden`);

	let sent = 0;
	let n = 0;
	const timers = plans.flatMap((plan) =>
		plan.clients.map((client, c) =>
			setInterval(() => {
				type(client, plan.fieldId, `${c}${(n++ % 36).toString(36)} `);
				sent++;
			}, TYPE_MS)
		)
	);
	const samples: Array<{ minute: number; a: number; b: number }> = [];
	const started = Date.now();
	for (let minute = 1; minute <= MINUTES; minute++) {
		await new Promise((r) => setTimeout(r, Math.max(0, started + minute * 60_000 - Date.now())));
		const sample = { minute, a: MiB(await memory(a.child)), b: MiB(await memory(b.child)) };
		samples.push(sample);
		console.log(
			`  Minute ${minute}: ${sent.toLocaleString('de-DE')} Änderungen gesendet · RSS A ${sample.a.toFixed(0)} MiB · B ${sample.b.toFixed(0)} MiB`
		);
	}
	for (const timer of timers) clearInterval(timer);

	// Convergence: every client of a plan holds the same state, and Redis holds it too.
	let diverged = 0;
	for (const plan of plans) {
		const texts = () =>
			plan.clients.map((c) => getText(c.doc, plan.fieldId, 'situation')!.toString());
		try {
			await waitFor(() => new Set(texts()).size === 1, `${plan.id} converged`, 60_000);
			const stored = await store.load(plan.id);
			const fresh = new Y.Doc();
			if (stored) Y.applyUpdate(fresh, stored);
			const fromStore = getText(fresh, plan.fieldId, 'situation')?.toString() ?? '';
			// The last edits may still be on their way into Redis: give the acknowledgements a moment.
			if (fromStore !== texts()[0]) {
				await new Promise((r) => setTimeout(r, 2_000));
				const again = new Y.Doc();
				const later = await store.load(plan.id);
				if (later) Y.applyUpdate(again, later);
				if (getText(again, plan.fieldId, 'situation')?.toString() !== texts()[0])
					throw new Error('store differs');
			}
		} catch (error) {
			diverged++;
			console.log(`  ${plan.id}: NICHT gleich (${(error as Error).message})`);
		}
	}
	const warm = samples[0];
	const last = samples[samples.length - 1];
	const grew = (from: number, to: number) => to - from > LEAK_MIB && to > from * 1.25;
	const leak = warm && last && samples.length > 1 && (grew(warm.a, last.a) || grew(warm.b, last.b));
	console.log(
		`  Ergebnis: ${PLANS - diverged} von ${PLANS} Plänen gleich bei allen Clients und in Redis; ` +
			(warm && last
				? `RSS nach Minute 1 → Ende: A ${warm.a.toFixed(0)} → ${last.a.toFixed(0)} MiB, B ${warm.b.toFixed(0)} → ${last.b.toFixed(0)} MiB${leak ? ' — WÄCHST (Leck?)' : ''}`
				: '')
	);

	for (const plan of plans) for (const client of plan.clients) client.destroy();
	// The servers write their last snapshots on the way down: Redis must outlive them.
	await Promise.all([stopChild(a.child), stopChild(b.child)]);
	await store.close();
	await redis.stop();
	for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
	return diverged === 0 && !leak;
}

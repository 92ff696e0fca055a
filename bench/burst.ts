/**
 * Burst benchmark (`npm run bench -- burst`; issue 18, "bad input"): PLANS plans × CLIENTS raw
 * websocket clients type every TYPE_MS ms; after a calm phase, the clients of BENCH_BURST_PLANS
 * plans type BENCH_BURST_FACTOR times as often for BENCH_BURST_SECONDS. Reports the calm plans'
 * p99 before and during the burst, the bursting plans' p99, the server's RSS (before, highest,
 * after), and then checks with a fresh client per plan that every token typed is in the stored
 * plan. Fails (exit 1) when a token is missing, the calm plans' p99 during the burst exceeds
 * 50 ms, or the RSS grew by more than 256 MiB. Env as in throughput.ts plus the three above and
 * BENCH_SERVERS (default mitplan-file,mitplan-redis).
 */
import * as Y from 'yjs';
import { createItem, getText, initPlan } from '../src/lib/domain/index';
import { ask } from './support';
import { pct, RawClient, startTarget, type Kind } from './throughput';

const PLANS = Number(process.env.BENCH_PLANS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const TYPE_MS = Number(process.env.BENCH_TYPE_MS ?? 100);
const BURST_PLANS = Number(process.env.BENCH_BURST_PLANS ?? 4);
const FACTOR = Number(process.env.BENCH_BURST_FACTOR ?? 10);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 10);
const CALM_SECONDS = 4;
const SERVERS = (process.env.BENCH_SERVERS ?? 'mitplan-file,mitplan-redis')
	.split(',')
	.map((s) => s.trim())
	// the anchors forget a plan when its last client leaves: nothing to check against
	.filter((s) => s.startsWith('mitplan')) as Kind[];
const MAX_CALM_P99_MS = 50;
const MAX_RSS_GROWTH_MIB = 256;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const MiB = 1024 * 1024;

interface BurstResult {
	kind: Kind;
	calmBefore: number;
	calmDuring: number;
	burstP99: number;
	sent: number;
	missing: number;
	rss: { before: number; peak: number; after: number };
}

function planWithFields(count: number): { state: Uint8Array; fieldIds: string[] } {
	const doc = new Y.Doc();
	initPlan(doc, { title: 'Lastspitze', municipality: 'Messstadt' });
	const fieldIds = Array.from({ length: count }, (_, i) => {
		const field = createItem(doc, { type: 'field', values: { title: `Feld ${i + 1}` } });
		if (!field.ok) throw new Error(field.error.message);
		return field.value;
	});
	return { state: Y.encodeStateAsUpdate(doc), fieldIds };
}

async function measure(kind: Kind): Promise<BurstResult> {
	const target = await startTarget(kind);
	try {
		// One field per client: a text holds at most 20,000 characters (MAX_TEXT_LENGTH), and a
		// bursting plan gets ~1,000 tokens per client.
		const { state, fieldIds } = planWithFields(CLIENTS);
		const sentAt = new Map<string, number>();
		/** Per plan: the tokens typed into it. */
		const typed: string[][] = [];
		let phase: 'warm' | 'calm' | 'burst' | 'done' = 'warm';
		const lat = { calm: [] as number[], calmBurst: [] as number[], burst: [] as number[] };
		const plans: Array<{ planId: string; token: string | undefined }> = [];
		const clients: Array<{ c: RawClient; id: number; plan: number }> = [];
		for (let p = 0; p < PLANS; p++) {
			const planId = `burst-${p}-${Math.random().toString(36).slice(2, 8)}`;
			const token = await target.prepare(planId, state);
			plans.push({ planId, token });
			typed.push([]);
			const bursting = p < BURST_PLANS;
			for (let i = 0; i < CLIENTS; i++) {
				const id = p * CLIENTS + i;
				const c = new RawClient(target, planId, token, (t, at) => {
					const start = sentAt.get(t);
					if (start === undefined || t.startsWith(`~k${id}.`)) return;
					if (phase === 'calm' && !bursting) lat.calm.push(at - start);
					else if (phase === 'burst') (bursting ? lat.burst : lat.calmBurst).push(at - start);
				});
				await c.connect();
				clients.push({ c, id, plan: p });
			}
		}
		let seq = 0;
		let sent = 0;
		const type = (c: RawClient, id: number, plan: number) => {
			const token = `~k${id}.${seq++}~`;
			sentAt.set(token, performance.now());
			typed[plan].push(token);
			c.type(fieldIds[id % CLIENTS], token);
			sent++;
		};
		const timers = new Map<number, ReturnType<typeof setInterval>>();
		const every = (id: number, ms: number, fn: () => void) => {
			clearInterval(timers.get(id));
			timers.set(id, setInterval(fn, ms));
		};
		for (const { c, id, plan } of clients) {
			setTimeout(() => every(id, TYPE_MS, () => type(c, id, plan)), Math.random() * TYPE_MS);
		}
		const rss = () => ask<number>(target.child, 'rss', 'rss');
		await sleep(1000);
		phase = 'calm';
		await sleep(CALM_SECONDS * 1000);
		const before = await rss();
		let peak = before;
		phase = 'burst';
		for (const { c, id, plan } of clients.filter((x) => x.plan < BURST_PLANS)) {
			every(id, Math.max(1, TYPE_MS / FACTOR), () => type(c, id, plan));
		}
		for (let s = 0; s < BURST_SECONDS; s++) {
			await sleep(1000);
			peak = Math.max(peak, await rss());
		}
		phase = 'done';
		for (const t of timers.values()) clearInterval(t);
		await sleep(3000);
		const after = await rss();
		for (const { c } of clients) c.close();

		// Nothing lost: a fresh client per plan gets the whole stored text.
		let missing = 0;
		for (let p = 0; p < PLANS; p++) {
			const fresh = new RawClient(target, plans[p].planId, plans[p].token, () => {});
			await fresh.connect();
			const text = fieldIds
				.map((f) => getText(fresh.doc, f, 'situation')?.toString() ?? '')
				.join('');
			const present = new Set(text.match(/~k\d+\.\d+~/g) ?? []);
			const lost = typed[p].filter((t) => !present.has(t));
			missing += lost.length;
			if (lost.length > 0 && process.env.BENCH_DEBUG)
				console.log(
					`plan ${p}: ${lost.length}/${typed[p].length} missing, e.g. ${lost.slice(0, 3)}; text tokens ${present.size}`
				);
			fresh.close();
		}
		return {
			kind,
			calmBefore: pct(lat.calm, 99),
			calmDuring: pct(lat.calmBurst, 99),
			burstP99: pct(lat.burst, 99),
			sent,
			missing,
			rss: { before, peak, after }
		};
	} finally {
		await target.close();
	}
}

export async function runBurstBench(): Promise<boolean> {
	console.log(
		`\nLastspitze: ${PLANS} Pläne × ${CLIENTS} Clients alle ${TYPE_MS} ms; ${BURST_PLANS} Pläne ` +
			`${BURST_SECONDS} s lang ${FACTOR}× so oft`
	);
	let passed = true;
	for (const kind of SERVERS) {
		const r = await measure(kind);
		const growth = (r.rss.peak - r.rss.before) / MiB;
		const ok = r.missing === 0 && r.calmDuring <= MAX_CALM_P99_MS && growth <= MAX_RSS_GROWTH_MIB;
		passed &&= ok;
		console.log(
			`  ${r.kind.padEnd(14)} ruhige Pläne p99 ${r.calmBefore.toFixed(1)} ms → ${r.calmDuring.toFixed(1)} ms ` +
				`während der Spitze · Spitzen-Pläne p99 ${r.burstP99.toFixed(1)} ms · ` +
				`RSS ${(r.rss.before / MiB).toFixed(0)} → höchstens ${(r.rss.peak / MiB).toFixed(0)} → ` +
				`${(r.rss.after / MiB).toFixed(0)} MiB · ${r.sent} Eingaben, ${r.missing} fehlen · ` +
				(ok ? 'bestanden' : 'NICHT bestanden')
		);
	}
	return passed;
}

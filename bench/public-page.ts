/**
 * Public progress page benchmark (issue 14, item 6; part of `npm run bench`, alone:
 * `npx tsx bench/public-page.ts`; needs `npm run build` for the page): an adopted plan with 500
 * measures, each with implementation data and a Sachstand, every tenth "nicht öffentlich", one
 * indicator with 12 values per goal. Measured on a real server with the built SvelteKit handler,
 * file store and Redis: the page model alone (service), GET of the JSON and of the HTML page
 * (server time to the last byte on localhost) and the bytes transferred (uncompressed and as
 * gzip would send them, plus the page's stylesheets — the page loads no JavaScript).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { loadConfig } from '../server/config';
import { startServer } from '../server/main';
import { getBackend } from '../src/lib/contract/backend';
import { buildPlan } from '../src/lib/domain/index';
import { startRedis } from '../tests/helpers/redis-server';
import { tempDir } from '../tests/helpers/server';
import { pct } from './support';

const HANDLER = path.resolve('build/handler.js');
const RUNS = 20;

const ms = (v: number) => `${v.toFixed(1)} ms`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

async function must<T>(
	p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>
) {
	const r = await p;
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}

async function run(kind: 'file' | 'redis'): Promise<void> {
	const data = tempDir('mitplan-bench-public-');
	const redis = kind === 'redis' ? await startRedis() : undefined;
	const running = await startServer(
		loadConfig({
			PORT: '0',
			HOST: '127.0.0.1',
			LOG_LEVEL: 'error',
			SEED_EXAMPLE_PLAN: 'false',
			PASSWORD_HASH_COST: '12',
			...(redis ? { REDIS_URL: redis.url } : { DATA_DIR: data.dir })
		}),
		HANDLER
	);
	try {
		const { core } = running;
		const base = `http://127.0.0.1:${running.port}`;
		const plan = await must(core.plans.createPlan({ title: 'Bench: öffentliche Seite' }));
		const user = await must(
			core.access.createUser({
				email: `bench-public-${kind}@mitplan.test`,
				name: 'Bench',
				password: 'bench-passwort-123'
			})
		);
		const owner = {
			kind: 'user' as const,
			id: user.id,
			name: user.name,
			email: user.email,
			isAdmin: false
		};
		await core.access.registerPlan(plan.id, owner);
		const room = await core.rooms.acquire(plan.id);
		if (!room) throw new Error('bench plan missing');
		let built: ReturnType<typeof buildPlan> | undefined;
		room.transact((doc) => {
			built = buildPlan(doc, { fields: 5, goalsPerField: 10, measuresPerGoal: 10 });
		});
		await room.flush();
		core.rooms.release(room);
		const { measures, goals } = built!;
		await must(
			core.monitoring.adopt(owner, plan.id, {
				date: '2026-11-30',
				body: 'Stadtrat',
				reference: 'Beschluss 2026/500'
			})
		);
		const caller = { principal: owner, role: 'owner' as const };
		for (const [i, id] of measures.entries()) {
			await must(
				core.monitoring.update(caller, plan.id, id, {
					status: i % 3 === 0 ? 'verzoegert' : 'in_umsetzung',
					reason: 'Bench',
					...(i % 3 === 0 ? {} : { percent: i % 100 }),
					office: `Amt ${i % 12}`,
					contact: 'Bench-Kontakt',
					...(i % 10 === 0 ? { public: false } : {})
				})
			);
			await must(
				core.monitoring.addNote(caller, plan.id, id, {
					date: '2026-11-01',
					text: `Sachstand der Maßnahme ${i + 1}: Die Umsetzung läuft wie geplant, nächste Schritte sind abgestimmt.`
				})
			);
		}
		const indicators = getBackend()!.indicators;
		for (const goalId of goals) {
			const ind = await must(
				indicators.create(plan.id, {
					goalId,
					name: 'Teilnehmende',
					unit: 'Personen',
					baseline: { value: 100, date: '2025-01-01' },
					target: { value: 200, date: '2028-12-31' }
				})
			);
			for (let m = 0; m < 12; m++) {
				await must(
					indicators.addValue(plan.id, ind.id, {
						value: 100 + m * 5,
						date: `2026-${String(m + 1).padStart(2, '0')}-01`,
						source: 'Statistik'
					})
				);
			}
		}
		const pub = await must(core.monitoring.publish(owner, plan.id));

		const model: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const t0 = performance.now();
			await must(core.monitoring.publicProgress(pub.token));
			model.push(performance.now() - t0);
		}
		const timed = async (url: string) => {
			const times: number[] = [];
			let body = '';
			for (let i = 0; i < RUNS; i++) {
				const t0 = performance.now();
				const res = await fetch(url);
				body = await res.text();
				times.push(performance.now() - t0);
				if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
			}
			return { times, body };
		};
		const json = await timed(`${base}/api/public/umsetzung/${pub.token}`);
		const page = await timed(`${base}${pub.path}`);
		const css = [...page.body.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) =>
			new URL(m[1], `${base}${pub.path}`).toString()
		);
		let cssBytes = 0;
		let cssGzip = 0;
		for (const href of css) {
			const text = await (await fetch(href)).text();
			cssBytes += Buffer.byteLength(text);
			cssGzip += gzipSync(text).byteLength;
		}
		if (process.env.BENCH_DUMP)
			(await import('node:fs')).writeFileSync(process.env.BENCH_DUMP, page.body);
		const scripts = (page.body.match(/<script/g) ?? []).length;
		const bytes = (s: string) =>
			`${kib(Buffer.byteLength(s))} (gzip ${kib(gzipSync(s).byteLength)})`;
		console.log(`  ${kind} store:`);
		console.log(
			`    page model (service)  p50 ${ms(pct(model, 50))}   p95 ${ms(pct(model, 95))}   max ${ms(Math.max(...model))}`
		);
		console.log(
			`    JSON  GET p50 ${ms(pct(json.times, 50))}   p95 ${ms(pct(json.times, 95))}   ${bytes(json.body)}`
		);
		console.log(
			`    HTML  GET p50 ${ms(pct(page.times, 50))}   p95 ${ms(pct(page.times, 95))}   ${bytes(page.body)}` +
				` + ${css.length} stylesheet(s) ${kib(cssBytes)} (gzip ${kib(cssGzip)}), ${scripts} script tag(s)`
		);
	} finally {
		await running.close();
		await redis?.stop();
		data.remove();
	}
}

export async function runPublicPageBench(): Promise<void> {
	console.log(
		'\nPublic progress page of an adopted plan with 500 measures (450 public, 50 indicators × 12 values):'
	);
	if (!existsSync(HANDLER)) {
		console.log('  skipped: build/handler.js is missing (run `npm run build` first)');
		return;
	}
	for (const kind of (process.env.BENCH_KINDS?.split(',') ?? ['file', 'redis']) as Array<
		'file' | 'redis'
	>)
		await run(kind);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await runPublicPageBench();
	process.exit(0);
}

/**
 * Board render with an extra content language (issue 15; `npm run bench -- board-languages`,
 * alone: `npx tsx bench/board-languages.ts`; needs `npm run build` and Playwright's Chromium):
 * the 2,000-measure plan (10 fields × 10 goals × 20 measures, 6 principles) once without and
 * once with one extra language (English) in which every non-empty text field of every measure
 * is translated. Measured in a real browser against a real server (built SvelteKit handler,
 * file store): from navigation until all 10 field columns and the first measure cards are
 * rendered (the board's load path: sync, plan view, first render). Runs alternate between the
 * two plans; the median and the best run are reported.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import * as Y from 'yjs';
import { loadConfig } from '../server/config';
import { startServer } from '../server/main';
import { TEXT_FIELDS, buildPlan, getText } from '../src/lib/domain/index';
import { setPlanLanguages, setTranslation } from '../src/lib/domain/translations';
import { tempDir } from '../tests/helpers/server';

const HANDLER = path.resolve('build/handler.js');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PASSWORD = 'bench-passwort-123';

async function must<T>(
	p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>
) {
	const r = await p;
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}

const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];

/** Every non-empty text field of every measure gets an English translation. */
function translateAll(doc: Y.Doc, measures: string[]): number {
	let n = 0;
	setPlanLanguages(doc, ['en']);
	for (const id of measures) {
		for (const field of TEXT_FIELDS.measure) {
			const source = getText(doc, id, field)?.toString() ?? '';
			if (source.trim() === '') continue;
			const r = setTranslation(doc, id, field, 'en', `EN: ${source}`);
			if (!r.ok) throw new Error(r.error.message);
			n++;
		}
	}
	return n;
}

export async function runBoardLanguagesBench(): Promise<void> {
	console.log('\nBoard render of the 2,000-measure plan, without and with one extra language:');
	if (!existsSync(HANDLER)) {
		console.log('  skipped: build/handler.js is missing (run `npm run build` first)');
		return;
	}
	const data = tempDir('mitplan-bench-languages-');
	const running = await startServer(
		loadConfig({
			PORT: '0',
			HOST: '127.0.0.1',
			LOG_LEVEL: 'error',
			SEED_EXAMPLE_PLAN: 'false',
			PASSWORD_HASH_COST: '12',
			DATA_DIR: data.dir
		}),
		HANDLER
	);
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	try {
		const { core } = running;
		const base = `http://127.0.0.1:${running.port}`;
		const user = await must(
			core.access.createUser({
				email: 'bench-languages@mitplan.test',
				name: 'Bench',
				password: PASSWORD
			})
		);
		const owner = { kind: 'user' as const, id: user.id, name: user.name, email: user.email };
		const plans: Array<{ label: string; id: string; times: number[]; bytes: number }> = [];
		for (const translated of [false, true]) {
			const plan = await must(
				core.plans.createPlan({ title: translated ? 'Bench: mit Englisch' : 'Bench: nur Deutsch' })
			);
			await core.access.registerPlan(plan.id, { ...owner, isAdmin: false });
			const room = await core.rooms.acquire(plan.id);
			if (!room) throw new Error('bench plan missing');
			let fields = 0;
			room.transact((doc) => {
				const built = buildPlan(doc, {
					principles: 6,
					fields: 10,
					goalsPerField: 10,
					measuresPerGoal: 20
				});
				if (translated) fields = translateAll(doc, built.measures);
			});
			await room.flush();
			const bytes = Y.encodeStateAsUpdate(room.doc).byteLength;
			core.rooms.release(room);
			plans.push({
				label: translated
					? `with English (${fields.toLocaleString('en')} measure texts translated)`
					: 'German only',
				id: plan.id,
				times: [],
				bytes
			});
		}
		const context = await browser.newContext({
			baseURL: base,
			viewport: { width: 1280, height: 900 }
		});
		const login = await context.request.post('/api/auth/login', {
			data: { email: user.email, password: PASSWORD }
		});
		if (login.status() !== 200) throw new Error(`login failed: ${login.status()}`);
		const page = await context.newPage();
		const render = async (id: string) => {
			await page.goto('about:blank');
			const t0 = performance.now();
			await page.goto(`/plans/${id}`);
			await page.getByTestId('field-column').nth(9).waitFor({ timeout: 60_000 });
			await page.getByTestId('measure-card').first().waitFor({ timeout: 60_000 });
			return performance.now() - t0;
		};
		for (const p of plans) await render(p.id); // warm-up: server rooms and browser caches
		for (let i = 0; i < RUNS; i++) {
			for (const p of i % 2 === 0 ? plans : [...plans].reverse()) p.times.push(await render(p.id));
		}
		for (const p of plans) {
			console.log(
				`  ${p.label.padEnd(48)} median ${median(p.times).toFixed(0)} ms   best ${Math.min(...p.times).toFixed(0)} ms   (${RUNS} runs; document ${(p.bytes / 1024).toFixed(0)} KiB)`
			);
		}
		const [de, en] = plans.map((p) => median(p.times));
		console.log(
			`  difference (median): ${(en - de).toFixed(0)} ms (${(((en - de) / de) * 100).toFixed(0)} %)`
		);
	} finally {
		await browser.close();
		await running.close();
		data.remove();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await runBoardLanguagesBench();
	process.exit(0);
}

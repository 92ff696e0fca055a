/**
 * PDF exports of the production bundle (`npm run build`) run in worker threads: ten parallel
 * exports leave /api/health responsive, a person's third concurrent export gets 429, a plan over
 * the text budget 413, an export over its time budget is terminated (503) while the instance
 * keeps serving. Real server process, real HTTP, real y-websocket client.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../src/lib/domain/index';
import type { PlanSummary } from '../src/lib/domain/types';
import { connectClient } from './helpers/clients';
import { login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import type { ServerProcess } from './helpers/server';
import { serverPool } from './helpers/server-pool';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'true' });

async function examplePlanId(session: HttpSession): Promise<string> {
	const list = (await (await session.request('/api/plans')).json()) as PlanSummary[];
	return list[0].id;
}

/** A new account with `viewer` on the plan, signed in. */
async function viewer(
	server: ServerProcess,
	admin: HttpSession,
	planId: string,
	n: number
): Promise<HttpSession> {
	const email = `leser${n}-${Math.random().toString(36).slice(2, 7)}@mitplan.test`;
	const password = 'leser-passwort-123';
	const created = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name: `Leser ${n}`, password, mustChangePassword: false }
	});
	expect(created.status).toBe(201);
	const added = await admin.request(`/api/plans/${planId}/members`, {
		method: 'POST',
		json: { email, role: 'viewer' }
	});
	expect(added.status).toBe(201);
	return login(server.httpUrl, email, password);
}

async function timed(url: string): Promise<{ status: number; ms: number }> {
	const t0 = performance.now();
	const res = await fetch(url);
	await res.arrayBuffer();
	return { status: res.status, ms: performance.now() - t0 };
}

describe('PDF export limits (worker threads)', { timeout: 240_000 }, () => {
	let server: ServerProcess;
	let admin: HttpSession;
	let planId: string;

	beforeAll(async () => {
		server = await start({
			EXPORT_WORKERS: '2',
			EXPORT_QUEUE: '10',
			EXPORT_MAX_PER_PERSON: '2',
			EXPORT_MAX_CHARS: '300000'
		});
		admin = await login(server.httpUrl);
		planId = await examplePlanId(admin);
	}, 60_000);

	it('serves /api/health fast while ten exports run in parallel', async () => {
		const people = [admin];
		for (let n = 1; n < 5; n++) people.push(await viewer(server, admin, planId, n));
		let running = true;
		const health: { status: number; ms: number }[] = [];
		const poll = (async () => {
			while (running) {
				health.push(await timed(`${server.httpUrl}/api/health`));
				await new Promise((r) => setTimeout(r, 50));
			}
		})();
		const exports = await Promise.all(
			people.flatMap((p) => [1, 2].map(() => p.request(`/api/plans/${planId}/export.pdf`)))
		);
		running = false;
		await poll;
		for (const res of exports) {
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toBe('application/pdf');
			const bytes = new Uint8Array(await res.arrayBuffer());
			expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
		}
		expect(health.length).toBeGreaterThan(3);
		expect(health.every((h) => h.status === 200)).toBe(true);
		// A correctness bound (the event loop is never blocked by rendering), not a perf target.
		expect(Math.max(...health.map((h) => h.ms))).toBeLessThan(1000);
	});

	it("answers a person's third concurrent export with 429 in German", async () => {
		const answers = await Promise.all(
			[1, 2, 3, 4].map(() => admin.request(`/api/plans/${planId}/export.pdf`))
		);
		const statuses = answers.map((r) => r.status).sort();
		expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(2);
		const refused = answers.filter((r) => r.status === 429);
		expect(refused.length).toBeGreaterThanOrEqual(1);
		const body = (await refused[0].json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('export_person_busy');
		expect(body.error.message).toMatch(/bereits 2 PDF-Exporte laufen/);
		expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
		await Promise.all(answers.filter((r) => r.status !== 429).map((r) => r.arrayBuffer()));
	});

	it('refuses a plan over the text budget (413) without rendering it', async () => {
		const created = await admin.request('/api/plans', {
			method: 'POST',
			json: { title: 'Sehr großer Plan' }
		});
		expect(created.status).toBe(201);
		const bigId = ((await created.json()) as { id: string }).id;
		const client = connectClient(server.wsUrl, bigId, 'Test', await syncTokenViaApi(admin, bigId));
		await client.synced;
		// About 450,000 characters of ordinary texts (each field within its limit).
		buildPlan(client.doc, { fields: 5, goalsPerField: 10, measuresPerGoal: 20 });
		await new Promise((r) => setTimeout(r, 1500));
		client.destroy();
		const t0 = performance.now();
		const res = await admin.request(`/api/plans/${bigId}/export.pdf`);
		expect(res.status).toBe(413);
		const body = (await res.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('export_too_large');
		expect(body.error.message).toMatch(/zu umfangreich/);
		expect(performance.now() - t0).toBeLessThan(10_000);
	});
});

describe('PDF export time budget', { timeout: 120_000 }, () => {
	it('terminates a too-slow export (503) and the instance keeps serving', async () => {
		const server = await start({ EXPORT_WORKERS: '1', EXPORT_TIMEOUT_MS: '150' });
		const admin = await login(server.httpUrl);
		const planId = await examplePlanId(admin);
		for (let round = 0; round < 2; round++) {
			const res = await admin.request(`/api/plans/${planId}/export.pdf?type=steckbriefe`);
			expect(res.status).toBe(503);
			const body = (await res.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe('export_timeout');
			expect(body.error.message).toMatch(/abgebrochen/);
		}
		const health = await timed(`${server.httpUrl}/api/health`);
		expect(health.status).toBe(200);
		expect((await admin.request('/api/plans')).status).toBe(200);
		expect(server.child.exitCode).toBeNull();
		expect(server.output()).toMatch(/pdf export timed out; worker terminated/);
	});
});

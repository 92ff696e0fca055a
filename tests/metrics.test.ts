/**
 * `/metrics` (production bundle): off without METRICS_TOKEN (404), 401 without or with a wrong
 * token, and with it Prometheus text whose figures follow what happens: a sync connection, an open
 * plan and an accepted edit show up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import { ADMIN_ENV, createPlanViaApi, login } from './helpers/auth';
import { connectClient, waitFor } from './helpers/clients';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const TOKEN = 'metrik-token-0123456789';
let server: ServerProcess;
let off: ServerProcess;
const dirs = [tempDir(), tempDir()];

beforeAll(async () => {
	[server, off] = await Promise.all([
		spawnServer({
			DATA_DIR: dirs[0].dir,
			SEED_EXAMPLE_PLAN: 'false',
			METRICS_TOKEN: TOKEN,
			...ADMIN_ENV
		}),
		spawnServer({ DATA_DIR: dirs[1].dir, SEED_EXAMPLE_PLAN: 'false' })
	]);
}, 30_000);
afterAll(async () => {
	await Promise.all([server?.stop(), off?.stop()]);
	for (const d of dirs) d.remove();
});

async function scrape(): Promise<Map<string, number>> {
	const res = await fetch(`${server.httpUrl}/metrics`, {
		headers: { authorization: `Bearer ${TOKEN}` }
	});
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
	const values = new Map<string, number>();
	for (const line of (await res.text()).split('\n')) {
		const m = /^([a-z_]+(?:\{[^}]*\})?) ([0-9.e+-]+)$/.exec(line);
		if (m) values.set(m[1], Number(m[2]));
	}
	return values;
}

describe('/metrics', () => {
	it('is off without METRICS_TOKEN and refuses missing or wrong tokens', async () => {
		expect((await fetch(`${off.httpUrl}/metrics`)).status).toBe(404);
		expect((await fetch(`${server.httpUrl}/metrics`)).status).toBe(401);
		const wrong = await fetch(`${server.httpUrl}/metrics`, {
			headers: { authorization: 'Bearer falsch-falsch-falsch-12' }
		});
		expect(wrong.status).toBe(401);
		expect(wrong.headers.get('www-authenticate')).toContain('Bearer');
	});

	it('counts connections, open plans, accepted edits, requests and process figures', async () => {
		const before = await scrape();
		expect(before.get('mitplan_sync_connections')).toBe(0);
		expect(before.get('mitplan_store_appends_total{result="ok"}')).toBe(0);
		expect(before.has('mitplan_process_resident_memory_bytes')).toBe(true);

		const session = await login(server.httpUrl);
		const { planId, token } = await createPlanViaApi(session, 'Metrikplan');
		const client = connectClient(server.wsUrl, planId, 'Messend', token);
		try {
			await client.synced;
			const made = createItem(client.doc, { type: 'field', values: { title: 'Wohnen' } });
			expect(made.ok).toBe(true);
			await waitFor(
				async () => ((await scrape()).get('mitplan_store_appends_total{result="ok"}') ?? 0) >= 2,
				'the edit is counted'
			);
			const after = await scrape();
			expect(after.get('mitplan_sync_connections')).toBe(1);
			expect(after.get('mitplan_open_plans')).toBe(1);
			expect(after.get('mitplan_store_append_seconds_count')).toBeGreaterThanOrEqual(2);
			expect(after.get('mitplan_http_requests_total{status="2xx"}')).toBeGreaterThanOrEqual(2);
			expect(after.get('mitplan_export_running')).toBe(0);
		} finally {
			client.destroy();
		}
	});
});

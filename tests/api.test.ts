/**
 * The JSON API of the production bundle over real HTTP: the documented shapes, and clear errors
 * for bad input. Needs `npm run build` (done by `npm test`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION, type PlanJson, type PlanSummary } from '../src/lib/domain/types';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor } from './helpers/clients';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let exampleId = '';
let data: ReturnType<typeof tempDir>;
let session: HttpSession;

beforeAll(async () => {
	data = tempDir();
	server = await spawnServer({ DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'true', ...ADMIN_ENV });
	session = await login(server.httpUrl);
});

afterAll(async () => {
	await server.stop();
	data.remove();
});

/** Requests as the signed-in administrator (owner of the seeded Beispielplan). */
const api = (path: string, init?: RequestInit) => session.request(path, init);
const post = (path: string, body: unknown, method = 'POST') =>
	api(path, {
		method,
		headers: { 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body)
	});

describe('JSON API', () => {
	it('reports health for load balancers', async () => {
		const response = await fetch(`${server.httpUrl}/api/health`);
		expect(response.status).toBe(200);
		expect(await response.json()).toMatchObject({ status: 'ok', storage: 'file' });
	});

	it('lists the seeded Beispielplan with real content on first start', async () => {
		const response = await api('/api/plans');
		expect(response.status).toBe(200);
		const plans = (await response.json()) as PlanSummary[];
		const example = plans.find((p) => p.id.startsWith('beispielplan-'));
		expect(example?.counts.fields).toBeGreaterThanOrEqual(5);
		expect(example?.counts.measures).toBeGreaterThanOrEqual(10);

		exampleId = example!.id;
		const plan = (await (await api(`/api/plans/${exampleId}`)).json()) as PlanJson;
		expect(plan.schemaVersion).toBe(SCHEMA_VERSION);
		expect(plan.principles.length).toBeGreaterThan(0);
		const measure = plan.fields[0].goals[0].measures[0];
		expect(measure).toMatchObject({ type: 'measure', parentId: plan.fields[0].goals[0].id });
		expect(typeof measure.lead).toBe('string');
	});

	it('creates, renames and deletes a plan', async () => {
		const created = await post('/api/plans', {
			title: 'Integrationskonzept Musterstadt',
			municipality: 'Musterstadt'
		});
		expect(created.status).toBe(201);
		const { id } = (await created.json()) as PlanSummary;
		expect(id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);

		const client = connectClient(server.wsUrl, id, 'Test', await syncTokenViaApi(session, id));
		await client.synced;
		const renamed = await post(
			`/api/plans/${id}`,
			{ title: 'Vielfaltsstrategie Musterstadt' },
			'PATCH'
		);
		expect(renamed.status).toBe(200);
		expect(((await renamed.json()) as PlanSummary).title).toBe('Vielfaltsstrategie Musterstadt');
		await waitFor(
			() => client.doc.getMap('meta').get('title') === 'Vielfaltsstrategie Musterstadt',
			'rename reaches the connected client'
		);
		client.destroy();

		expect((await api(`/api/plans/${id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await api(`/api/plans/${id}`)).status).toBe(404);
		const list = (await (await api('/api/plans')).json()) as PlanSummary[];
		expect(list.some((p) => p.id === id)).toBe(false);
	});

	it('creates a plan with the example content when asked to', async () => {
		const created = await post('/api/plans', {
			title: 'Unser Beispiel',
			municipality: 'Musterstadt',
			example: true
		});
		expect(created.status).toBe(201);
		const summary = (await created.json()) as PlanSummary;
		expect(summary).toMatchObject({ title: 'Unser Beispiel', municipality: 'Musterstadt' });
		expect(summary.counts.measures).toBeGreaterThanOrEqual(10);
	});

	it.each([
		['GET', '/api/plans/..%2Fx', 400, 'invalid_plan_id'],
		['GET', `/api/plans/${'a'.repeat(65)}`, 400, 'invalid_plan_id'],
		['GET', '/api/plans/gibt-es-nicht', 404, 'plan_not_found'],
		['DELETE', '/api/plans/gibt-es-nicht', 404, 'plan_not_found']
	])('%s %s → %i %s', async (method, path, status, code) => {
		const response = await api(path, { method });
		expect(response.status).toBe(status);
		expect(await response.json()).toMatchObject({ error: { code } });
	});

	it.each([
		['no JSON', 'kein json', 'invalid_json'],
		['an array', '[]', 'invalid_body'],
		['an empty title', { title: '   ' }, 'title_required'],
		['a too long title', { title: 'x'.repeat(500) }, 'invalid_value']
	])('refuses creating a plan with %s', async (_name, body, code) => {
		const response = await post('/api/plans', body);
		expect(response.status).toBe(400);
		const json = (await response.json()) as { error: { code: string; message: string } };
		expect(json.error.code).toBe(code);
		expect(json.error.message.length).toBeGreaterThan(10);
	});

	it('refuses unknown fields and invalid status when patching', async () => {
		for (const body of [{ owner: 'x' }, { status: 'geheim' }]) {
			const response = await post(`/api/plans/${exampleId}`, body, 'PATCH');
			expect(response.status).toBe(400);
		}
	});
});

/**
 * Request validation through the schema layer, over real HTTP against the production bundle: a
 * field of the wrong type or an unknown choice answers 400 `invalid_input` with `field` and a
 * German message naming it; valid input is answered as before. Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
let planId: string;

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	planId = (await createPlanViaApi(admin, 'Prüfplan')).planId;
});

async function refused(path: string, method: string, json: unknown) {
	const res = await admin.request(path, { method, json });
	expect(res.status, path).toBe(400);
	return ((await res.json()) as { error: { code: string; message: string; field: string } }).error;
}

describe('schema validation of request bodies', () => {
	it('names the field of the wrong type or value, in German', async () => {
		const p = `/api/plans/${planId}`;
		expect(await refused('/api/plans', 'POST', { title: 42 })).toEqual({
			code: 'invalid_input',
			field: 'title',
			message: 'Feld „title“: muss ein Text sein.'
		});
		const role = await refused(`${p}/members`, 'POST', { email: 'a@b.de', role: 'chef' });
		expect(role).toMatchObject({ code: 'invalid_input', field: 'role' });
		expect(role.message).toMatch(/^Feld „role“: muss einer dieser Werte sein: „owner“/);
		expect(
			await refused(`${p}/review-requests`, 'POST', {
				scope: { kind: 'plan' },
				reviewerIds: 'alle',
				dueDate: '2027-01-01'
			})
		).toMatchObject({ field: 'reviewerIds', message: 'Feld „reviewerIds“: muss eine Liste sein.' });
		expect(
			await refused(`${p}/zeitplan`, 'PUT', { phases: [{ title: 1 }], milestones: [] })
		).toMatchObject({ field: 'phases.0.title' });
		expect(
			await refused(`${p}/umsetzung/sammel`, 'POST', { measureIds: [1], status: 'x', reason: 'x' })
		).toMatchObject({ field: 'measureIds.0' });
		expect(await refused(`${p}/checks`, 'POST', { measureIds: ['m'], office: 3 })).toMatchObject({
			field: 'office'
		});
	});

	it('answers valid input as before', async () => {
		const p = `/api/plans/${planId}`;
		const patch = await admin.request(p, { method: 'PATCH', json: { municipality: 'Teststadt' } });
		expect(patch.status).toBe(200);
		expect(((await patch.json()) as { municipality: string }).municipality).toBe('Teststadt');
		const phase = await admin.request(`${p}/zeitplan/phases`, {
			method: 'POST',
			json: { title: 'Analyse', start: '2027-01-04', end: '2027-02-26' }
		});
		expect(phase.status).toBe(201);
		// Missing required fields keep the service's own code.
		const noDate = await admin.request(`${p}/zeitplan/milestones`, {
			method: 'POST',
			json: { title: 'Sitzung' }
		});
		expect(((await noDate.json()) as { error: { code: string } }).error.code).toBe('date_required');
	});
});

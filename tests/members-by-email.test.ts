/**
 * Adding members by e-mail must not reveal whether the address has an account (issue 12, item 18),
 * against the production bundle over real HTTP: the add answer, the members list, and the review
 * endpoints that take a member's id (review request, administrative check, @mention) and the
 * translator assignment (issue 15; kept until the account exists) treat a
 * member added by an e-mail without account and an invited real account alike. Needs
 * `npm run build` (done by `npm test`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
const clients: TestClient[] = [];

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
});

afterAll(() => {
	for (const c of clients.splice(0)) c.destroy();
});

interface Row {
	userId: string;
	email: string;
	name: string;
	role: string;
	addedAt: string;
	invited?: boolean;
	translates?: string[];
}

let userCount = 0;
/** A new account (created by the administrator) and its signed-in session. */
async function newUser(name: string) {
	const email = `person${++userCount}@mitplan.test`;
	const password = `passwort-${userCount}-lang`;
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	const { id } = (await res.json()) as { id: string };
	return { id, email, password, session: await login(server.httpUrl, email, password) };
}

const rows = async (planId: string) =>
	(await (await admin.request(`/api/plans/${planId}/members`)).json()) as Row[];
const add = (planId: string, email: string, role: string) =>
	admin.request(`/api/plans/${planId}/members`, { method: 'POST', json: { email, role } });
/** A row with the parts that must differ (ids, e-mail, time) replaced by their type. */
const shape = (row: Row | undefined) =>
	row && {
		...row,
		userId: typeof row.userId,
		email: typeof row.email,
		addedAt: typeof row.addedAt
	};

describe('adding members by e-mail', () => {
	it('answers and lists the same whether or not an account exists', async () => {
		const { planId } = await createPlanViaApi(admin, 'Ohne Aufzählung');
		const kim = await newUser('Kim Konto');
		const existing = await add(planId, kim.email.toUpperCase(), 'editor');
		const missing = await add(planId, 'niemand-hier@mitplan.test', 'editor');
		expect(existing.status).toBe(201);
		expect(missing.status).toBe(201);
		expect(await existing.json()).toEqual({ status: 'added', email: kim.email, role: 'editor' });
		expect(await missing.json()).toEqual({
			status: 'added',
			email: 'niemand-hier@mitplan.test',
			role: 'editor'
		});
		expect((await add(planId, 'kein-at', 'editor')).status).toBe(400);

		const list = await rows(planId);
		const kimRow = list.find((m) => m.email === kim.email);
		const missingRow = list.find((m) => m.email === 'niemand-hier@mitplan.test');
		expect(shape(kimRow)).toEqual(shape(missingRow));
		expect(kimRow).toMatchObject({ name: '', role: 'editor', invited: true });
		expect(missingRow!.userId).toMatch(/^u-/);

		// the existing account has access at once; after signing in it is listed by name
		expect((await kim.session.request(`/api/plans/${planId}`)).status).toBe(200);
		await login(server.httpUrl, kim.email, kim.password);
		expect((await rows(planId)).find((m) => m.email === kim.email)).toMatchObject({
			name: 'Kim Konto'
		});
		expect((await rows(planId)).find((m) => m.email === kim.email)?.invited).toBeUndefined();

		// a pending entry's role can be changed and it can be removed like any member
		const patched = await admin.request(`/api/plans/${planId}/members/${missingRow!.userId}`, {
			method: 'PATCH',
			json: { role: 'viewer' }
		});
		expect(patched.status).toBe(200);
		expect((await rows(planId)).find((m) => m.userId === missingRow!.userId)?.role).toBe('viewer');

		// creating the account makes the pending membership effective
		const created = await admin.request('/api/admin/users', {
			method: 'POST',
			json: {
				email: 'niemand-hier@mitplan.test',
				name: 'Nora Neu',
				password: 'passwort-nora-lang',
				mustChangePassword: false
			}
		});
		expect(created.status).toBe(201);
		const nora = await login(server.httpUrl, 'niemand-hier@mitplan.test', 'passwort-nora-lang');
		expect((await nora.request(`/api/plans/${planId}`)).status).toBe(200);
		const noraRow = (await rows(planId)).find((m) => m.email === 'niemand-hier@mitplan.test');
		expect(noraRow).toMatchObject({ name: 'Nora Neu', role: 'viewer' });

		// removing a pending entry
		await add(planId, 'bleibt-aussen@mitplan.test', 'viewer');
		const outsider = (await rows(planId)).find((m) => m.email === 'bleibt-aussen@mitplan.test');
		const removed = await admin.request(`/api/plans/${planId}/members/${outsider!.userId}`, {
			method: 'DELETE'
		});
		expect(removed.status).toBe(204);
		expect((await rows(planId)).some((m) => m.email === 'bleibt-aussen@mitplan.test')).toBe(false);
	});

	it('the review endpoints answer alike for an invited account and an e-mail without account', async () => {
		const { planId, token } = await createPlanViaApi(admin, 'Prüfen ohne Aufzählung');
		const c = connectClient(server.wsUrl, planId, 'Admin', token);
		clients.push(c);
		await c.synced;
		const field = createItem(c.doc, { type: 'field', values: { title: 'Bildung' } });
		const fieldId = field.ok ? field.value : '';
		const goal = createItem(c.doc, { type: 'goal', parentId: fieldId, values: { title: 'Kita' } });
		const goalId = goal.ok ? goal.value : '';
		const measure = createItem(c.doc, {
			type: 'measure',
			parentId: goalId,
			values: { title: 'Sprachkurse' }
		});
		const measureId = measure.ok ? measure.value : '';
		await waitFor(async () => {
			const plan = (await (await admin.request(`/api/plans/${planId}`)).json()) as {
				fields: { goals: { measures: unknown[] }[] }[];
			};
			return plan.fields[0]?.goals[0]?.measures.length === 1;
		}, 'measure on the server');

		// Ria has an account and is signed in; the other address has none.
		const ria = await newUser('Ria Rechnungsamt');
		expect((await add(planId, ria.email, 'reviewer')).status).toBe(201);
		expect((await add(planId, 'ohne-konto@mitplan.test', 'reviewer')).status).toBe(201);
		const list = await rows(planId);
		const riaId = list.find((m) => m.email === ria.email)!.userId;
		const pendingId = list.find((m) => m.email === 'ohne-konto@mitplan.test')!.userId;
		expect(riaId).toBe(ria.id);

		/** Every review call that names a member, answered with status and body (id blanked). */
		async function answers(id: string) {
			const calls: [string, unknown][] = [
				['review-requests', { scope: { kind: 'plan' }, reviewerIds: [id], dueDate: '2030-01-01' }],
				['checks', { measureIds: [measureId], departmentUserId: id, dueDate: '2030-01-01' }],
				['threads', { itemId: null, body: 'Bitte ansehen', mentions: [id] }]
			];
			const out = [];
			for (const [path, json] of calls) {
				const res = await admin.request(`/api/plans/${planId}/${path}`, { method: 'POST', json });
				out.push({ path, status: res.status, body: (await res.text()).replaceAll(id, 'ID') });
			}
			return out;
		}
		const forRia = await answers(riaId);
		const forPending = await answers(pendingId);
		expect(forRia).toEqual(forPending);
		expect(forRia.map((a) => a.status)).toEqual([400, 400, 400]);
		expect(forRia[0].body).toContain('invalid_reviewer');
		expect(forRia[1].body).toContain('invalid_department');
		expect(forRia[2].body).toContain('invalid_mention');
		// the invited name is not revealed either
		expect(JSON.stringify(forRia)).not.toContain('Ria');

		// once Ria has opened the plan she is a named member and can be assigned
		expect((await ria.session.request(`/api/plans/${planId}`)).status).toBe(200);
		expect((await answers(riaId)).map((a) => a.status)).toEqual([201, 201, 201]);
	});

	it('names an invited account and an e-mail without account translator alike; the account keeps it', async () => {
		const { planId } = await createPlanViaApi(admin, 'Übersetzen ohne Aufzählung');
		const tia = await newUser('Tia Türkisch');
		expect((await add(planId, tia.email, 'viewer')).status).toBe(201);
		expect((await add(planId, 'uebersetzt-spaeter@mitplan.test', 'viewer')).status).toBe(201);
		expect((await add(planId, 'bearbeitet@mitplan.test', 'editor')).status).toBe(201);
		const list = await rows(planId);
		const id = (email: string) => list.find((m) => m.email === email)!.userId;
		const assign = async (userId: string, languages: string[]) => {
			const res = await admin.request(`/api/plans/${planId}/members/${userId}/translator`, {
				method: 'PUT',
				json: { languages }
			});
			return { status: res.status, body: (await res.text()).replaceAll(userId, 'ID') };
		};
		const forTia = await assign(id(tia.email), ['tr', 'ar']);
		const forPending = await assign(id('uebersetzt-spaeter@mitplan.test'), ['tr', 'ar']);
		expect(forTia).toEqual(forPending);
		expect(forTia.status).toBe(200);
		expect(JSON.parse(forTia.body)).toEqual({ userId: 'ID', languages: ['tr', 'ar'] });
		expect((await rows(planId)).map((m) => m.translates ?? [])).toEqual(
			expect.arrayContaining([
				['tr', 'ar'],
				['tr', 'ar']
			])
		);
		// an editor (pending or not) needs no assignment
		const editor = await assign(id('bearbeitet@mitplan.test'), ['ar']);
		expect(editor.status).toBe(409);
		expect(editor.body).toContain('translator_not_needed');
		expect((await assign('u-unbekannt', ['ar'])).status).toBe(404);

		// creating the account carries the assignment over
		const created = await admin.request('/api/admin/users', {
			method: 'POST',
			json: {
				email: 'uebersetzt-spaeter@mitplan.test',
				name: 'Ugur Später',
				password: 'passwort-ugur-lang',
				mustChangePassword: false
			}
		});
		expect(created.status).toBe(201);
		const ugur = await login(
			server.httpUrl,
			'uebersetzt-spaeter@mitplan.test',
			'passwort-ugur-lang'
		);
		expect((await ugur.request(`/api/plans/${planId}`)).status).toBe(200);
		expect((await rows(planId)).find((m) => m.name === 'Ugur Später')).toMatchObject({
			role: 'viewer',
			translates: ['tr', 'ar']
		});
	});
});

/**
 * Fortschreibung and indicators (issue 14, items 8 and 3) against the production bundle over real
 * HTTP, with the embedded file store and with Redis: only the owner of an adopted plan starts the
 * next edition; it copies structure and open measures with predecessor links, both plans show the
 * lineage, deleting the new plan leaves the old one's history clean. Indicators: members read,
 * editors write, viewers are refused, bad values get German errors. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { EditionsView } from '../src/lib/contract/editions';
import type { Indicator } from '../src/lib/domain/indicators';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

describe.each(['file', 'redis'] as const)('Fortschreibung und Indikatoren (%s store)', (kind) => {
	let server: ServerProcess;
	let data: ReturnType<typeof tempDir>;
	let redis: TestRedis | undefined;
	let admin: HttpSession;
	let editor: HttpSession;
	let viewer: HttpSession;
	let planId: string;
	let plan: PlanJson;
	let n = 0;

	async function member(role: 'editor' | 'viewer'): Promise<HttpSession> {
		const email = `${role}${++n}-${kind}@stadt.test`;
		const password = 'mitglied-passwort-1';
		const res = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: `${role} ${n}`, password, mustChangePassword: false }
		});
		expect(res.status).toBe(201);
		const add = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email, role }
		});
		expect(add.status).toBe(201);
		return login(server.httpUrl, email, password);
	}

	beforeAll(async () => {
		data = tempDir();
		const env: Record<string, string> = {
			DATA_DIR: data.dir,
			SEED_EXAMPLE_PLAN: 'false',
			...ADMIN_ENV
		};
		if (kind === 'redis') {
			redis = await startRedis();
			env.REDIS_URL = redis.url;
		}
		server = await spawnServer(env);
		admin = await login(server.httpUrl);
		const res = await admin.request('/api/plans', {
			method: 'POST',
			json: { title: 'Integrationskonzept 2026', example: true }
		});
		expect(res.status).toBe(201);
		planId = ((await res.json()) as { id: string }).id;
		plan = (await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
		editor = await member('editor');
		viewer = await member('viewer');
	}, 90_000);

	afterAll(async () => {
		await server?.stop();
		await redis?.stop();
		data?.remove();
	});

	const ind = (rest = '') => `/api/plans/${planId}/indikatoren${rest}`;

	it('lets editors manage indicators, members read them, and refuses bad values in German', async () => {
		const goalId = plan.fields[0].goals[0].id;
		const refused = await viewer.request(ind(), {
			method: 'POST',
			json: { goalId, name: 'Quote' }
		});
		expect(refused.status).toBe(403);
		const created = await editor.request(ind(), {
			method: 'POST',
			json: {
				goalId,
				name: 'Teilnehmende an Sprachkursen',
				unit: 'Personen',
				baseline: { value: 120, date: '2025-01-01' },
				target: { value: 300, date: '2030-01-01' }
			}
		});
		expect(created.status).toBe(201);
		const id = ((await created.json()) as Indicator).id;
		const bad = await editor.request(ind(`/${id}/werte`), {
			method: 'POST',
			json: { value: 'viele', date: '2026-01-01' }
		});
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({
			error: { code: 'not_a_number', message: expect.stringMatching(/„viele“ ist keine Zahl/) }
		});
		const good = await editor.request(ind(`/${id}/werte`), {
			method: 'POST',
			json: { value: '150', date: '2026-01-01', source: 'VHS' }
		});
		expect(good.status).toBe(201);
		const viewerList = await viewer.request(ind());
		expect(viewerList.status).toBe(200);
		const list = (await viewerList.json()) as Indicator[];
		expect(list.map((i) => i.values.map((v) => v.value))).toEqual([[150]]);
		const order = await editor.request(ind(`/${id}`), {
			method: 'PATCH',
			json: { baseline: { value: 1, date: '2031-01-01' } }
		});
		expect(order.status).toBe(400);
		expect(((await order.json()) as { error: { code: string } }).error.code).toBe('invalid_dates');
		const viewerDelete = await viewer.request(ind(`/${id}`), { method: 'DELETE' });
		expect(viewerDelete.status).toBe(403);
	});

	it('starts the next edition of an adopted plan with links to the predecessor', async () => {
		const path = `/api/plans/${planId}/fortschreibung`;
		// not adopted yet
		const early = await admin.request(path, { method: 'POST' });
		expect(early.status).toBe(409);
		expect(((await early.json()) as { error: { code: string } }).error.code).toBe(
			'plan_not_adopted'
		);
		// adopted only with the council decision (issue 14 item 1), never by a plain PATCH
		const patch = await admin.request(`/api/plans/${planId}`, {
			method: 'PATCH',
			json: { status: 'beschlossen' }
		});
		expect(patch.status).toBe(409);
		const adopt = await admin.request(`/api/plans/${planId}/umsetzung/beschluss`, {
			method: 'POST',
			json: { date: '2026-11-30', body: 'Gemeinderat', reference: 'GR 2026/12' }
		});
		expect(adopt.status).toBe(201);
		// only the owner
		expect((await editor.request(path, { method: 'POST' })).status).toBe(403);
		// After adoption the implementation status decides: one open measure stopped ("eingestellt"),
		// one implemented ("umgesetzt") — neither is carried over, whatever the document says.
		const openBefore = plan.fields
			.flatMap((f) => f.goals.flatMap((g) => g.measures))
			.filter((m) => m.status !== 'umgesetzt' && m.status !== 'zurueckgestellt');
		const stopped = openBefore[openBefore.length - 1];
		const finished = openBefore[openBefore.length - 2];
		const impl = (id: string, status: string) =>
			admin.request(`/api/plans/${planId}/umsetzung/massnahmen/${id}`, {
				method: 'PATCH',
				json: { status, reason: 'Stand laut Fachamt' }
			});
		expect((await impl(stopped.id, 'eingestellt')).status).toBe(200);
		expect((await impl(finished.id, 'in_umsetzung')).status).toBe(200);
		expect((await impl(finished.id, 'umgesetzt')).status).toBe(200);

		const res = await admin.request(path, { method: 'POST' });
		expect(res.status).toBe(201);
		const created = (await res.json()) as { id: string; title: string; role: string };
		expect(created.role).toBe('owner');
		expect(created.title).toBe('Fortschreibung: Integrationskonzept 2026');
		const next = (await (await admin.request(`/api/plans/${created.id}`)).json()) as PlanJson;
		expect(next.meta.status).toBe('entwurf');
		expect(next.fields.map((f) => f.title)).toEqual(plan.fields.map((f) => f.title));
		const oldMeasures = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		const open = oldMeasures.filter(
			(m) =>
				m.status !== 'umgesetzt' &&
				m.status !== 'zurueckgestellt' &&
				m.id !== stopped.id &&
				m.id !== finished.id
		);
		const newMeasures = next.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		expect(newMeasures.map((m) => m.title)).toEqual(open.map((m) => m.title));

		const lineage = (await (
			await admin.request(`/api/plans/${created.id}/fortschreibung`)
		).json()) as EditionsView;
		expect(lineage.lineage?.predecessorPlanId).toBe(planId);
		const links = lineage.lineage!.links;
		const firstNew = newMeasures[0];
		expect(links.find((l) => l.itemId === firstNew.id)).toMatchObject({
			predecessorItemId: open[0].id,
			relation: 'continued',
			type: 'measure'
		});
		expect(links.find((l) => l.predecessorItemId === stopped.id)).toMatchObject({
			itemId: null,
			relation: 'dropped'
		});
		expect(links.find((l) => l.predecessorItemId === finished.id)).toMatchObject({
			itemId: null,
			relation: 'completed'
		});
		const done = oldMeasures.find((m) => m.status === 'umgesetzt');
		if (done)
			expect(links.find((l) => l.predecessorItemId === done.id)).toMatchObject({
				itemId: null,
				relation: 'completed'
			});
		const old = (await (await admin.request(path)).json()) as EditionsView;
		expect(old).toEqual({ lineage: null, successors: [created.id] });

		// the editor of the old plan is no member of the new one
		expect((await editor.request(`/api/plans/${created.id}`)).status).toBe(404);

		// deleting the new edition leaves the old plan without a successor
		expect((await admin.request(`/api/plans/${created.id}`, { method: 'DELETE' })).status).toBe(
			204
		);
		const after = (await (await admin.request(path)).json()) as EditionsView;
		expect(after.successors).toEqual([]);
	});
});

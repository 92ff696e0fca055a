/**
 * The public progress page (issue 14, item 6) on the production bundle, with raw HTTP only:
 * publishing needs the council decision (409) and the owner (403 for an editor), a visitor
 * without a session sees the page and its JSON, a "nicht öffentlich" measure is absent from
 * both, contact persons and budget never appear, and an unpublished plan, a guessed token and a
 * revoked token all give the same German 404; deleting the plan removes the link. Needs
 * `npm run build` first.
 */
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../src/lib/domain/index';
import { readPdf } from '../src/lib/export/pdf-reader';
import type { Publication, PublicProgress } from '../src/lib/contract/monitoring';
import { ADMIN_ENV, createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

const NOT_FOUND = /Diese öffentliche Seite gibt es nicht \(mehr\)/;

describe.each(['file', 'redis'] as const)('public progress page (%s store)', (kind) => {
	let server: ServerProcess;
	let data: ReturnType<typeof tempDir>;
	let redis: TestRedis | undefined;
	let owner: HttpSession;
	let client: TestClient;
	let planId: string;
	const ids = { goal: '', shown: '', hidden: '' };

	const anon = (path: string) => fetch(`${server.httpUrl}${path}`, { redirect: 'manual' });
	const impl = (measureId: string, body: unknown) =>
		owner.request(`/api/plans/${planId}/umsetzung/massnahmen/${measureId}`, {
			method: 'PATCH',
			json: body
		});
	const publish = (s: HttpSession = owner) =>
		s.request(`/api/plans/${planId}/umsetzung/veroeffentlichung`, { method: 'POST' });

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
		owner = await login(server.httpUrl);
		const created = await createPlanViaApi(owner, 'Integrationskonzept Musterstadt');
		planId = created.planId;
		client = connectClient(server.wsUrl, planId, 'Owner', created.token);
		await client.synced;
		const field = createItem(client.doc, { type: 'field', values: { title: 'Sprache' } });
		if (!field.ok) throw new Error(field.error.message);
		const goal = createItem(client.doc, {
			type: 'goal',
			parentId: field.value,
			values: { title: 'Mehr Deutschkurse' }
		});
		if (!goal.ok) throw new Error(goal.error.message);
		ids.goal = goal.value;
		const m = (title: string) => {
			const r = createItem(client.doc, {
				type: 'measure',
				parentId: goal.value,
				values: { title }
			});
			if (!r.ok) throw new Error(r.error.message);
			return r.value;
		};
		ids.shown = m('Sprachcafé im Stadtteil');
		ids.hidden = m('Vertrauliche Verhandlung Liegenschaft');
		await waitFor(async () => {
			const plan = await (await owner.request(`/api/plans/${planId}`)).json();
			return plan.fields?.[0]?.goals?.[0]?.measures?.length === 2;
		}, 'server has the measures');
	}, 90_000);

	afterAll(async () => {
		client?.destroy();
		await server?.stop();
		await redis?.stop();
		data?.remove();
	});

	it('publishing needs the council decision, and only the owner may do it', async () => {
		const early = await publish();
		expect(early.status).toBe(409);
		expect((await early.json()).error).toMatchObject({
			code: 'not_adopted',
			message: expect.stringMatching(/erst den Beschluss/)
		});
		const adopted = await owner.request(`/api/plans/${planId}/umsetzung/beschluss`, {
			method: 'POST',
			json: { date: '2026-11-30', body: 'Stadtrat', reference: 'Beschluss 2026/17' }
		});
		expect(adopted.status).toBe(201);
		// an editor of the plan: 403 for publishing, reading the link and the flag
		const email = `redaktion-${kind}@mitplan.test`;
		const made = await owner.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: 'Redaktion', password: 'passwort-1234567', mustChangePassword: false }
		});
		expect(made.status).toBe(201);
		const editorId = ((await made.json()) as { id: string }).id;
		const added = await owner.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email, role: 'editor' }
		});
		expect(added.status).toBe(201);
		const editor = await login(server.httpUrl, email, 'passwort-1234567');
		expect((await publish(editor)).status).toBe(403);
		// named responsible for a measure, the editor reports on it but may not hide it
		expect((await impl(ids.shown, { responsibleIds: [editorId] })).status).toBe(200);
		const hide = await editor.request(`/api/plans/${planId}/umsetzung/massnahmen/${ids.shown}`, {
			method: 'PATCH',
			json: { public: false }
		});
		expect(hide.status).toBe(403);
		expect((await hide.json()).error.message).toMatch(/entscheidet die Prozesssteuerung/);
		const report = await editor.request(`/api/plans/${planId}/umsetzung/massnahmen/${ids.shown}`, {
			method: 'PATCH',
			json: { percent: 5 }
		});
		expect(report.status).toBe(200);
		expect((await report.json()).public).toBe(true);
		expect((await editor.request(`/api/plans/${planId}/umsetzung/veroeffentlichung`)).status).toBe(
			403
		);
		// without a session: 401, nothing published
		const stranger = await fetch(
			`${server.httpUrl}/api/plans/${planId}/umsetzung/veroeffentlichung`,
			{ method: 'POST', headers: { origin: server.httpUrl } }
		);
		expect(stranger.status).toBe(401);
		const state = await owner.request(`/api/plans/${planId}/umsetzung/veroeffentlichung`);
		expect(await state.json()).toBeNull();
	});

	it('an unpublished plan and a guessed link give the same German 404', async () => {
		for (const token of ['x'.repeat(32), 'kurz', 'A'.repeat(200), '..%2F..%2Fetc']) {
			const page = await anon(`/umsetzung/${token}`);
			expect(page.status, token).toBe(404);
			const html = await page.text();
			expect(html).toMatch(NOT_FOUND);
			expect(html).not.toContain('Integrationskonzept');
			const api = await anon(`/api/public/umsetzung/${token}`);
			expect(api.status, token).toBe(404);
			expect((await api.json()).error.code).toBe('public_not_found');
		}
	});

	it('visitors see status, progress, Sachstand and chart; "nicht öffentlich" is absent', async () => {
		expect(
			(
				await impl(ids.shown, {
					status: 'in_umsetzung',
					reason: 'Räume gefunden',
					percent: 40,
					office: 'Amt für Integration',
					contact: 'Frau Kontakt, kontakt@stadt.example',
					budget: [{ year: 2026, planned: 98765, spent: 100 }]
				})
			).status
		).toBe(200);
		const note = await owner.request(
			`/api/plans/${planId}/umsetzung/massnahmen/${ids.shown}/sachstand`,
			{ method: 'POST', json: { date: '2026-12-01', text: 'Erste Treffen mit 25 Gästen.' } }
		);
		expect(note.status).toBe(201);
		expect((await impl(ids.hidden, { public: 'nein' })).status).toBe(400);
		expect((await impl(ids.hidden, { public: false, percent: 10 })).status).toBe(200);
		await owner.request(`/api/plans/${planId}/umsetzung/massnahmen/${ids.hidden}/sachstand`, {
			method: 'POST',
			json: { date: '2026-12-01', text: 'Geheimer Zwischenstand Kaufpreis' }
		});
		const ind = await owner.request(`/api/plans/${planId}/indikatoren`, {
			method: 'POST',
			json: {
				goalId: ids.goal,
				name: 'Kursplätze',
				unit: 'Plätze',
				baseline: { value: 120, date: '2026-01-01' },
				target: { value: 200, date: '2028-12-31' }
			}
		});
		expect(ind.status).toBe(201);
		const indicatorId = (await ind.json()).id as string;
		expect(
			(
				await owner.request(`/api/plans/${planId}/indikatoren/${indicatorId}/werte`, {
					method: 'POST',
					json: { value: 150, date: '2026-10-01', source: 'Volkshochschule' }
				})
			).status
		).toBe(201);

		const res = await publish();
		expect(res.status).toBe(201);
		const pub = (await res.json()) as Publication;
		expect(pub.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
		expect(pub.path).toBe(`/umsetzung/${pub.token}`);

		const json = await anon(`/api/public/umsetzung/${pub.token}`);
		expect(json.status).toBe(200);
		expect(json.headers.get('x-robots-tag')).toBe('noindex');
		const text = await json.text();
		const model = JSON.parse(text) as PublicProgress;
		expect(model.adoption).toEqual({
			date: '2026-11-30',
			body: 'Stadtrat',
			reference: 'Beschluss 2026/17'
		});
		expect(model.rollUp.total).toBe(1);
		expect(model.fields[0].goals[0].measures).toMatchObject([
			{
				title: 'Sprachcafé im Stadtteil',
				status: 'in_umsetzung',
				progress: 40,
				office: 'Amt für Integration',
				latestNote: { date: '2026-12-01', text: 'Erste Treffen mit 25 Gästen.' }
			}
		]);
		expect(model.fields[0].goals[0].indicators[0].values).toHaveLength(1);

		const page = await anon(pub.path);
		expect(page.status).toBe(200);
		expect(page.headers.get('cache-control')).toBe('no-store');
		expect(page.headers.get('x-robots-tag')).toBe('noindex');
		const html = await page.text();
		expect(html).toContain('Sprachcafé im Stadtteil');
		expect(html).toContain('in Umsetzung');
		expect(html).toContain('Erste Treffen mit 25 Gästen.');
		expect(html).toContain('Sachstand vom 01.12.2026');
		expect(html).toContain('<svg');
		expect(html).toContain('Werte: Kursplätze');
		expect(html).toContain('Volkshochschule');
		// no JavaScript on the page, the legal links in the footer
		expect(html).not.toMatch(/<script[^>]*src=/);
		for (const link of ['impressum', 'datenschutz', 'barrierefreiheit'])
			expect(html).toMatch(new RegExp(`href="(\\.\\./)*/?${link}"`));

		// The report PDF offered on the page: the public measure and its latest Sachstand, no more.
		expect(html).toContain(`/api/public/umsetzung/${pub.token}/bericht.pdf`);
		const pdfRes = await anon(`/api/public/umsetzung/${pub.token}/bericht.pdf`);
		expect(pdfRes.status).toBe(200);
		expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
		const pdfText = (await readPdf(new Uint8Array(await pdfRes.arrayBuffer()))).pages
			.map((p) => p.replace(/\s+/g, ' '))
			.join(' ');
		expect(pdfText).toContain('Sprachcafé im Stadtteil');
		expect(pdfText).toContain('Erste Treffen mit 25 Gästen.');

		for (const [where, body] of [
			['JSON', text],
			['HTML', html],
			['PDF', pdfText]
		]) {
			for (const secret of [
				'Vertrauliche Verhandlung Liegenschaft',
				ids.hidden,
				'Geheimer Zwischenstand',
				'Frau Kontakt',
				'kontakt@stadt.example',
				'98765',
				'Räume gefunden',
				ADMIN_ENV.MITPLAN_ADMIN_EMAIL
			]) {
				expect(body, `${where}: ${secret}`).not.toContain(secret);
			}
		}
	});

	it('a new link replaces the old one; a revoked link is a 404 like any other', async () => {
		const first = (await (await publish()).json()) as Publication;
		const second = (await (await publish()).json()) as Publication;
		expect(second.token).not.toBe(first.token);
		expect((await anon(first.path)).status).toBe(404);
		expect((await anon(second.path)).status).toBe(200);
		const revoked = await owner.request(`/api/plans/${planId}/umsetzung/veroeffentlichung`, {
			method: 'DELETE'
		});
		expect(revoked.status).toBe(200);
		const gone = await anon(second.path);
		expect(gone.status).toBe(404);
		expect(await gone.text()).toMatch(NOT_FOUND);
		expect((await anon(`/api/public/umsetzung/${second.token}`)).status).toBe(404);
		expect((await anon(`/api/public/umsetzung/${second.token}/bericht.pdf`)).status).toBe(404);
		const again = (await (await publish()).json()) as Publication;
		expect(again.token).not.toBe(second.token);
		expect((await anon(again.path)).status).toBe(200);
	});

	it('several measures become "nicht öffentlich" at once (and public again)', async () => {
		const pub = (await (await publish()).json()) as Publication;
		const bulk = (body: unknown) =>
			owner.request(`/api/plans/${planId}/umsetzung/sammel`, { method: 'POST', json: body });
		const hidden = await bulk({ measureIds: [ids.shown, ids.hidden], public: false });
		expect(hidden.status).toBe(200);
		expect((await hidden.json()).updated).toHaveLength(2);
		const none = (await (
			await anon(`/api/public/umsetzung/${pub.token}`)
		).json()) as PublicProgress;
		expect(none.rollUp.total).toBe(0);
		expect(await (await anon(pub.path)).text()).not.toContain('Sprachcafé im Stadtteil');
		// a status without a reason is still refused
		expect((await bulk({ measureIds: [ids.shown], status: 'geplant' })).status).toBe(400);
		expect((await bulk({ measureIds: [ids.shown], public: true })).status).toBe(200);
		const back = (await (
			await anon(`/api/public/umsetzung/${pub.token}`)
		).json()) as PublicProgress;
		expect(back.fields[0].goals[0].measures.map((m) => m.title)).toEqual([
			'Sprachcafé im Stadtteil'
		]);
	});

	it('deleting the plan takes the link with it (nothing left in the store)', async () => {
		const pub = (await (await publish()).json()) as Publication;
		expect((await anon(pub.path)).status).toBe(200);
		const deleted = await owner.request(`/api/plans/${planId}`, { method: 'DELETE' });
		expect(deleted.status).toBe(204);
		expect((await anon(pub.path)).status).toBe(404);
		expect((await anon(`/api/public/umsetzung/${pub.token}`)).status).toBe(404);
		if (redis) {
			const client = createClient({ url: redis.url });
			await client.connect();
			expect(await client.keys('*um:pub*')).toEqual([]);
			await client.close();
		}
	});
});

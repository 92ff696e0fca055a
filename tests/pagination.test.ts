/**
 * Pagination of list endpoints against the production bundle: `?limit=&cursor=` pages of a JSON
 * array, `X-Next-Cursor` and `Link` while more follow, every entry exactly once across the pages,
 * the whole list without parameters (existing clients), 400 for a bad limit or cursor. Tested on
 * the plan list, members, invites, versions, the audit log, the accounts list, and (on a plan
 * with the example content) Sitzungen, votes, indicators, the decision log, a round's submissions,
 * the consideration table and the review queue.
 * Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
let planId: string;
let examplePlanId: string;
let roundId: string;

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	planId = (await createPlanViaApi(admin, 'Seiten')).planId;
	for (let i = 0; i < 4; i++) await createPlanViaApi(admin, `Weiterer Plan ${i}`);
	for (let i = 0; i < 5; i++) {
		const add = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email: `person${i}@mitplan.test`, role: 'viewer' }
		});
		expect(add.status).toBe(201);
		const invite = await admin.request(`/api/plans/${planId}/invites`, {
			method: 'POST',
			json: { role: 'viewer', expiresAt: Date.now() + 86_400_000, maxUses: 5, allowGuests: false }
		});
		expect(invite.status).toBe(201);
		const version = await admin.request(`/api/plans/${planId}/versions`, {
			method: 'POST',
			json: { name: `Stand ${i}` }
		});
		expect(version.status).toBe(201);
	}
	for (let i = 0; i < 4; i++) {
		const user = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email: `konto${i}@mitplan.test`, name: `Konto ${i}`, password: 'passwort-1234567' }
		});
		expect(user.status).toBe(201);
	}
	await fillExamplePlan();
});

/** The example plan with 3 sessions, votes, indicators, decisions and checks in the queue. */
async function fillExamplePlan() {
	const created = await admin.request('/api/plans', {
		method: 'POST',
		json: { title: 'Seiten mit Inhalt', example: true }
	});
	expect(created.status).toBe(201);
	examplePlanId = ((await created.json()) as { id: string }).id;
	const base = `/api/plans/${examplePlanId}`;
	const plan = (await (await admin.request(base)).json()) as {
		fields: { id: string; goals: { id: string; measures: { id: string }[] }[] }[];
	};
	const goalId = plan.fields[0].goals[0].id;
	const measureIds = plan.fields.flatMap((f) =>
		f.goals.flatMap((g) => g.measures.map((m) => m.id))
	);
	const post = async (path: string, json: Record<string, unknown>) => {
		const res = await admin.request(`${base}${path}`, { method: 'POST', json });
		expect(res.status, `${path} ${await res.clone().text()}`).toBeLessThan(300);
		return (await res.json()) as { id: string };
	};
	let sessionId = '';
	for (let i = 0; i < 3; i++) {
		sessionId = (await post('/sitzungen', { title: `Sitzung ${i}`, date: `2026-0${i + 1}-15` })).id;
		await post('/votes', { title: `Abstimmung ${i}`, targetIds: measureIds.slice(0, 3) });
		await post('/indikatoren', { goalId, name: `Indikator ${i}` });
	}
	await post(`/sitzungen/${sessionId}/steuerung`, { action: 'start' });
	for (let i = 0; i < 3; i++) {
		await post(`/sitzungen/${sessionId}/protokoll/eintraege`, {
			kind: 'decision',
			text: `Beschluss ${i}`
		});
	}
	// A public round with 3 submissions (the round's list and the consideration table).
	const hour = 3_600_000;
	const round = (await post('/rounds', {
		title: 'Rückmeldung',
		fieldIds: [plan.fields[0].id],
		startsAt: new Date(Date.now() - hour).toISOString(),
		endsAt: new Date(Date.now() + 48 * hour).toISOString()
	})) as { id: string; token: string };
	roundId = round.id;
	for (let i = 0; i < 3; i++) {
		const sent = await fetch(`${server.httpUrl}/api/public/rounds/${round.token}/submissions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				kind: 'proposal_measure',
				targetId: goalId,
				title: `Vorschlag ${i}`,
				text: 'Ein Sprachcafé im Stadtteil.',
				consent: true
			})
		});
		expect(sent.status).toBe(201);
	}
	// Checks held by an office, nobody named: they wait in the owner's review queue.
	await post('/checks', {
		measureIds: measureIds.slice(0, 3),
		office: 'Bauamt',
		dueDate: '2030-01-31'
	});
}

/** Follows `X-Next-Cursor` from the first page of `limit`; returns the pages. */
async function allPages(path: string, limit: number) {
	const pages: unknown[][] = [];
	let url = `${path}${path.includes('?') ? '&' : '?'}limit=${limit}`;
	for (let i = 0; i < 50; i++) {
		const res = await admin.request(url);
		expect(res.status).toBe(200);
		const page = (await res.json()) as unknown[];
		expect(Array.isArray(page)).toBe(true);
		pages.push(page);
		const next = res.headers.get('x-next-cursor');
		const link = res.headers.get('link');
		if (!next) {
			expect(link).toBeNull();
			break;
		}
		expect(link).toMatch(/^<\/api\/[^>]+cursor=\d+[^>]*>; rel="next"$/);
		url = link!.slice(1, link!.indexOf('>'));
	}
	return pages;
}

/** A row as text, without the server's clock (votes carry `serverNow`, fresh on every page). */
const key = (row: unknown) => JSON.stringify(row, (k, v: unknown) => (k === 'serverNow' ? 0 : v));

describe('paginated lists', () => {
	const lists = () =>
		[
			['/api/plans', 5],
			[`/api/plans/${planId}/members`, 6],
			[`/api/plans/${planId}/invites`, 5],
			[`/api/plans/${planId}/versions`, 5],
			[`/api/plans/${planId}/audit`, 11],
			['/api/admin/users', 5],
			[`/api/plans/${examplePlanId}/sitzungen`, 3],
			[`/api/plans/${examplePlanId}/votes`, 3],
			[`/api/plans/${examplePlanId}/indikatoren`, 3],
			[`/api/plans/${examplePlanId}/sitzungen/beschluesse`, 3],
			[`/api/plans/${examplePlanId}/rounds/${roundId}/submissions`, 3],
			[`/api/plans/${examplePlanId}/rounds/abwaegung`, 3],
			[`/api/plans/${examplePlanId}/rounds/abwaegung?roundId=${roundId}`, 3],
			['/api/review-queue', 3]
		] as const;

	it('split into pages of `limit`, every entry once, in the order of the whole list', async () => {
		for (const [path, atLeast] of lists()) {
			const whole = (await (await admin.request(path)).json()) as unknown[];
			expect(whole.length, path).toBeGreaterThanOrEqual(atLeast);
			const pages = await allPages(path, 2);
			expect(pages.length, path).toBe(Math.ceil(whole.length / 2));
			expect(
				pages.every((p, i) => p.length === (i < pages.length - 1 ? 2 : whole.length - 2 * i)),
				path
			).toBe(true);
			expect(pages.flat().map(key), path).toEqual(whole.map(key));
		}
	});

	it('answer the whole list without parameters (no next page for short lists)', async () => {
		const res = await admin.request(`/api/plans/${planId}/members`);
		expect(res.headers.get('x-next-cursor')).toBeNull();
		expect(((await res.json()) as unknown[]).length).toBe(6);
	});

	it('refuse a bad limit or cursor with 400', async () => {
		for (const q of ['limit=0', 'limit=1001', 'limit=zwei', 'cursor=-1', 'cursor=abc']) {
			const res = await admin.request(`/api/plans/${planId}/members?${q}`);
			expect(res.status, q).toBe(400);
			const { error } = (await res.json()) as { error: { code: string } };
			expect(['invalid_limit', 'invalid_cursor']).toContain(error.code);
		}
		// The audit log keeps its own, larger bound.
		expect((await admin.request(`/api/plans/${planId}/audit?limit=5000`)).status).toBe(200);
		expect((await admin.request(`/api/plans/${planId}/audit?limit=5001`)).status).toBe(400);
	});
});

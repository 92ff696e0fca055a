/**
 * Over 400 lines because it lists every access rule of issue 4 against one shared production server; each describe block is one rule group.
 *
 * Access rules of issue 4 against the production bundle over real HTTP and websockets: every
 * test here fails if its rule is missing. Needs `npm run build` (done by `npm test`).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createItem, readPlan, type PlanJson } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import {
	ADMIN_ENV,
	createPlanViaApi,
	login,
	syncTokenViaApi,
	type HttpSession
} from './helpers/auth';
import { connectClient, rawSocket, waitFor, type TestClient } from './helpers/clients';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let data: ReturnType<typeof tempDir>;
let admin: HttpSession;
const clients: TestClient[] = [];

beforeAll(async () => {
	data = tempDir();
	server = await spawnServer({
		DATA_DIR: data.dir,
		SEED_EXAMPLE_PLAN: 'false',
		SYNC_MAX_CONNECTIONS_PER_USER: '3',
		LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
		...ADMIN_ENV
	});
	admin = await login(server.httpUrl);
});

afterEach(() => {
	for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
	await server.stop();
	data.remove();
});

function client(planId: string, token: string, name = 'Test'): TestClient {
	const c = connectClient(server.wsUrl, planId, name, token);
	clients.push(c);
	return c;
}

let userCount = 0;
/** A new account (created by the administrator) and its signed-in session. */
async function newUser(
	name = 'Person'
): Promise<{ id: string; email: string; session: HttpSession }> {
	const email = `person${++userCount}@mitplan.test`;
	const password = `passwort-${userCount}-lang`;
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	const { id } = (await res.json()) as { id: string };
	return { id, email, session: await login(server.httpUrl, email, password) };
}

async function addMember(planId: string, email: string, role: string) {
	const res = await admin.request(`/api/plans/${planId}/members`, {
		method: 'POST',
		json: { email, role }
	});
	expect(res.status).toBe(201);
}

async function errorCode(res: Response): Promise<string> {
	return ((await res.json()) as { error: { code: string } }).error.code;
}

/** Resolves with the close code once a y-websocket client's connection is closed by the server. */
function nextClose(c: TestClient): Promise<number> {
	return new Promise((resolve) => {
		const onClose = (event: CloseEvent | null) => {
			c.provider.off('connection-close', onClose);
			resolve(event?.code ?? 0);
		};
		c.provider.on('connection-close', onClose);
	});
}

describe('without a session', () => {
	it('the API answers 401 and the websocket is refused with 4001', async () => {
		const { planId } = await createPlanViaApi(admin, 'Geheimer Entwurf');
		for (const path of ['/api/plans', `/api/plans/${planId}`, `/api/plans/${planId}/members`]) {
			const res = await fetch(`${server.httpUrl}${path}`);
			expect(res.status, path).toBe(401);
			expect(await errorCode(res)).toBe('unauthenticated');
		}
		const s = rawSocket(`${server.wsUrl}/sync/${planId}`);
		expect((await s.closed).code).toBe(CloseCode.Unauthenticated);
	});

	it('malformed and unknown session cookies are treated as no session', async () => {
		for (const cookie of [
			'mitplan_session=',
			'mitplan_session=%E0%A4%A',
			`mitplan_session=${'x'.repeat(5000)}`,
			'mitplan_session=abc'
		]) {
			const res = await fetch(`${server.httpUrl}/api/plans`, { headers: { cookie } });
			expect(res.status, cookie.slice(0, 30)).toBe(401);
		}
	});

	it('pages redirect to the sign-in page', async () => {
		const res = await fetch(`${server.httpUrl}/plans/irgendwas`, { redirect: 'manual' });
		expect(res.status).toBe(303);
		expect(res.headers.get('location')).toBe('/anmelden?next=%2Fplans%2Firgendwas');
	});
});

describe('plans are separated', () => {
	it('a member of plan A cannot read, sync or list plan B', async () => {
		const a = await createPlanViaApi(admin, 'Plan A');
		const b = await createPlanViaApi(admin, 'Plan B');
		const anna = await newUser('Anna');
		await addMember(a.planId, anna.email, 'editor');

		expect((await anna.session.request(`/api/plans/${a.planId}`)).status).toBe(200);
		const read = await anna.session.request(`/api/plans/${b.planId}`);
		expect(read.status).toBe(404);
		expect(await errorCode(read)).toBe('plan_not_found');
		expect(
			(await anna.session.request(`/api/plans/${b.planId}/sync-token`, { method: 'POST' })).status
		).toBe(404);
		expect((await anna.session.request(`/api/plans/${b.planId}/members`)).status).toBe(404);
		const list = (await (await anna.session.request('/api/plans')).json()) as Array<{
			id: string;
			role: string;
		}>;
		expect(list.map((p) => [p.id, p.role])).toEqual([[a.planId, 'editor']]);

		// Her cookie does not open plan B's websocket, and her token for A is no key to B.
		const byCookie = rawSocket(`${server.wsUrl}/sync/${b.planId}`, undefined, {
			cookie: anna.session.cookie
		});
		expect((await byCookie.closed).code).toBe(CloseCode.Forbidden);
		const tokenA = await syncTokenViaApi(anna.session, a.planId);
		const byToken = rawSocket(`${server.wsUrl}/sync/${b.planId}`, tokenA);
		expect((await byToken.closed).code).toBe(CloseCode.Unauthenticated);
	});

	it('an editor cannot manage members, invites or delete the plan', async () => {
		const { planId } = await createPlanViaApi(admin, 'Nur für die Steuerung');
		const ed = await newUser('Ed');
		await addMember(planId, ed.email, 'editor');
		const attempts: Array<[string, RequestInit & { json?: unknown }]> = [
			[
				`/api/plans/${planId}/members`,
				{ method: 'POST', json: { email: ed.email, role: 'owner' } }
			],
			[`/api/plans/${planId}/invites`, { method: 'GET' }],
			[`/api/plans/${planId}/audit`, { method: 'GET' }],
			[`/api/plans/${planId}`, { method: 'PATCH', json: { title: 'Übernommen' } }],
			[`/api/plans/${planId}`, { method: 'DELETE' }]
		];
		for (const [path, init] of attempts) {
			const res = await ed.session.request(path, init);
			expect(res.status, `${init.method} ${path}`).toBe(403);
		}
		expect((await admin.request(`/api/plans/${planId}`)).status).toBe(200);
	});
});

describe('read-only connections', () => {
	it.each(['viewer', 'reviewer'])(
		'a %s receives updates but its own are neither applied, stored nor relayed',
		async (role) => {
			const { planId, token: ownerToken } = await createPlanViaApi(admin, `Lesen als ${role}`);
			const reader = await newUser(role);
			await addMember(planId, reader.email, role);
			const owner = client(planId, ownerToken, 'Owner');
			const ro = client(planId, await syncTokenViaApi(reader.session, planId), role);
			await Promise.all([owner.synced, ro.synced]);

			const sneaky = createItem(ro.doc, { type: 'field', values: { title: 'Eingeschleust' } });
			expect(sneaky.ok).toBe(true);
			const fromOwner = createItem(owner.doc, { type: 'field', values: { title: 'Vom Owner' } });
			const ownerFieldId = fromOwner.ok ? fromOwner.value : '';
			// The read-only client still receives the owner's edit…
			await waitFor(() => ro.doc.getMap('items').has(ownerFieldId), 'owner edit reaches reader');
			// …and the owner (and so the server) never gets the reader's.
			await new Promise((r) => setTimeout(r, 300));
			expect(readPlan(owner.doc, planId).fields.map((f) => f.title)).toEqual(['Vom Owner']);
			const stored = (await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
			expect(stored.fields.map((f) => f.title)).toEqual(['Vom Owner']);
			// A newcomer loading from the server does not see it either.
			const late = client(planId, ownerToken, 'Late');
			await late.synced;
			expect(readPlan(late.doc, planId).fields.map((f) => f.title)).toEqual(['Vom Owner']);
		}
	);
});

describe('revoking access', () => {
	it('ends the connection of a removed member; reconnecting is refused', async () => {
		const { planId } = await createPlanViaApi(admin, 'Entzug');
		const eve = await newUser('Eve');
		await addMember(planId, eve.email, 'editor');
		const c = client(planId, await syncTokenViaApi(eve.session, planId), 'Eve');
		await c.synced;
		const closes: number[] = [];
		c.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
		const res = await admin.request(`/api/plans/${planId}/members/${eve.id}`, { method: 'DELETE' });
		expect(res.status).toBe(204);
		await waitFor(() => closes.includes(CloseCode.AccessChanged), 'closed with 4005');
		await waitFor(() => closes.includes(CloseCode.Forbidden), 'reconnect refused with 4003');
	});

	it('a downgrade to viewer reconnects read-only', async () => {
		const { planId, token: ownerToken } = await createPlanViaApi(admin, 'Herabstufung');
		const dan = await newUser('Dan');
		await addMember(planId, dan.email, 'editor');
		const owner = client(planId, ownerToken, 'Owner');
		const d = client(planId, await syncTokenViaApi(dan.session, planId), 'Dan');
		await Promise.all([owner.synced, d.synced]);
		const closed = nextClose(d);
		const res = await admin.request(`/api/plans/${planId}/members/${dan.id}`, {
			method: 'PATCH',
			json: { role: 'viewer' }
		});
		expect(res.status).toBe(200);
		expect(await closed).toBe(CloseCode.AccessChanged);
		await waitFor(() => d.provider.wsconnected && d.provider.synced, 'reconnected');
		const made = createItem(d.doc, { type: 'field', values: { title: 'Nach Herabstufung' } });
		expect(made.ok).toBe(true);
		await new Promise((r) => setTimeout(r, 300));
		expect(readPlan(owner.doc, planId).fields).toHaveLength(0);
	});
});

describe('invites', () => {
	async function invite(planId: string, body: Record<string, unknown>) {
		const res = await admin.request(`/api/plans/${planId}/invites`, {
			method: 'POST',
			json: {
				role: 'editor',
				expiresAt: Date.now() + 3600_000,
				maxUses: 5,
				allowGuests: true,
				...body
			}
		});
		expect(res.status).toBe(201);
		return (await res.json()) as { invite: { id: string }; token: string; url: string };
	}

	const guestJoin = (token: string, name = 'Gast') =>
		fetch(`${server.httpUrl}/api/invites/${token}/guest`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name })
		});

	it('a guest joins with a name only, edits, and loses access when the invite is revoked', async () => {
		const { planId, token: ownerToken } = await createPlanViaApi(admin, 'Sitzung im Rathaus');
		const inv = await invite(planId, {});
		expect(inv.url).toContain(`/einladung/${inv.token}`);
		const info = await fetch(`${server.httpUrl}/api/invites/${inv.token}`);
		expect(await info.json()).toMatchObject({
			planTitle: 'Sitzung im Rathaus',
			role: 'editor',
			allowGuests: true
		});

		const joined = await guestJoin(inv.token, 'Frau Gast');
		expect(joined.status).toBe(200);
		const cookie = (joined.headers.get('set-cookie') ?? '').split(';')[0];
		expect(joined.headers.get('set-cookie')).toMatch(/HttpOnly/i);
		expect(joined.headers.get('set-cookie')).toMatch(/SameSite=Lax/i);
		const guest: HttpSession = {
			cookie,
			request: (path, init = {}) =>
				fetch(`${server.httpUrl}${path}`, { ...init, headers: { cookie } })
		};
		const me = (await (await guest.request('/api/auth/me')).json()) as {
			principal: { kind: string; name: string };
		};
		expect(me.principal).toMatchObject({ kind: 'guest', name: 'Frau Gast' });
		// The guest sees only this plan and cannot create plans.
		expect((await guest.request('/api/plans')).status).toBe(200);
		const create = await fetch(`${server.httpUrl}/api/plans`, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' },
			body: JSON.stringify({ title: 'Vom Gast' })
		});
		expect(create.status).toBe(403);

		const owner = client(planId, ownerToken, 'Owner');
		const g = client(planId, await syncTokenViaApi(guest, planId), 'Frau Gast');
		await Promise.all([owner.synced, g.synced]);
		const field = createItem(g.doc, { type: 'field', values: { title: 'Idee vom Gast' } });
		const fieldId = field.ok ? field.value : '';
		await waitFor(() => owner.doc.getMap('items').has(fieldId), 'guest edit reaches the owner');

		const closes: number[] = [];
		g.provider.on('connection-close', (event: CloseEvent | null) => closes.push(event?.code ?? 0));
		const revoked = await admin.request(`/api/plans/${planId}/invites/${inv.invite.id}`, {
			method: 'DELETE'
		});
		expect(revoked.status).toBe(200);
		await waitFor(() => closes.includes(CloseCode.AccessChanged), 'guest connection closed');
		await waitFor(() => closes.includes(CloseCode.Unauthenticated), 'guest reconnect refused');
		expect((await guest.request(`/api/plans/${planId}`)).status).toBe(401);
		expect((await guestJoin(inv.token)).status).toBe(410);
	});

	it('refuses revoked, used-up, expired and unknown invites with clear codes', async () => {
		const { planId } = await createPlanViaApi(admin, 'Einladungen');
		const once = await invite(planId, { maxUses: 1 });
		expect((await guestJoin(once.token)).status).toBe(200);
		const usedUp = await guestJoin(once.token);
		expect(usedUp.status).toBe(410);
		expect(await errorCode(usedUp)).toBe('invite_used_up');

		const soon = await invite(planId, { expiresAt: Date.now() + 1200 });
		await new Promise((r) => setTimeout(r, 1500));
		const expired = await guestJoin(soon.token);
		expect(expired.status).toBe(410);
		expect(await errorCode(expired)).toBe('invite_expired');

		const unknown = await fetch(`${server.httpUrl}/api/invites/gibt-es-nicht`);
		expect(unknown.status).toBe(404);

		const noGuests = await invite(planId, { allowGuests: false });
		const refused = await guestJoin(noGuests.token);
		expect(refused.status).toBe(403);
		expect(await errorCode(refused)).toBe('guests_not_allowed');
	});

	it('never hands out more uses than allowed, even in parallel', async () => {
		const { planId } = await createPlanViaApi(admin, 'Ansturm');
		const inv = await invite(planId, { maxUses: 3 });
		const results = await Promise.all(
			Array.from({ length: 10 }, (_, i) => guestJoin(inv.token, `Gast ${i}`))
		);
		expect(results.filter((r) => r.status === 200)).toHaveLength(3);
	});
});

describe('sync tokens and origins', () => {
	it('refuses forged and tampered tokens', async () => {
		const { planId, token } = await createPlanViaApi(admin, 'Token');
		const [payload, signature] = token.split('.');
		const forged = [
			'kein-token',
			`${payload}.${signature.slice(0, -2)}xx`,
			`${Buffer.from(JSON.stringify({ planId, exp: Date.now() + 1e9 })).toString('base64url')}.${signature}`,
			''
		];
		for (const t of forged) {
			const s = rawSocket(`${server.wsUrl}/sync/${planId}?token=${encodeURIComponent(t)}`);
			expect((await s.closed).code, t.slice(0, 20)).toBe(CloseCode.Unauthenticated);
		}
	});

	it('refuses a cross-origin websocket upgrade even with a valid session cookie', async () => {
		const { planId } = await createPlanViaApi(admin, 'Herkunft');
		const evil = rawSocket(`${server.wsUrl}/sync/${planId}`, undefined, {
			cookie: admin.cookie,
			origin: 'https://evil.example'
		});
		expect((await evil.closed).code).toBe(CloseCode.CrossOrigin);
		const own = rawSocket(`${server.wsUrl}/sync/${planId}`, undefined, {
			cookie: admin.cookie,
			origin: server.httpUrl
		});
		await own.opened;
		own.ws.close();
	});

	it('refuses cross-origin writes over HTTP', async () => {
		const res = await admin.request('/api/plans', {
			method: 'POST',
			json: { title: 'Von fremder Seite' },
			headers: { origin: 'https://evil.example' }
		});
		expect(res.status).toBe(403);
		expect(await errorCode(res)).toBe('cross_origin');
	});

	it('bounds the connections of one person', async () => {
		const { planId } = await createPlanViaApi(admin, 'Viele Tabs');
		const tabs = await newUser('Viele Tabs');
		await addMember(planId, tabs.email, 'viewer');
		const token = await syncTokenViaApi(tabs.session, planId);
		const open = [0, 1, 2].map(() => rawSocket(`${server.wsUrl}/sync/${planId}`, token));
		await Promise.all(open.map((s) => s.opened));
		const fourth = rawSocket(`${server.wsUrl}/sync/${planId}`, token);
		expect((await fourth.closed).code).toBe(CloseCode.TooManyConnections);
		for (const s of open) s.ws.close();
	});
});

describe('accounts', () => {
	it('slows down password guessing with 429 and Retry-After', async () => {
		const victim = await newUser('Opfer');
		const attempt = () =>
			fetch(`${server.httpUrl}/api/auth/login`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: victim.email, password: 'falsch-falsch' })
			});
		for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
		const blocked = await attempt();
		expect(blocked.status).toBe(429);
		expect(await errorCode(blocked)).toBe('too_many_attempts');
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('a disabled account loses its session', async () => {
		const bob = await newUser('Bob');
		expect((await bob.session.request('/api/auth/me')).status).toBe(200);
		const res = await admin.request(`/api/admin/users/${bob.id}`, {
			method: 'PATCH',
			json: { disabled: true }
		});
		expect(res.status).toBe(200);
		expect((await bob.session.request('/api/auth/me')).status).toBe(401);
	});

	it('only administrators manage accounts', async () => {
		const carla = await newUser('Carla');
		const res = await carla.session.request('/api/admin/users');
		expect(res.status).toBe(403);
	});

	it('answers huge bodies with 413 and keeps serving', async () => {
		const res = await admin.request('/api/plans', {
			method: 'POST',
			body: JSON.stringify({ title: 'x'.repeat(200_000) }),
			headers: { 'content-type': 'application/json' }
		});
		expect(res.status).toBe(413);
		expect((await admin.request('/api/plans')).status).toBe(200);
	});

	it('never reveals a stack trace', async () => {
		const res = await admin.request('/api/plans', {
			method: 'POST',
			body: '{"title": ',
			headers: { 'content-type': 'application/json' }
		});
		expect(res.status).toBe(400);
		const text = await res.text();
		expect(text).not.toMatch(/at .*\.(ts|js):\d+/);
	});
});

/**
 * Personal API tokens against the production bundle over real HTTP (raw fetch): created on the
 * account, shown once, used as `Authorization: Bearer mp_…`, bounded by their plans and highest
 * role and by the account's own role at request time, revocable, expiring, never usable for
 * account management, not stopped by the Origin check (no cookie), failures rate-limited.
 * Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
let planA: string;
let planB: string;

interface Created {
	token: string;
	info: { id: string; name: string; planIds: string[] | null; maxRole: string };
}

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	planA = (await createPlanViaApi(admin, 'Plan A')).planId;
	planB = (await createPlanViaApi(admin, 'Plan B')).planId;
});

async function createToken(session: HttpSession, body: Record<string, unknown>): Promise<Created> {
	const res = await session.request('/api/auth/tokens', { method: 'POST', json: body });
	expect(res.status, await res.clone().text()).toBe(201);
	return (await res.json()) as Created;
}

/** A raw request with a token and nothing else (no cookie). */
function bearer(token: string, path: string, init: RequestInit & { json?: unknown } = {}) {
	const headers = new Headers(init.headers);
	headers.set('authorization', `Bearer ${token}`);
	let body = init.body;
	if (init.json !== undefined) {
		headers.set('content-type', 'application/json');
		body = JSON.stringify(init.json);
	}
	return fetch(`${server.httpUrl}${path}`, { ...init, headers, body });
}

const thread = (token: string, planId: string, origin?: string) =>
	bearer(token, `/api/plans/${planId}/threads`, {
		method: 'POST',
		headers: origin ? { origin } : {},
		json: { itemId: null, body: 'Aus einem Skript' }
	});

describe('personal API tokens', () => {
	it('is shown once, listed without its secret, and acts as the account', async () => {
		const { token, info } = await createToken(admin, { name: 'Skript', maxRole: 'editor' });
		expect(token).toMatch(/^mp_[A-Za-z0-9_-]{43}$/);
		const listed = await (await admin.request('/api/auth/tokens')).text();
		expect(listed).not.toContain(token.slice(3));
		const rows = JSON.parse(listed) as Array<Record<string, unknown>>;
		expect(rows.find((r) => r.id === info.id)).toMatchObject({
			name: 'Skript',
			planIds: null,
			maxRole: 'editor',
			lastUsedAt: null
		});
		const plans = await bearer(token, '/api/plans');
		expect(plans.status).toBe(200);
		const list = (await plans.json()) as Array<{ id: string; role: string }>;
		expect(list.map((p) => p.id).sort()).toEqual([planA, planB].sort());
		// The admin owns both plans; the token acts at most as editor.
		expect(new Set(list.map((p) => p.role))).toEqual(new Set(['editor']));
		const again = (await (await admin.request('/api/auth/tokens')).json()) as Array<{
			id: string;
			lastUsedAt: string | null;
		}>;
		expect(again.find((r) => r.id === info.id)?.lastUsedAt).toEqual(expect.any(String));
	});

	it('caps the role: an editor token on an owner account does no owner-only actions', async () => {
		const editor = await createToken(admin, { name: 'Bearbeiten', maxRole: 'editor' });
		const viewer = await createToken(admin, { name: 'Lesen', maxRole: 'viewer' });
		const patch = await bearer(editor.token, `/api/plans/${planA}`, {
			method: 'PATCH',
			json: { title: 'Umbenannt' }
		});
		expect(patch.status).toBe(403);
		expect((await bearer(editor.token, `/api/plans/${planA}/audit`)).status).toBe(403);
		expect((await thread(editor.token, planA)).status).toBe(201);
		expect((await thread(viewer.token, planA)).status).toBe(403);
		expect((await bearer(viewer.token, `/api/plans/${planA}`)).status).toBe(200);
		const access = (await (await bearer(viewer.token, `/api/plans/${planA}/access`)).json()) as {
			role: string;
		};
		expect(access.role).toBe('viewer');
		// A sync token for the websocket keeps the key's bounds (signed into its payload).
		const sync = await bearer(viewer.token, `/api/plans/${planA}/sync-token`, { method: 'POST' });
		expect(sync.status).toBe(200);
		const { token: syncToken } = (await sync.json()) as { token: string };
		const payload = JSON.parse(Buffer.from(syncToken.split('.')[0], 'base64url').toString());
		expect(payload.principal.apiToken).toMatchObject({ maxRole: 'viewer', planIds: null });
	});

	it('is limited to its plans: another plan answers 404, the plan list shows only its plans', async () => {
		const { token } = await createToken(admin, {
			name: 'Nur A',
			maxRole: 'editor',
			planIds: [planA]
		});
		expect((await bearer(token, `/api/plans/${planA}`)).status).toBe(200);
		expect((await bearer(token, `/api/plans/${planB}`)).status).toBe(404);
		expect((await thread(token, planB)).status).toBe(404);
		const list = (await (await bearer(token, '/api/plans')).json()) as Array<{ id: string }>;
		expect(list.map((p) => p.id)).toEqual([planA]);
		// …and creates no plans (it could not reach them).
		const create = await bearer(token, '/api/plans', { method: 'POST', json: { title: 'Neu' } });
		expect(create.status).toBe(403);
	});

	it('never gives more than the account has at request time', async () => {
		const email = 'skript-person@mitplan.test';
		const password = 'passwort-fuer-skripte';
		const made = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: 'Skript Person', password, mustChangePassword: false }
		});
		expect(made.status).toBe(201);
		const { id: userId } = (await made.json()) as { id: string };
		const add = await admin.request(`/api/plans/${planA}/members`, {
			method: 'POST',
			json: { email, role: 'viewer' }
		});
		expect(add.status).toBe(201);
		const person = await login(server.httpUrl, email, password);
		const { token } = await createToken(person, { name: 'Mehr als ich', maxRole: 'editor' });
		expect((await thread(token, planA)).status).toBe(403);
		const promote = await admin.request(`/api/plans/${planA}/members/${userId}`, {
			method: 'PATCH',
			json: { role: 'editor' }
		});
		expect(promote.status).toBe(200);
		expect((await thread(token, planA)).status).toBe(201);
		// A scope may only name plans the account is a member of.
		const foreign = await person.request('/api/auth/tokens', {
			method: 'POST',
			json: { name: 'Fremd', maxRole: 'viewer', planIds: [planB] }
		});
		expect(foreign.status).toBe(400);
	});

	it('cannot manage the account: no new tokens, no password change, no administration', async () => {
		const { token } = await createToken(admin, { name: 'Alles', maxRole: 'editor' });
		const mint = await bearer(token, '/api/auth/tokens', {
			method: 'POST',
			json: { name: 'Noch einer', maxRole: 'editor' }
		});
		expect(mint.status).toBe(403);
		expect(((await mint.json()) as { error: { code: string } }).error.code).toBe(
			'token_not_allowed'
		);
		expect((await bearer(token, '/api/auth/tokens')).status).toBe(403);
		const pw = await bearer(token, '/api/auth/password', {
			method: 'POST',
			json: { currentPassword: 'x', newPassword: 'y-y-y-y-y-y-y' }
		});
		expect(pw.status).toBe(403);
		expect((await bearer(token, '/api/admin/users')).status).toBe(403);
	});

	it('works cross-origin without cookies, where a cookie request is refused', async () => {
		const { token } = await createToken(admin, { name: 'Fremde Seite', maxRole: 'editor' });
		expect((await thread(token, planA, 'https://fremd.example')).status).toBe(201);
		const withCookie = await admin.request(`/api/plans/${planA}/threads`, {
			method: 'POST',
			headers: { origin: 'https://fremd.example' },
			json: { itemId: null, body: 'per Cookie' }
		});
		expect(withCookie.status).toBe(403);
	});

	it('answers 401 with a German message once revoked, and for unknown tokens', async () => {
		const { token, info } = await createToken(admin, { name: 'Weg damit', maxRole: 'viewer' });
		expect((await bearer(token, '/api/plans')).status).toBe(200);
		const revoke = await admin.request(`/api/auth/tokens/${info.id}`, { method: 'DELETE' });
		expect(revoke.status).toBe(204);
		const after = await bearer(token, '/api/plans');
		expect(after.status).toBe(401);
		const body = (await after.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('invalid_token');
		expect(body.error.message).toMatch(/API-Schlüssel.*ungültig, widerrufen oder abgelaufen/);
		const listed = (await (await admin.request('/api/auth/tokens')).json()) as Array<{
			id: string;
		}>;
		expect(listed.some((r) => r.id === info.id)).toBe(false);
		expect((await admin.request(`/api/auth/tokens/${info.id}`, { method: 'DELETE' })).status).toBe(
			404
		);
		// Creation and revocation are in the security audit of the plans the key reached.
		const audit = (await (
			await admin.request(`/api/plans/${planA}/audit?kind=security`)
		).json()) as Array<{ action: string; details: Record<string, unknown> }>;
		const mine = audit.filter((e) => e.details.tokenId === info.id).map((e) => e.action);
		expect(mine).toEqual(['api_token_revoked', 'api_token_created']);
		expect((await bearer(`mp_${'A'.repeat(43)}`, '/api/plans')).status).toBe(401);
		expect((await bearer('kein-schluessel', '/api/plans')).status).toBe(401);
	});

	it('expires', async () => {
		const past = await admin.request('/api/auth/tokens', {
			method: 'POST',
			json: { name: 'Gestern', maxRole: 'viewer', expiresAt: '2020-01-01' }
		});
		expect(past.status).toBe(400);
		const soon = new Date(Date.now() + 1500).toISOString();
		const { token, info } = await createToken(admin, {
			name: 'Kurz',
			maxRole: 'viewer',
			expiresAt: soon
		});
		expect(info).toMatchObject({ name: 'Kurz' });
		expect((await bearer(token, '/api/plans')).status).toBe(200);
		await new Promise((r) => setTimeout(r, 2000));
		const late = await bearer(token, '/api/plans');
		expect(late.status).toBe(401);
	});

	it('checks the input of a new token with the field named', async () => {
		const res = await admin.request('/api/auth/tokens', {
			method: 'POST',
			json: { name: 'Zu viel', maxRole: 'owner' }
		});
		expect(res.status).toBe(400);
		const { error } = (await res.json()) as { error: { code: string; field: string } };
		expect(error).toMatchObject({ code: 'invalid_input', field: 'maxRole' });
	});
});

describe('failed token attempts', () => {
	it('are rate-limited per address like logins (429 with Retry-After)', async () => {
		const own = await start();
		let last: Response | undefined;
		for (let i = 0; i < 21; i++) {
			last = await fetch(`${own.httpUrl}/api/plans`, {
				headers: { authorization: `Bearer mp_${String(i).padStart(43, 'x')}` }
			});
			if (i < 20) expect(last.status).toBe(401);
		}
		expect(last!.status).toBe(429);
		expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});

/**
 * Issue 12 item 10 (accounts) against the production bundle over real HTTP: who may create plans
 * (PLAN_CREATORS, enforced by the server), guests listed under the members and removable one by
 * one, and guests whose access ended are told why. Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { login, type HttpSession } from './helpers/auth';
import type { ServerProcess } from './helpers/server';
import { serverPool } from './helpers/server-pool';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });

let counter = 0;
async function newUser(server: ServerProcess, admin: HttpSession) {
	const email = `konto${++counter}@mitplan.test`;
	const password = `passwort-${counter}-lang-genug`;
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name: `Konto ${counter}`, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	const { id } = (await res.json()) as { id: string };
	return { id, email, session: await login(server.httpUrl, email, password) };
}

async function createPlan(session: HttpSession, title: string): Promise<Response> {
	return session.request('/api/plans', { method: 'POST', json: { title } });
}

async function guestJoin(server: ServerProcess, token: string, name: string): Promise<string> {
	const res = await fetch(`${server.httpUrl}/api/invites/${token}/guest`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name })
	});
	expect(res.status).toBe(200);
	return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

describe('PLAN_CREATORS', () => {
	let server: ServerProcess;
	let admin: HttpSession;

	beforeAll(async () => {
		server = await start();
		admin = await login(server.httpUrl);
	});

	it('default (editors): a reviewer-only account may not create plans; an editor may', async () => {
		const plan = (await (await createPlan(admin, 'Plan der Verwaltung')).json()) as { id: string };
		const kim = await newUser(server, admin);

		// no plan at all, then only reviewing: refused by the server, and the UI is told
		const res = await createPlan(kim.session, 'Eigener Plan');
		expect(res.status).toBe(403);
		expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
			'plan_creation_not_allowed'
		);
		await admin.request(`/api/plans/${plan.id}/members`, {
			method: 'POST',
			json: { email: kim.email, role: 'reviewer' }
		});
		expect((await createPlan(kim.session, 'Eigener Plan')).status).toBe(403);
		const me = (await (await kim.session.request('/api/auth/me')).json()) as {
			canCreatePlans: boolean;
		};
		expect(me.canCreatePlans).toBe(false);

		await admin.request(`/api/plans/${plan.id}/members/${kim.id}`, {
			method: 'PATCH',
			json: { role: 'editor' }
		});
		expect((await createPlan(kim.session, 'Eigener Plan')).status).toBe(201);
		const after = (await (await kim.session.request('/api/auth/me')).json()) as {
			canCreatePlans: boolean;
		};
		expect(after.canCreatePlans).toBe(true);
	});

	it('admins: only the Administration creates plans', async () => {
		const only = await start({ PLAN_CREATORS: 'admins' });
		const onlyAdmin = await login(only.httpUrl);
		const plan = (await (await createPlan(onlyAdmin, 'Plan')).json()) as { id: string };
		const ed = await newUser(only, onlyAdmin);
		await onlyAdmin.request(`/api/plans/${plan.id}/members`, {
			method: 'POST',
			json: { email: ed.email, role: 'editor' }
		});
		expect((await createPlan(ed.session, 'Nicht erlaubt')).status).toBe(403);
		expect((await createPlan(onlyAdmin, 'Erlaubt')).status).toBe(201);
	});

	it('the flag "darf Pläne anlegen": set and removed by the Administration only', async () => {
		const kim = await newUser(server, admin);
		const other = await newUser(server, admin);
		const me = async () =>
			((await (await kim.session.request('/api/auth/me')).json()) as { canCreatePlans: boolean })
				.canCreatePlans;
		const denied = await createPlan(kim.session, 'Ohne Recht');
		expect(denied.status).toBe(403);
		const body = (await denied.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('plan_creation_not_allowed');
		expect(body.error.message).toContain('Administration');
		expect(await me()).toBe(false);

		// another account cannot give itself (or anyone) the flag
		for (const who of [kim, other]) {
			const own = await who.session.request(`/api/admin/users/${kim.id}`, {
				method: 'PATCH',
				json: { canCreatePlans: true }
			});
			expect(own.status).toBe(403);
		}
		expect((await createPlan(kim.session, 'Immer noch nicht')).status).toBe(403);

		const set = await admin.request(`/api/admin/users/${kim.id}`, {
			method: 'PATCH',
			json: { canCreatePlans: true }
		});
		expect(set.status).toBe(200);
		expect(((await set.json()) as { canCreatePlans: boolean }).canCreatePlans).toBe(true);
		const listed = (await (await admin.request('/api/admin/users')).json()) as Array<{
			id: string;
			canCreatePlans: boolean;
		}>;
		expect(listed.find((u) => u.id === kim.id)?.canCreatePlans).toBe(true);
		expect(listed.find((u) => u.id === other.id)?.canCreatePlans).toBe(false);
		expect(await me()).toBe(true);
		const made = await createPlan(kim.session, 'Mit Recht');
		expect(made.status).toBe(201);
		// Owning a plan would admit Kim under PLAN_CREATORS=editors by itself: delete it again.
		const { id } = (await made.json()) as { id: string };
		expect((await kim.session.request(`/api/plans/${id}`, { method: 'DELETE' })).status).toBe(204);

		const unset = await admin.request(`/api/admin/users/${kim.id}`, {
			method: 'PATCH',
			json: { canCreatePlans: false }
		});
		expect(unset.status).toBe(200);
		expect((await createPlan(kim.session, 'Wieder ohne Recht')).status).toBe(403);
		expect(await me()).toBe(false);
	});

	it('the flag can be given when the Administration creates the account', async () => {
		const email = `mit-recht${++counter}@mitplan.test`;
		const password = `passwort-${counter}-lang-genug`;
		const res = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: 'Mit Recht', password, canCreatePlans: true, mustChangePassword: false }
		});
		expect(res.status).toBe(201);
		expect(((await res.json()) as { canCreatePlans: boolean }).canCreatePlans).toBe(true);
		const session = await login(server.httpUrl, email, password);
		expect((await createPlan(session, 'Gleich erlaubt')).status).toBe(201);
	});
});

describe('guests under members', () => {
	let server: ServerProcess;
	let admin: HttpSession;
	let planId: string;

	beforeAll(async () => {
		server = await start();
		admin = await login(server.httpUrl);
		planId = ((await (await createPlan(admin, 'Sitzungsplan')).json()) as { id: string }).id;
	});

	async function invite(): Promise<{ id: string; token: string }> {
		const res = await admin.request(`/api/plans/${planId}/invites`, {
			method: 'POST',
			json: { role: 'editor', expiresAt: Date.now() + 3_600_000, maxUses: 10, allowGuests: true }
		});
		const body = (await res.json()) as { invite: { id: string }; token: string };
		return { id: body.invite.id, token: body.token };
	}

	const asGuest = (cookie: string, path: string) =>
		fetch(`${server.httpUrl}${path}`, { headers: { cookie }, redirect: 'manual' });

	it('lists guests for the owner and removes one without ending the others', async () => {
		const link = await invite();
		const anna = await guestJoin(server, link.token, 'Anna Gast');
		const ben = await guestJoin(server, link.token, 'Ben Gast');

		const list = (await (await admin.request(`/api/plans/${planId}/guests`)).json()) as Array<{
			guestId: string;
			name: string;
			role: string;
		}>;
		expect(list.map((g) => g.name)).toEqual(['Anna Gast', 'Ben Gast']);
		expect(list[0].role).toBe('editor');
		// only the owner sees them
		expect((await asGuest(anna, `/api/plans/${planId}/guests`)).status).toBe(403);

		const removed = await admin.request(`/api/plans/${planId}/guests/${list[0].guestId}`, {
			method: 'DELETE'
		});
		expect(removed.status).toBe(204);
		expect((await asGuest(anna, `/api/plans/${planId}`)).status).toBe(401);
		expect((await asGuest(ben, `/api/plans/${planId}`)).status).toBe(200);

		// Anna is told why, on the API and when she opens a page
		const me = await asGuest(anna, '/api/auth/me');
		expect(me.status).toBe(401);
		const body = (await me.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('guest_guest_removed');
		expect(body.error.message).toContain('Gastzugang beendet');
		const page = await asGuest(anna, `/plans/${planId}`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/gast-beendet?grund=guest_removed');

		const rest = (await (await admin.request(`/api/plans/${planId}/guests`)).json()) as unknown[];
		expect(rest).toHaveLength(1);
		const audit = (await (await admin.request(`/api/plans/${planId}/audit`)).json()) as Array<{
			action: string;
		}>;
		expect(audit.some((e) => e.action === 'guest_removed')).toBe(true);
	});

	it('a guest whose invite was revoked learns that it was revoked', async () => {
		const link = await invite();
		const cara = await guestJoin(server, link.token, 'Cara Gast');
		expect((await asGuest(cara, `/api/plans/${planId}`)).status).toBe(200);
		await admin.request(`/api/plans/${planId}/invites/${link.id}`, { method: 'DELETE' });

		const page = await asGuest(cara, `/plans/${planId}`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/gast-beendet?grund=invite_revoked');
		const me = await asGuest(cara, '/api/auth/me');
		const body = (await me.json()) as { error: { code: string; message: string } };
		expect(body.error.code).toBe('guest_invite_revoked');
		expect(body.error.message).toContain('zurückgezogen');
		// the explanation page itself is public
		expect((await fetch(`${server.httpUrl}/gast-beendet?grund=invite_revoked`)).status).toBe(200);
	});

	it('a guest whose invite expired learns that, not the login page: cookie and record outlive it', async () => {
		const expiresAt = Date.now() + 2_000;
		const res = await admin.request(`/api/plans/${planId}/invites`, {
			method: 'POST',
			json: { role: 'viewer', expiresAt, maxUses: 1, allowGuests: true }
		});
		const { token } = (await res.json()) as { token: string };
		const joined = await fetch(`${server.httpUrl}/api/invites/${token}/guest`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ name: 'Dora Gast' })
		});
		expect(joined.status).toBe(200);
		const setCookie = joined.headers.get('set-cookie') ?? '';
		const cookieExpires = Date.parse(/Expires=([^;]+)/i.exec(setCookie)?.[1] ?? '');
		// the browser keeps the cookie past the access, so it can still be told why
		expect(cookieExpires).toBeGreaterThan(expiresAt + 24 * 3600 * 1000);
		const dora = setCookie.split(';')[0];
		expect((await asGuest(dora, `/api/plans/${planId}`)).status).toBe(200);

		await new Promise((r) => setTimeout(r, expiresAt - Date.now() + 300));
		expect((await asGuest(dora, `/api/plans/${planId}`)).status).toBe(401);
		const page = await asGuest(dora, `/plans/${planId}`);
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/gast-beendet?grund=invite_expired');
		const me = (await (await asGuest(dora, '/api/auth/me')).json()) as { error: { code: string } };
		expect(me.error.code).toBe('guest_invite_expired');
	});
});

describe('password chosen by the Administration', () => {
	it('must be replaced before anything else (the API default); an admin reset asks again', async () => {
		const server = await start();
		const admin = await login(server.httpUrl);
		const email = 'erstpasswort@mitplan.test';
		// no `mustChangePassword` in the request: an admin-set password implies it (also on the API)
		const created = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: 'Erst Passwort', password: 'vom-admin-gesetzt' }
		});
		expect(created.status).toBe(201);
		expect(await created.clone().json()).toMatchObject({ mustChangePassword: true });
		const { id } = (await created.json()) as { id: string };
		const user = await login(server.httpUrl, email, 'vom-admin-gesetzt');

		// only the account page and the calls it needs
		const plans = await user.request('/api/plans');
		expect(plans.status).toBe(403);
		expect(((await plans.json()) as { error: { code: string } }).error.code).toBe(
			'password_change_required'
		);
		const page = await user.request('/', { redirect: 'manual' });
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/konto');
		expect((await user.request('/konto', { redirect: 'manual' })).status).toBe(200);
		const me = (await (await user.request('/api/auth/me')).json()) as {
			principal: { mustChangePassword?: boolean };
		};
		expect(me.principal.mustChangePassword).toBe(true);

		const changed = await user.request('/api/auth/password', {
			method: 'POST',
			json: { currentPassword: 'vom-admin-gesetzt', newPassword: 'mein-eigenes-passwort' }
		});
		expect(changed.status).toBe(204);
		expect((await user.request('/api/plans')).status).toBe(200);

		// the Administration resets it: the next sign-in must choose an own one again
		const reset = await admin.request(`/api/admin/users/${id}/password`, {
			method: 'POST',
			json: { password: 'wieder-vom-admin' }
		});
		expect(reset.status).toBe(204);
		const again = await login(server.httpUrl, email, 'wieder-vom-admin');
		expect((await again.request('/api/plans')).status).toBe(403);

		// an explicit `mustChangePassword: false` is still allowed (e.g. scripted test accounts)
		const free = await admin.request('/api/admin/users', {
			method: 'POST',
			json: {
				email: 'ohne-wechsel@mitplan.test',
				name: 'Ohne Wechsel',
				password: 'vom-admin-gesetzt',
				mustChangePassword: false
			}
		});
		expect(await free.json()).toMatchObject({ mustChangePassword: false });
		const freeUser = await login(server.httpUrl, 'ohne-wechsel@mitplan.test', 'vom-admin-gesetzt');
		expect((await freeUser.request('/api/plans')).status).toBe(200);
	});
});

describe('reset link from the Administration', () => {
	it('lets the person set an own password once; the link then is spent', async () => {
		const server = await start();
		const admin = await login(server.httpUrl);
		const person = await newUser(server, admin);
		const made = await admin.request(`/api/admin/users/${person.id}/reset-link`, {
			method: 'POST'
		});
		expect(made.status).toBe(201);
		const { url, expiresAt } = (await made.json()) as { url: string; expiresAt: number };
		expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/passwort-neu/`));
		expect(expiresAt).toBeGreaterThan(Date.now());
		const token = decodeURIComponent(url.split('/').pop()!);
		// only the Administration makes links
		expect(
			(await person.session.request(`/api/admin/users/${person.id}/reset-link`, { method: 'POST' }))
				.status
		).toBe(403);
		// the page opens without a session
		expect((await fetch(url, { redirect: 'manual' })).status).toBe(200);

		const use = (password: string) =>
			fetch(`${server.httpUrl}/api/auth/reset/${encodeURIComponent(token)}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ password })
			});
		expect((await use('kurz')).status).toBe(400); // a weak password does not spend the link
		expect((await use('selbst-gewaehlt-123')).status).toBe(204);
		// all old sessions ended; the new password works and needs no further change
		expect((await person.session.request('/api/plans')).status).toBe(401);
		const fresh = await login(server.httpUrl, person.email, 'selbst-gewaehlt-123');
		expect((await fresh.request('/api/plans')).status).toBe(200);
		// one-time
		const again = await use('noch-ein-passwort-1');
		expect(again.status).toBe(410);
		expect(((await again.json()) as { error: { code: string } }).error.code).toBe(
			'reset_link_invalid'
		);
	});
});

/**
 * Signing in for integration tests. In-process servers (`startInProcess`) are driven through the
 * access service directly; spawned production servers (`spawnServer`) through the HTTP API with
 * the administrator from MITPLAN_ADMIN_EMAIL / MITPLAN_ADMIN_PASSWORD (see TEST_ADMIN).
 */
import type { PlanRole } from '../../src/lib/contract/roles';
import type { Principal } from '../../server/auth/types';
import type { Core } from '../../server/core';

export const TEST_ADMIN = { email: 'admin@mitplan.test', password: 'test-passwort-123' };

/** Environment that makes a spawned server create TEST_ADMIN at start-up. */
export const ADMIN_ENV = {
	MITPLAN_ADMIN_EMAIL: TEST_ADMIN.email,
	MITPLAN_ADMIN_PASSWORD: TEST_ADMIN.password
};

type UserPrincipal = Principal & { kind: 'user' };

let counter = 0;

/** Creates an account and returns it as a principal. */
export async function createTestUser(core: Core, name = 'Test'): Promise<UserPrincipal> {
	const email = `nutzer${++counter}-${Math.random().toString(36).slice(2, 8)}@mitplan.test`;
	const created = await core.access.createUser({ email, name, password: 'passwort-1234567' });
	if (!created.ok) throw new Error(created.error.message);
	const u = created.value;
	return { kind: 'user', id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin };
}

/** Creates a plan owned by a new account; returns the plan id and its owner. */
export async function createOwnedPlan(
	core: Core,
	title: string
): Promise<{ planId: string; owner: UserPrincipal }> {
	const created = await core.plans.createPlan({ title });
	if (!created.ok) throw new Error(created.error.message);
	const owner = await createTestUser(core, 'Eigentümerin');
	await core.access.registerPlan(created.value.id, owner);
	return { planId: created.value.id, owner };
}

/** A new account with `role` on the plan (added by `owner`). */
export async function memberWithRole(
	core: Core,
	planId: string,
	owner: UserPrincipal,
	role: PlanRole,
	name: string = role
): Promise<UserPrincipal> {
	const user = await createTestUser(core, name);
	const set = await core.access.setMember(planId, owner, { userId: user.id }, role);
	if (!set.ok) throw new Error(set.error.message);
	return user;
}

export async function syncToken(core: Core, principal: Principal, planId: string): Promise<string> {
	return (await core.access.issueSyncToken(principal, planId)).token;
}

/** An HTTP session against a real server: keeps the session cookie like a browser would. */
export interface HttpSession {
	cookie: string;
	request(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
}

export async function login(
	baseUrl: string,
	email = TEST_ADMIN.email,
	password = TEST_ADMIN.password
): Promise<HttpSession> {
	const res = await fetch(`${baseUrl}/api/auth/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ email, password })
	});
	if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
	const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	return {
		cookie,
		request(path, init = {}) {
			const headers = new Headers(init.headers);
			headers.set('cookie', cookie);
			let body = init.body;
			if (init.json !== undefined) {
				headers.set('content-type', 'application/json');
				body = JSON.stringify(init.json);
			}
			return fetch(`${baseUrl}${path}`, { ...init, headers, body });
		}
	};
}

/** Creates a plan through the API and returns its id and a sync token for it. */
export async function createPlanViaApi(
	session: HttpSession,
	title: string
): Promise<{ planId: string; token: string }> {
	const res = await session.request('/api/plans', { method: 'POST', json: { title } });
	if (res.status !== 201) throw new Error(`create plan failed: ${res.status}`);
	const planId = ((await res.json()) as { id: string }).id;
	return { planId, token: await syncTokenViaApi(session, planId) };
}

export async function syncTokenViaApi(session: HttpSession, planId: string): Promise<string> {
	const res = await session.request(`/api/plans/${planId}/sync-token`, { method: 'POST' });
	if (res.status !== 200) throw new Error(`sync token failed: ${res.status}`);
	return ((await res.json()) as { token: string }).token;
}

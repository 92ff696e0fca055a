/**
 * Accounts for the e2e tests. The server starts with MITPLAN_ADMIN_EMAIL/-PASSWORD (see
 * playwright.config.ts); auth.setup.ts logs that admin in once and saves the session in
 * ADMIN_STATE, which every test context uses by default. Other people are created through the
 * admin API and log in through the API in their own browser context.
 */
import { expect, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import type { PlanRole } from '../../../src/lib/contract/roles';

export const ADMIN_EMAIL = 'admin@mitplan.test';
export const ADMIN_PASSWORD = 'e2e-Admin-Passwort-lang-genug';
export const ADMIN_STATE = 'test-results/.auth/admin.json';
/** A context without any session (for guests and sign-in tests). */
export const NO_SESSION = { cookies: [], origins: [] };

export const DEFAULT_PASSWORD = 'e2e-Passwort-fuer-Tests';

const tag = () => Math.random().toString(36).slice(2, 8);

export interface TestUser {
	id: string;
	name: string;
	email: string;
	password: string;
}

/** Create an account as the admin (`admin` = a request context with the admin session). */
export async function createUser(
	admin: APIRequestContext,
	name: string,
	options: { email?: string; password?: string; isAdmin?: boolean } = {}
): Promise<TestUser> {
	const email =
		options.email ??
		`${name
			.toLowerCase()
			.normalize('NFD')
			.replace(/[^a-z]+/g, '.')}.${tag()}@mitplan.test`;
	const password = options.password ?? DEFAULT_PASSWORD;
	const response = await admin.post('/api/admin/users', {
		data: { email, name, password, isAdmin: options.isAdmin ?? false, mustChangePassword: false }
	});
	expect(response.status(), await response.text()).toBe(201);
	const user = (await response.json()) as { id: string };
	return { id: user.id, name, email, password };
}

/** Log in through the API; the session cookie lands in the request's browser context. */
export async function login(request: APIRequestContext, email: string, password: string) {
	const response = await request.post('/api/auth/login', { data: { email, password } });
	expect(response.status(), await response.text()).toBe(200);
}

/** A new browser context, signed in as a new account with this name. */
export async function person(
	browser: Browser,
	admin: APIRequestContext,
	name: string,
	baseURL?: string
) {
	const user = await createUser(admin, name);
	const context = await browser.newContext({
		storageState: NO_SESSION,
		...(baseURL ? { baseURL } : {})
	});
	await login(context.request, user.email, user.password);
	const page = await context.newPage();
	return { user, context, page };
}

/** A new browser context without a session (a guest, or someone about to sign in). */
export async function anonymous(browser: Browser) {
	const context = await browser.newContext({ storageState: NO_SESSION });
	const page = await context.newPage();
	return { context, page };
}

export async function createPlan(request: APIRequestContext, title: string, municipality = '') {
	const response = await request.post('/api/plans', { data: { title, municipality } });
	expect(response.status(), await response.text()).toBe(201);
	return ((await response.json()) as { id: string }).id;
}

export async function addMember(
	request: APIRequestContext,
	planId: string,
	email: string,
	role: PlanRole
) {
	const response = await request.post(`/api/plans/${planId}/members`, { data: { email, role } });
	expect(response.status(), await response.text()).toBe(201);
}

/** Create an invite as the plan's owner; returns the link. */
export async function createInvite(
	request: APIRequestContext,
	planId: string,
	options: { role?: PlanRole; allowGuests?: boolean; maxUses?: number; expiresAt?: number } = {}
): Promise<{ url: string; token: string; id: string }> {
	const response = await request.post(`/api/plans/${planId}/invites`, {
		data: {
			role: options.role ?? 'editor',
			allowGuests: options.allowGuests ?? true,
			maxUses: options.maxUses ?? 10,
			expiresAt: options.expiresAt ?? Date.now() + 24 * 60 * 60 * 1000
		}
	});
	expect(response.status(), await response.text()).toBe(201);
	const body = (await response.json()) as { url: string; token: string; invite: { id: string } };
	return { url: body.url, token: body.token, id: body.invite.id };
}

/** The signed-in principal's name (as shown in presence and the header). */
export async function myName(page: Page): Promise<string> {
	const response = await page.request.get('/api/auth/me');
	expect(response.status()).toBe(200);
	return ((await response.json()) as { principal: { name: string } }).principal.name;
}

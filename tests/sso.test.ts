/**
 * Issue 17 item 4 (single sign-on) against the production bundle over real HTTP, with a real
 * OpenID Connect provider (`oidc-provider`) on a free port: the whole authorization code flow
 * (PKCE, state, nonce) followed redirect by redirect with a cookie jar like a browser, the
 * mapping to accounts by verified e-mail, auto-create on and off, local passwords still working,
 * and the bad cases (wrong state, wrong nonce, replayed callback, missing or unverified e-mail,
 * unknown person, cancelled at the provider, provider down): a German error page, no session.
 * Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, TEST_ADMIN, type HttpSession } from './helpers/auth';
import { startTestProvider, type TestAccount, type TestProvider } from './helpers/oidc-provider';
import { freePort } from './helpers/redis-server';
import type { ServerProcess } from './helpers/server';
import { serverPool } from './helpers/server-pool';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });

/** Cookies per host, as a browser keeps them (paths and expiry are enough for this flow). */
class CookieJar {
	private readonly byHost = new Map<string, Map<string, string>>();

	store(url: URL, setCookies: string[]) {
		const jar = this.byHost.get(url.host) ?? new Map<string, string>();
		this.byHost.set(url.host, jar);
		for (const line of setCookies) {
			const [pair, ...attrs] = line.split(';');
			const eq = pair.indexOf('=');
			const name = pair.slice(0, eq).trim();
			const value = pair.slice(eq + 1).trim();
			const expired = attrs.some((a) => {
				const [k, v] = a.trim().split('=');
				if (k.toLowerCase() === 'max-age') return Number(v) <= 0;
				if (k.toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
				return false;
			});
			if (expired || value === '') jar.delete(name);
			else jar.set(name, value);
		}
	}

	header(url: URL): string {
		return [...(this.byHost.get(url.host) ?? new Map()).entries()]
			.map(([k, v]) => `${k}=${v}`)
			.join('; ');
	}

	get(url: string, name: string): string | undefined {
		return this.byHost.get(new URL(url).host)?.get(name);
	}

	set(url: string, name: string, value: string) {
		const host = new URL(url).host;
		const jar = this.byHost.get(host) ?? new Map<string, string>();
		this.byHost.set(host, jar);
		jar.set(name, value);
	}
}

interface Hop {
	url: URL;
	status: number;
	location: string | null;
}

/**
 * Follows redirects like a browser (GET, cookies per host) until a response is not a redirect.
 * `rewrite` may change a URL before it is requested (to tamper with state or nonce).
 */
async function browse(
	startUrl: string,
	jar: CookieJar,
	rewrite: (url: URL) => URL = (u) => u
): Promise<Hop[]> {
	const hops: Hop[] = [];
	let url = new URL(startUrl);
	for (let i = 0; i < 20; i++) {
		url = rewrite(url);
		const res = await fetch(url, {
			redirect: 'manual',
			headers: { cookie: jar.header(url), accept: 'text/html' }
		});
		jar.store(url, res.headers.getSetCookie());
		const location = res.headers.get('location');
		hops.push({ url, status: res.status, location });
		await res.arrayBuffer();
		if (res.status < 300 || res.status >= 400 || !location) return hops;
		url = new URL(location, url);
	}
	throw new Error('too many redirects');
}

/** The error code the flow ended with on /anmelden/sso-fehler, or null. */
function errorCode(hops: Hop[]): string | null {
	const last = hops.at(-1)!;
	if (last.url.pathname !== '/anmelden/sso-fehler') return null;
	return last.url.searchParams.get('grund');
}

async function me(server: ServerProcess, jar: CookieJar) {
	const url = new URL('/api/auth/me', server.httpUrl);
	const res = await fetch(url, { headers: { cookie: jar.header(url) } });
	return {
		status: res.status,
		body: (await res.json()) as { principal?: { email: string; name: string } }
	};
}

let provider: TestProvider;
let portA: number;
let portB: number;
let strict: ServerProcess; // OIDC_AUTO_CREATE=false
let open: ServerProcess; // OIDC_AUTO_CREATE=true
let admin: HttpSession;

const ADA: TestAccount = {
	sub: 'ada-1',
	email: 'Ada@Stadt.test',
	email_verified: true,
	name: 'Ada Lovelace'
};

async function createAccount(email: string, name: string, password: string) {
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	return (await res.json()) as { id: string };
}

beforeAll(async () => {
	portA = await freePort();
	portB = await freePort();
	provider = await startTestProvider([
		`http://127.0.0.1:${portA}/auth/oidc/callback`,
		`http://127.0.0.1:${portB}/auth/oidc/callback`
	]);
	const oidcEnv = {
		OIDC_ISSUER: provider.issuer,
		OIDC_CLIENT_ID: provider.clientId,
		OIDC_CLIENT_SECRET: provider.clientSecret,
		OIDC_LABEL: 'Stadt-Konto'
	};
	[strict, open] = await Promise.all([
		start({ ...oidcEnv, PORT: String(portA), OIDC_AUTO_CREATE: 'false' }),
		start({ ...oidcEnv, PORT: String(portB), OIDC_AUTO_CREATE: 'true' })
	]);
	admin = await login(strict.httpUrl);
	await createAccount('ada@stadt.test', 'Ada', 'ein-langes-passwort-1');
}, 60_000);

afterAll(async () => {
	await provider?.stop();
});

describe('single sign-on (OpenID Connect)', () => {
	it('tells the login page the button label', async () => {
		const res = await fetch(`${strict.httpUrl}/api/auth/sso`);
		expect(res.status).toBe(200);
		expect(await res.json()).toEqual({ sso: { label: 'Stadt-Konto' } });
	});

	it('signs a known person in through the whole code flow and returns to `next`', async () => {
		provider.signInAs(ADA);
		const jar = new CookieJar();
		const hops = await browse(`${strict.httpUrl}/auth/oidc/start?next=/plans/abc`, jar);

		// to the provider with PKCE (S256), state and nonce
		const authorize = hops[1].url;
		expect(authorize.origin).toBe(provider.issuer);
		expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
		expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
		expect(authorize.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
		expect(authorize.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/);
		expect(authorize.searchParams.get('redirect_uri')).toBe(`${strict.httpUrl}/auth/oidc/callback`);
		// back with a code, then to where the sign-in started
		const callback = hops.find((h) => h.url.pathname === '/auth/oidc/callback')!;
		expect(callback.url.searchParams.get('code')).toBeTruthy();
		expect(callback.status).toBe(303);
		expect(callback.location).toBe('/plans/abc');
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeTruthy();
		expect(jar.get(strict.httpUrl, 'mitplan_sso')).toBeUndefined();

		const who = await me(strict, jar);
		expect(who.status).toBe(200);
		expect(who.body.principal).toMatchObject({ email: 'ada@stadt.test', name: 'Ada' });
	});

	it('keeps local passwords working for the same account', async () => {
		const session = await login(strict.httpUrl, 'ada@stadt.test', 'ein-langes-passwort-1');
		const res = await session.request('/api/auth/me');
		expect(res.status).toBe(200);
	});

	it('uses a started sign-in only once: a replayed callback makes no session', async () => {
		provider.signInAs(ADA);
		const jar = new CookieJar();
		const hops = await browse(`${strict.httpUrl}/auth/oidc/start`, jar);
		const callback = hops.find((h) => h.url.pathname === '/auth/oidc/callback')!;

		// replayed in the same browser (its flow cookie is used up) and in another one
		expect(errorCode(await browse(callback.url.href, jar))).toBe('sso_flow_expired');
		const other = new CookieJar();
		expect(errorCode(await browse(callback.url.href, other))).toBe('sso_flow_expired');
		expect(other.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
	});

	it('refuses a callback with a wrong state: error page, no session', async () => {
		provider.signInAs(ADA);
		const jar = new CookieJar();
		const hops = await browse(`${strict.httpUrl}/auth/oidc/start`, jar, (url) => {
			if (url.pathname === '/auth/oidc/callback') url.searchParams.set('state', 'gefaelscht');
			return url;
		});
		expect(errorCode(hops)).toBe('sso_state_invalid');
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
		expect((await me(strict, jar)).status).toBe(401);
	});

	it('refuses an ID token with a wrong nonce: error page, no session', async () => {
		provider.signInAs(ADA);
		const jar = new CookieJar();
		const hops = await browse(`${strict.httpUrl}/auth/oidc/start`, jar, (url) => {
			if (url.origin === provider.issuer && url.searchParams.has('nonce')) {
				url.searchParams.set('nonce', 'ein-anderer-nonce-wert-123');
			}
			return url;
		});
		expect(errorCode(hops)).toBe('sso_nonce_invalid');
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
		expect((await me(strict, jar)).status).toBe(401);
	});

	it('refuses a missing or unverified e-mail', async () => {
		provider.signInAs({ sub: 'ohne-mail', name: 'Ohne Mail' });
		let jar = new CookieJar();
		expect(errorCode(await browse(`${strict.httpUrl}/auth/oidc/start`, jar))).toBe(
			'sso_email_missing'
		);
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();

		// unverified, even though an account with that e-mail exists
		provider.signInAs({ ...ADA, sub: 'ada-unverified', email_verified: false });
		jar = new CookieJar();
		expect(errorCode(await browse(`${strict.httpUrl}/auth/oidc/start`, jar))).toBe(
			'sso_email_unverified'
		);
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
	});

	it('OIDC_AUTO_CREATE=false: an unknown person gets no account and no session', async () => {
		provider.signInAs({
			sub: 'bea',
			email: 'bea@stadt.test',
			email_verified: true,
			name: 'Bea Berg'
		});
		const jar = new CookieJar();
		expect(errorCode(await browse(`${strict.httpUrl}/auth/oidc/start`, jar))).toBe(
			'sso_no_account'
		);
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
		const users = (await (await admin.request('/api/admin/users')).json()) as {
			email: string;
		}[];
		expect(users.map((u) => u.email)).not.toContain('bea@stadt.test');
	});

	it('OIDC_AUTO_CREATE=true: an unknown verified person gets an account without password', async () => {
		provider.signInAs({
			sub: 'carl',
			email: 'carl@stadt.test',
			email_verified: true,
			name: 'Carl Clausen'
		});
		const jar = new CookieJar();
		const hops = await browse(`${open.httpUrl}/auth/oidc/start`, jar);
		expect(errorCode(hops)).toBeNull();
		expect(hops.at(-1)!.url.pathname).toBe('/');
		const who = await me(open, jar);
		expect(who.body.principal).toMatchObject({ email: 'carl@stadt.test', name: 'Carl Clausen' });

		// no local password: no password signs in (and the refusal is the usual one)
		const res = await fetch(`${open.httpUrl}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'carl@stadt.test', password: 'irgendein-passwort' })
		});
		expect(res.status).toBe(401);

		// the second sign-in finds the same account
		provider.signInAs({ sub: 'carl', email: 'carl@stadt.test', email_verified: true });
		const again = new CookieJar();
		await browse(`${open.httpUrl}/auth/oidc/start`, again);
		const openAdmin = await login(open.httpUrl, TEST_ADMIN.email, TEST_ADMIN.password);
		const users = (await (await openAdmin.request('/api/admin/users')).json()) as {
			email: string;
		}[];
		expect(users.filter((u) => u.email === 'carl@stadt.test')).toHaveLength(1);
	});

	it('refuses a disabled account', async () => {
		const { id } = await createAccount('dora@stadt.test', 'Dora', 'ein-langes-passwort-2');
		const res = await admin.request(`/api/admin/users/${id}`, {
			method: 'PATCH',
			json: { disabled: true }
		});
		expect(res.status).toBe(200);
		provider.signInAs({ sub: 'dora', email: 'dora@stadt.test', email_verified: true });
		const jar = new CookieJar();
		expect(errorCode(await browse(`${strict.httpUrl}/auth/oidc/start`, jar))).toBe(
			'sso_account_disabled'
		);
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
	});

	it('a sign-in cancelled at the provider ends on the error page', async () => {
		provider.denyNext();
		const jar = new CookieJar();
		expect(errorCode(await browse(`${strict.httpUrl}/auth/oidc/start`, jar))).toBe('sso_denied');
		expect(jar.get(strict.httpUrl, 'mitplan_session')).toBeUndefined();
	});

	it('a provider that is down: error page, the server keeps running, passwords still work', async () => {
		const closedPort = await freePort();
		const server = await start({
			OIDC_ISSUER: `http://127.0.0.1:${closedPort}`,
			OIDC_CLIENT_ID: 'mitplan'
		});
		const jar = new CookieJar();
		const hops = await browse(`${server.httpUrl}/auth/oidc/start`, jar);
		expect(errorCode(hops)).toBe('sso_provider_unavailable');
		expect(jar.get(server.httpUrl, 'mitplan_session')).toBeUndefined();
		expect((await fetch(`${server.httpUrl}/api/health`)).status).toBe(200);
		const session = await login(server.httpUrl);
		expect((await session.request('/api/auth/me')).status).toBe(200);
	});

	it('without OIDC_*: no button, and the routes say so', async () => {
		const server = await start();
		expect(await (await fetch(`${server.httpUrl}/api/auth/sso`)).json()).toEqual({ sso: null });
		const hops = await browse(`${server.httpUrl}/auth/oidc/start`, new CookieJar());
		expect(errorCode(hops)).toBe('sso_not_configured');
	});
});

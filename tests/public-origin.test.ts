/**
 * Issue 12 item 1 against the production bundle on plain HTTP with a non-localhost name: without
 * ORIGIN, invite and round links use the request's real scheme and Host, the session cookie is not
 * `Secure` (a browser would drop it over http), and X-Forwarded-Proto only counts with TRUST_PROXY.
 * Also the security headers (item 18): nosniff on static files, HSTS only over HTTPS, CSP
 * connect-src limited to the own origin. Needs `npm run build`.
 */
import http from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN } from './helpers/auth';
import type { ServerProcess } from './helpers/server';
import { serverPool } from './helpers/server-pool';

interface Reply {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/** A request as a browser at http://<host> would send it (node:http: fetch may not set Host). */
function send(
	server: ServerProcess,
	host: string,
	path: string,
	init: { method?: string; json?: unknown; cookie?: string; headers?: Record<string, string> } = {}
): Promise<Reply> {
	const body = init.json === undefined ? undefined : JSON.stringify(init.json);
	const headers: Record<string, string> = { host, ...init.headers };
	if (body) headers['content-type'] = 'application/json';
	if (init.cookie) headers.cookie = init.cookie;
	if (init.method && init.method !== 'GET') headers.origin ??= `http://${host}`;
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: '127.0.0.1', port: server.port, path, method: init.method ?? 'GET', headers },
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text })
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

function sessionCookie(reply: Reply): string {
	const set = reply.headers['set-cookie']?.find((c) => c.startsWith('mitplan_session='));
	if (!set) throw new Error(`no session cookie: ${reply.status} ${reply.body}`);
	return set;
}

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });

describe('plain HTTP under a non-localhost name, no ORIGIN', () => {
	let server: ServerProcess;
	let host: string;
	let cookie: string;
	let planId: string;

	beforeAll(async () => {
		server = await start();
		host = `mitplan.local:${server.port}`;
	});

	it('signs in with a cookie a browser keeps over http (not Secure)', async () => {
		const res = await send(server, host, '/api/auth/login', {
			method: 'POST',
			json: { email: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		expect(res.status).toBe(200);
		const set = sessionCookie(res);
		expect(set).not.toMatch(/;\s*secure/i);
		expect(set).toMatch(/httponly/i);
		cookie = set.split(';')[0];
		const me = await send(server, host, '/api/auth/me', { cookie });
		expect(JSON.parse(me.body).principal.email).toBe(TEST_ADMIN.email);
	});

	it('writes invite links (the QR payload) and round links as http://mitplan.local:PORT', async () => {
		const created = await send(server, host, '/api/plans', {
			method: 'POST',
			cookie,
			json: { title: 'Plan über HTTP' }
		});
		expect(created.status).toBe(201);
		planId = JSON.parse(created.body).id;

		const invite = await send(server, host, `/api/plans/${planId}/invites`, {
			method: 'POST',
			cookie,
			json: {
				role: 'editor',
				expiresAt: Date.now() + 86_400_000,
				maxUses: 5,
				allowGuests: true
			}
		});
		expect(invite.status).toBe(201);
		const { url, token } = JSON.parse(invite.body) as { url: string; token: string };
		expect(url).toBe(`http://${host}/einladung/${encodeURIComponent(token)}`);

		const round = await send(server, host, `/api/plans/${planId}/rounds`, {
			method: 'POST',
			cookie,
			json: {
				title: 'Runde',
				fieldIds: [],
				startsAt: new Date(Date.now() - 60_000).toISOString(),
				endsAt: new Date(Date.now() + 86_400_000).toISOString()
			}
		});
		expect(round.status).toBe(201);
		const rounds = JSON.parse(
			(await send(server, host, `/api/plans/${planId}/rounds`, { cookie })).body
		);
		expect(rounds[0].url).toBe(`http://${host}/beteiligung/${rounds[0].token}`);

		// The guest follows the link: same host, plain http, and gets a usable session.
		const path = new URL(url).pathname;
		const page = await send(server, host, path);
		expect(page.status).toBe(200);
		const joined = await send(server, host, `/api/invites/${encodeURIComponent(token)}/guest`, {
			method: 'POST',
			json: { name: 'Gast Anna' }
		});
		expect(joined.status).toBe(200);
		const guestSet = sessionCookie(joined);
		expect(guestSet).not.toMatch(/;\s*secure/i);
		const plan = await send(server, host, `/api/plans/${planId}`, {
			cookie: guestSet.split(';')[0]
		});
		expect(plan.status).toBe(200);
	});

	it('ignores X-Forwarded-Proto from an untrusted client', async () => {
		const res = await send(server, host, '/api/auth/login', {
			method: 'POST',
			headers: { 'x-forwarded-proto': 'https', 'x-mitplan-scheme': 'https' },
			json: { email: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		expect(sessionCookie(res)).not.toMatch(/;\s*secure/i);
		expect(res.headers['strict-transport-security']).toBeUndefined();
	});

	it('sends nosniff on static files and limits the CSP connect-src to the own origin', async () => {
		const icon = await send(server, host, '/favicon.svg');
		expect(icon.status).toBe(200);
		expect(icon.headers['x-content-type-options']).toBe('nosniff');
		expect(icon.headers['strict-transport-security']).toBeUndefined();

		const page = await send(server, host, '/anmelden');
		expect(page.status).toBe(200);
		const csp = String(page.headers['content-security-policy']);
		const connect = /connect-src ([^;]*)/.exec(csp)?.[1];
		expect(connect).toBe(`'self' ws://${host}`);
	});
});

describe('behind an HTTPS proxy (TRUST_PROXY=true)', () => {
	it('takes https from X-Forwarded-Proto: https links, Secure cookie, HSTS', async () => {
		const server = await start({ TRUST_PROXY: 'true' });
		const host = 'mitplan.stadt.example';
		const headers = { 'x-forwarded-proto': 'https', origin: `https://${host}` };
		const res = await send(server, host, '/api/auth/login', {
			method: 'POST',
			headers,
			json: { email: TEST_ADMIN.email, password: TEST_ADMIN.password }
		});
		expect(res.status).toBe(200);
		expect(sessionCookie(res)).toMatch(/;\s*secure/i);
		expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
		const cookie = sessionCookie(res).split(';')[0];

		const icon = await send(server, host, '/favicon.svg', { headers });
		expect(icon.headers['strict-transport-security']).toMatch(/max-age=\d+/);
		expect(icon.headers['x-content-type-options']).toBe('nosniff');

		const page = await send(server, host, '/anmelden', { headers });
		const connect = /connect-src ([^;]*)/.exec(String(page.headers['content-security-policy']));
		expect(connect?.[1]).toBe(`'self' wss://${host}`);

		const created = await send(server, host, '/api/plans', {
			method: 'POST',
			cookie,
			headers,
			json: { title: 'Plan hinter Proxy' }
		});
		const planId = JSON.parse(created.body).id;
		const invite = await send(server, host, `/api/plans/${planId}/invites`, {
			method: 'POST',
			cookie,
			headers,
			json: { role: 'viewer', expiresAt: Date.now() + 86_400_000, maxUses: 1, allowGuests: false }
		});
		expect(JSON.parse(invite.body).url).toMatch(new RegExp(`^https://${host}/einladung/`));
	});
});

/**
 * Interface language over HTTP (production bundle; pages render in the browser, so the texts
 * themselves are checked in tests/e2e/language.spec.ts): German by default, the browser's
 * Accept-Language next, the `mitplan_lang` cookie first; an account's choice is kept and comes
 * back at the next sign-in on another device; unknown languages are refused in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV, login, TEST_ADMIN } from './helpers/auth';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
const data = tempDir();

beforeAll(async () => {
	server = await spawnServer({ ...ADMIN_ENV, DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'false' });
}, 30_000);
afterAll(async () => {
	await server?.stop();
	data.remove();
});

async function loginPage(headers: Record<string, string> = {}): Promise<string> {
	const res = await fetch(`${server.httpUrl}/anmelden`, { headers });
	expect(res.status).toBe(200);
	return res.text();
}

describe('interface language of a page', () => {
	it('is German without any hint', async () => {
		const html = await loginPage();
		expect(html).toMatch(/<html lang="de" dir="ltr">/);
	});

	it('follows the browser, then the cookie', async () => {
		const en = await loginPage({ 'accept-language': 'en-US,en;q=0.9' });
		expect(en).toMatch(/<html lang="en" dir="ltr">/);
		const cookieWins = await loginPage({
			'accept-language': 'en-US,en;q=0.9',
			cookie: 'mitplan_lang=de'
		});
		expect(cookieWins).toMatch(/<html lang="de"/);
		// An unknown language in the cookie or the browser falls back to German.
		expect(await loginPage({ cookie: 'mitplan_lang=xx', 'accept-language': 'tlh' })).toMatch(
			/<html lang="de"/
		);
	});
});

describe('an account keeps its interface language', () => {
	it('stores the choice, sets the cookie, and brings it back at the next sign-in', async () => {
		const session = await login(server.httpUrl);
		expect(await (await session.request('/api/auth/language')).json()).toEqual({ language: null });

		const bad = await session.request('/api/auth/language', {
			method: 'PUT',
			json: { language: 'xx' }
		});
		expect(bad.status).toBe(400);
		expect(await bad.json()).toMatchObject({ error: { code: 'invalid_language' } });

		const put = await session.request('/api/auth/language', {
			method: 'PUT',
			json: { language: 'en' }
		});
		expect(put.status).toBe(200);
		expect(put.headers.get('set-cookie')).toMatch(/mitplan_lang=en; .*Path=\//i);
		expect(put.headers.get('set-cookie')).not.toMatch(/HttpOnly/i);

		// Another device: a fresh sign-in gets the language cookie with the session.
		const res = await fetch(`${server.httpUrl}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ email: 'admin@mitplan.test', password: 'x' })
		});
		expect(res.status).toBe(401); // wrong password: no language cookie either
		expect(res.headers.get('set-cookie') ?? '').not.toContain('mitplan_lang');
		const ok = await fetch(`${server.httpUrl}/api/auth/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(TEST_ADMIN)
		});
		expect(ok.status).toBe(200);
		expect(ok.headers.get('set-cookie')).toMatch(/mitplan_lang=en/);
		const again = await login(server.httpUrl);
		expect(await (await again.request('/api/auth/language')).json()).toEqual({ language: 'en' });
	});

	it('is for accounts only', async () => {
		const res = await fetch(`${server.httpUrl}/api/auth/language`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ language: 'en' })
		});
		expect(res.status).toBe(401);
	});
});

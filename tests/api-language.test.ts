/**
 * API error messages in the request's language (issue 15, item 1), over real HTTP against the
 * production bundle: German without a hint (byte for byte as before), English with
 * `Accept-Language: en` and with the cookie `mitplan_lang=en`; the cookie wins over the browser;
 * unknown languages fall back to German. The codes never change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ENV, login, TEST_ADMIN, type HttpSession } from './helpers/auth';
import { closeSockets, connected, join, refused, socketClient } from './helpers/review';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let admin: HttpSession;
const data = tempDir();

beforeAll(async () => {
	server = await spawnServer({
		...ADMIN_ENV,
		DATA_DIR: data.dir,
		SEED_EXAMPLE_PLAN: 'false',
		LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
		LOGIN_MAX_FAILURES_PER_ADDRESS: '1000'
	});
	admin = await login(server.httpUrl);
}, 60_000);
afterAll(async () => {
	closeSockets();
	await server?.stop();
	data.remove();
});

const LANGUAGES = {
	german: {},
	acceptLanguage: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' },
	cookie: { cookie: 'mitplan_lang=en' }
} as const;

type Hint = keyof typeof LANGUAGES;

async function error(res: Response): Promise<{ status: number; code: string; message: string }> {
	const body = (await res.json()) as { error: { code: string; message: string } };
	return { status: res.status, ...body.error };
}

const post = (path: string, hint: Hint, body: string, extra: Record<string, string> = {}) =>
	fetch(`${server.httpUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...LANGUAGES[hint], ...extra },
		body
	});

describe('API errors in the request’s language', () => {
	it('400: invalid JSON', async () => {
		const answers = await Promise.all(
			(Object.keys(LANGUAGES) as Hint[]).map(async (hint) =>
				error(await post('/api/auth/login', hint, '{nicht json'))
			)
		);
		expect(answers[0]).toEqual({
			status: 400,
			code: 'invalid_json',
			message: 'Der Inhalt ist kein gültiges JSON.'
		});
		for (const english of answers.slice(1)) {
			expect(english).toEqual({
				status: 400,
				code: 'invalid_json',
				message: 'The content is not valid JSON.'
			});
		}
	});

	it('404: a plan that does not exist (signed in)', async () => {
		const ask = async (hint: Hint) =>
			error(await admin.request('/api/plans/gibt-es-nicht', { headers: LANGUAGES[hint] }));
		expect(await ask('german')).toEqual({
			status: 404,
			code: 'plan_not_found',
			message: 'Diesen Plan gibt es nicht.'
		});
		expect(await ask('acceptLanguage')).toMatchObject({
			status: 404,
			code: 'plan_not_found',
			message: 'This plan does not exist.'
		});
		// The session helper sets its own cookie header; the language cookie joins it.
		const withCookie = await fetch(`${server.httpUrl}/api/plans/gibt-es-nicht`, {
			headers: { cookie: `${admin.cookie}; mitplan_lang=en` }
		});
		expect(await error(withCookie)).toMatchObject({ message: 'This plan does not exist.' });
	});

	it('409: setting up an installation that is already set up', async () => {
		const body = JSON.stringify({
			email: 'zweite@mitplan.test',
			name: 'Zweite',
			password: 'x'.repeat(12)
		});
		expect(await error(await post('/api/setup', 'german', body))).toEqual({
			status: 409,
			code: 'setup_done',
			message: 'Mitplan ist bereits eingerichtet. Bitte melden Sie sich mit Ihrem Konto an.'
		});
		for (const hint of ['acceptLanguage', 'cookie'] as const) {
			expect(await error(await post('/api/setup', hint, body))).toEqual({
				status: 409,
				code: 'setup_done',
				message: 'Mitplan has already been set up. Please sign in with your account.'
			});
		}
	});

	it('401 from the access gate and the cookie winning over the browser', async () => {
		const me = (headers: Record<string, string>) =>
			fetch(`${server.httpUrl}/api/plans`, { headers }).then(error);
		expect(await me({})).toEqual({
			status: 401,
			code: 'unauthenticated',
			message: 'Bitte melden Sie sich an.'
		});
		expect((await me(LANGUAGES.cookie)).message).toBe('Please sign in.');
		expect((await me({ 'accept-language': 'en', cookie: 'mitplan_lang=de' })).message).toBe(
			'Bitte melden Sie sich an.'
		);
		// Unknown languages never break anything: German.
		expect(
			(await me({ 'accept-language': 'tlh, xx;q=0.5', cookie: 'mitplan_lang=xx' })).message
		).toBe('Bitte melden Sie sich an.');
	});

	it('429: too many sign-in attempts, with the waiting time in the language', async () => {
		const attempts = async (hint: Hint, email: string) => {
			const body = JSON.stringify({ email, password: 'falsch-falsch' });
			const failed = [];
			for (let i = 0; i < 3; i++)
				failed.push(await error(await post('/api/auth/login', hint, body)));
			return { failed, blocked: await post('/api/auth/login', hint, body) };
		};
		const de = await attempts('german', TEST_ADMIN.email.replace('admin', 'opfer-de'));
		expect(de.failed[0]).toEqual({
			status: 401,
			code: 'invalid_credentials',
			message: 'E-Mail-Adresse oder Passwort ist nicht richtig.'
		});
		const deBlocked = await error(de.blocked);
		expect(deBlocked).toMatchObject({ status: 429, code: 'too_many_attempts' });
		expect(deBlocked.message).toMatch(
			/^Zu viele fehlgeschlagene Anmeldeversuche\. .* bitte versuchen Sie es in (\d+ Sekunden|einer Minute|\d+ Minuten) noch einmal\.$/
		);

		for (const hint of ['acceptLanguage', 'cookie'] as const) {
			const en = await attempts(hint, TEST_ADMIN.email.replace('admin', `opfer-${hint}`));
			expect(en.failed[0].message).toBe('The email address or password is not correct.');
			expect(Number(en.blocked.headers.get('retry-after'))).toBeGreaterThan(0);
			const blocked = await error(en.blocked);
			expect(blocked).toMatchObject({ status: 429, code: 'too_many_attempts' });
			expect(blocked.message).toMatch(
				/^Too many failed sign-in attempts\. .* please try again in (\d+ seconds|a minute|\d+ minutes)\.$/
			);
		}
	});
});

describe('socket.io refusals in the socket’s language', () => {
	it('the handshake refusal and a join ack: English with the cookie, German without', async () => {
		expect(await refused(socketClient(server.httpUrl, { cookie: 'mitplan_lang=en' }))).toEqual({
			code: 'unauthenticated',
			message: 'Please sign in.'
		});
		expect(await refused(socketClient(server.httpUrl))).toMatchObject({
			code: 'unauthenticated',
			message: 'Bitte melden Sie sich an.'
		});

		const english = socketClient(server.httpUrl, { cookie: `${admin.cookie}; mitplan_lang=en` });
		await connected(english);
		expect(await join(english, 'gibt-es-nicht')).toEqual({
			ok: false,
			code: 'plan_not_found',
			message: 'This plan does not exist.'
		});
		const german = socketClient(server.httpUrl, { cookie: admin.cookie });
		await connected(german);
		expect(await join(german, 'gibt-es-nicht')).toEqual({
			ok: false,
			code: 'plan_not_found',
			message: 'Diesen Plan gibt es nicht.'
		});
	});
});

/**
 * Server-made texts in the reader's language (issue 15), over real HTTP against the production
 * bundle: an inbox notice is stored as kind + params and read in English (cookie
 * `mitplan_lang=en` or Accept-Language) and in German (default); the version the server takes
 * before a restore is named in the language of the restoring request.
 * Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbox } from '../src/lib/review/types';
import type { VersionMeta } from '../src/lib/versions/types';
import { ADMIN_ENV, createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let server: ServerProcess;
let admin: HttpSession;
const data = tempDir();

beforeAll(async () => {
	server = await spawnServer({ ...ADMIN_ENV, DATA_DIR: data.dir, SEED_EXAMPLE_PLAN: 'false' });
	admin = await login(server.httpUrl);
}, 60_000);
afterAll(async () => {
	await server?.stop();
	data.remove();
});

/** GET with the session and extra language hints (cookie or Accept-Language). */
function get(s: HttpSession, path: string, hint: { cookie?: string; lang?: string } = {}) {
	const headers: Record<string, string> = {
		cookie: [s.cookie, hint.cookie].filter(Boolean).join('; ')
	};
	if (hint.lang) headers['accept-language'] = hint.lang;
	return fetch(`${server.httpUrl}${path}`, { headers });
}

async function person(name: string, email: string): Promise<HttpSession> {
	const password = 'passwort-lang-1234';
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	return login(server.httpUrl, email, password);
}

describe('server-made texts in the reader’s language', () => {
	it('an inbox notice reads in English and in German', async () => {
		const { planId } = await createPlanViaApi(admin, 'Klimaplan Nord');
		const rita = await person('Rita Prüferin', 'rita@mitplan.test');
		const added = await admin.request(`/api/plans/${planId}/members`, {
			method: 'POST',
			json: { email: 'rita@mitplan.test', role: 'reviewer' }
		});
		expect(added.status).toBe(201);
		expect((await rita.request(`/api/plans/${planId}`)).status).toBe(200);
		const ritaId = (
			(await (await rita.request('/api/auth/me')).json()) as { principal: { id: string } }
		).principal.id;

		const request = await admin.request(`/api/plans/${planId}/review-requests`, {
			method: 'POST',
			json: { scope: { kind: 'plan' }, reviewerIds: [ritaId], dueDate: '2030-01-31' }
		});
		expect(request.status).toBe(201);

		const read = async (hint: { cookie?: string; lang?: string }) => {
			const res = await get(rita, '/api/notifications', hint);
			expect(res.status).toBe(200);
			const inbox = (await res.json()) as Inbox;
			expect(inbox.notifications).toHaveLength(1);
			return inbox.notifications[0];
		};
		const german = await read({});
		expect(german.kind).toBe('review_requested');
		expect(german.params).toMatchObject({ due: '2030-01-31' });
		expect(german.text).toMatch(
			/^.+ bittet Sie bis 31\.01\.2030 um Ihre Prüfung von „Klimaplan Nord“\.$/
		);
		const english = await read({ cookie: 'mitplan_lang=en' });
		expect(english.text).toMatch(/^.+ asks you to review “Klimaplan Nord” by 31\/01\/2030\.$/);
		expect((await read({ lang: 'en-GB,en;q=0.9' })).text).toBe(english.text);
		// The cookie wins over the browser.
		expect((await read({ cookie: 'mitplan_lang=de', lang: 'en' })).text).toBe(german.text);
	});

	it('the version taken before a restore is named in the restoring request’s language', async () => {
		const { planId } = await createPlanViaApi(admin, 'Versionen');
		const taken = await admin.request(`/api/plans/${planId}/versions`, {
			method: 'POST',
			json: { name: 'Zwischenbericht' }
		});
		expect(taken.status).toBe(201);
		const version = (await taken.json()) as VersionMeta;
		const restore = (cookie: string) =>
			fetch(`${server.httpUrl}/api/plans/${planId}/versions/${version.id}/restore`, {
				method: 'POST',
				headers: { cookie: `${admin.cookie}${cookie}` }
			});
		const en = await restore('; mitplan_lang=en');
		expect(en.status).toBe(200);
		expect(((await en.json()) as { snapshot: VersionMeta }).snapshot).toMatchObject({
			kind: 'pre_restore',
			name: 'Before restoring “Zwischenbericht”'
		});
		const de = await restore('');
		expect(de.status).toBe(200);
		expect(((await de.json()) as { snapshot: VersionMeta }).snapshot.name).toBe(
			'Vor Wiederherstellung von „Zwischenbericht“'
		);
	});
});

/**
 * Request validation through the schema layer, over real HTTP against the production bundle: a
 * field of the wrong type or an unknown choice answers 400 `invalid_input` with `field` and a
 * German message naming it; valid input is answered as before. Covers plans, members, review,
 * Zeitplan, Umsetzung, Sitzungen (with idea wall and protocol), accounts, login, setup, language,
 * notifications, guest join and public submissions. Needs `npm run build`.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlanViaApi, login, type HttpSession } from './helpers/auth';
import { serverPool } from './helpers/server-pool';
import type { ServerProcess } from './helpers/server';

const start = serverPool({ SEED_EXAMPLE_PLAN: 'false' });
let server: ServerProcess;
let admin: HttpSession;
let planId: string;

beforeAll(async () => {
	server = await start();
	admin = await login(server.httpUrl);
	planId = (await createPlanViaApi(admin, 'Prüfplan')).planId;
});

async function refused(path: string, method: string, json: unknown) {
	const res = await admin.request(path, { method, json });
	expect(res.status, path).toBe(400);
	return ((await res.json()) as { error: { code: string; message: string; field: string } }).error;
}

describe('schema validation of request bodies', () => {
	it('names the field of the wrong type or value, in German', async () => {
		const p = `/api/plans/${planId}`;
		expect(await refused('/api/plans', 'POST', { title: 42 })).toEqual({
			code: 'invalid_input',
			field: 'title',
			message: 'Feld „title“: muss ein Text sein.'
		});
		const role = await refused(`${p}/members`, 'POST', { email: 'a@b.de', role: 'chef' });
		expect(role).toMatchObject({ code: 'invalid_input', field: 'role' });
		expect(role.message).toMatch(/^Feld „role“: muss einer dieser Werte sein: „owner“/);
		expect(
			await refused(`${p}/review-requests`, 'POST', {
				scope: { kind: 'plan' },
				reviewerIds: 'alle',
				dueDate: '2027-01-01'
			})
		).toMatchObject({ field: 'reviewerIds', message: 'Feld „reviewerIds“: muss eine Liste sein.' });
		expect(
			await refused(`${p}/zeitplan`, 'PUT', { phases: [{ title: 1 }], milestones: [] })
		).toMatchObject({ field: 'phases.0.title' });
		expect(
			await refused(`${p}/umsetzung/sammel`, 'POST', { measureIds: [1], status: 'x', reason: 'x' })
		).toMatchObject({ field: 'measureIds.0' });
		expect(await refused(`${p}/checks`, 'POST', { measureIds: ['m'], office: 3 })).toMatchObject({
			field: 'office'
		});
	});

	it('answers valid input as before', async () => {
		const p = `/api/plans/${planId}`;
		const patch = await admin.request(p, { method: 'PATCH', json: { municipality: 'Teststadt' } });
		expect(patch.status).toBe(200);
		expect(((await patch.json()) as { municipality: string }).municipality).toBe('Teststadt');
		const phase = await admin.request(`${p}/zeitplan/phases`, {
			method: 'POST',
			json: { title: 'Analyse', start: '2027-01-04', end: '2027-02-26' }
		});
		expect(phase.status).toBe(201);
		// Missing required fields keep the service's own code.
		const noDate = await admin.request(`${p}/zeitplan/milestones`, {
			method: 'POST',
			json: { title: 'Sitzung' }
		});
		expect(((await noDate.json()) as { error: { code: string } }).error.code).toBe('date_required');
	});

	it('checks Sitzungen, ideas, clusters and the protocol', async () => {
		const base = `/api/plans/${planId}/sitzungen`;
		expect(await refused(base, 'POST', { title: 'Runde', date: 20270115 })).toMatchObject({
			code: 'invalid_input',
			field: 'date'
		});
		const created = await admin.request(base, {
			method: 'POST',
			json: { title: 'Runde', date: '2027-01-15' }
		});
		expect(created.status).toBe(201);
		const s = `${base}/${((await created.json()) as { id: string }).id}`;
		const cases: Array<[string, string, unknown, string]> = [
			[s, 'PATCH', { room: 5 }, 'room'],
			[s, 'PATCH', { agenda: [{ title: 'TOP', minutes: 'zehn' }] }, 'agenda.0.minutes'],
			[`${s}/steuerung`, 'POST', { action: 1 }, 'action'],
			[`${s}/hand`, 'POST', { raised: 'ja' }, 'raised'],
			[`${s}/anwesenheit`, 'POST', { name: 'Frau A', headCount: 'drei' }, 'headCount'],
			[`${s}/ideen`, 'POST', { clientId: 'c-000001', text: 7 }, 'text'],
			[`${s}/ideen-gruppen`, 'POST', { title: ['Gruppe'] }, 'title'],
			[`${s}/protokoll`, 'PATCH', { commentDays: 'drei' }, 'commentDays'],
			[`${s}/protokoll`, 'PATCH', { noteTakerIds: 'alle' }, 'noteTakerIds'],
			[`${s}/protokoll/eintraege`, 'POST', { kind: 'decision', text: 3 }, 'text'],
			[`${s}/protokoll/kommentare`, 'POST', { text: false }, 'text']
		];
		for (const [path, method, json, field] of cases) {
			const error = await refused(path, method, json);
			expect(error, `${method} ${path}`).toMatchObject({ code: 'invalid_input', field });
			expect(error.message).toMatch(new RegExp(`^Feld „${field.replace(/\./g, '\\.')}“: `));
		}
		// Valid input as before; a semantic error keeps the service's code.
		const started = await admin.request(`${s}/steuerung`, {
			method: 'POST',
			json: { action: 'start' }
		});
		expect(started.status).toBe(200);
		const unknown = await admin.request(`${s}/steuerung`, {
			method: 'POST',
			json: { action: 'tanzen' }
		});
		expect(unknown.status).toBe(400);
		expect(((await unknown.json()) as { error: { code: string } }).error.code).not.toBe(
			'invalid_input'
		);
	});

	it('checks accounts, login, setup, language, notifications and public writes', async () => {
		const cases: Array<[string, string, unknown, string]> = [
			['/api/auth/login', 'POST', { email: 1, password: 'x' }, 'email'],
			['/api/auth/password', 'POST', { currentPassword: 1, newPassword: 'y' }, 'currentPassword'],
			['/api/auth/language', 'PUT', { language: 5 }, 'language'],
			['/api/auth/mail', 'PUT', { review: 'ja' }, 'review'],
			['/api/notifications/read', 'POST', { ids: 'alle' }, 'ids'],
			['/api/setup', 'POST', { email: 'a@b.de', name: 'A', password: 12 }, 'password'],
			[
				'/api/admin/users',
				'POST',
				{ email: 'n@mitplan.test', name: 'N', password: 1234567890 },
				'password'
			],
			['/api/invites/kein-link/guest', 'POST', { name: 1 }, 'name'],
			[
				'/api/public/rounds/kein-link/submissions',
				'POST',
				{ kind: 'idea', title: 'T', text: 'X', consent: 'ja' },
				'consent'
			]
		];
		for (const [path, method, json, field] of cases) {
			expect(await refused(path, method, json), `${method} ${path}`).toMatchObject({
				code: 'invalid_input',
				field
			});
		}
		const users = (await (await admin.request('/api/admin/users')).json()) as { id: string }[];
		const userPath = `/api/admin/users/${users[0].id}`;
		expect(await refused(userPath, 'PATCH', { disabled: 'ja' })).toMatchObject({
			field: 'disabled'
		});
		expect(await refused(`${userPath}/password`, 'POST', { password: 1 })).toMatchObject({
			field: 'password'
		});
		// Unknown keys and unknown languages keep their codes.
		expect((await refused(userPath, 'PATCH', { rolle: 'chef' })).code).toBe('invalid_body');
		expect((await refused('/api/auth/language', 'PUT', { language: 'fr' })).code).toBe(
			'invalid_language'
		);
		const language = await admin.request('/api/auth/language', {
			method: 'PUT',
			json: { language: 'de' }
		});
		expect(language.status).toBe(200);
	});
});

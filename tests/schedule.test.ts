/**
 * Zeitplan (issue 16) against the production bundle over real HTTP, with the embedded file
 * store and with Redis: owner CRUD, roles (editor/viewer may not write, viewer reads), bad
 * input, the default schedule, automatic entries, the iCal feed parsed with ical.js (revoked,
 * cross-plan, lost access) and, on Redis, that deleting the plan leaves no key behind.
 * Needs `npm run build`.
 */
import ICAL from 'ical.js';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { ScheduleView } from '../src/lib/domain/schedule';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

function events(ics: string) {
	const cal = new ICAL.Component(ICAL.parse(ics));
	return cal.getAllSubcomponents('vevent').map((v) => {
		const e = new ICAL.Event(v);
		return {
			uid: e.uid,
			summary: e.summary,
			location: e.location,
			start: e.startDate.toString(),
			end: e.endDate.toString(),
			allDay: e.startDate.isDate,
			startUtc: e.startDate.toJSDate().toISOString()
		};
	});
}

describe.each(['file', 'redis'] as const)('Zeitplan (%s store)', (kind) => {
	let server: ServerProcess;
	let data: ReturnType<typeof tempDir>;
	let redis: TestRedis | undefined;
	let admin: HttpSession;
	let editor: HttpSession;
	let viewer: HttpSession;
	let planId: string;
	let otherPlanId: string;
	let plan: PlanJson;
	let n = 0;

	async function createPlan(title: string): Promise<string> {
		const res = await admin.request('/api/plans', {
			method: 'POST',
			json: { title, example: true }
		});
		expect(res.status).toBe(201);
		return ((await res.json()) as { id: string }).id;
	}

	async function member(role: 'editor' | 'viewer', plans: string[]): Promise<HttpSession> {
		const email = `${role}${++n}-${kind}@stadt.test`;
		const password = 'mitglied-passwort-1';
		const res = await admin.request('/api/admin/users', {
			method: 'POST',
			json: { email, name: `${role} ${n}`, password, mustChangePassword: false }
		});
		expect(res.status).toBe(201);
		for (const id of plans) {
			const add = await admin.request(`/api/plans/${id}/members`, {
				method: 'POST',
				json: { email, role }
			});
			expect(add.status).toBe(201);
		}
		return login(server.httpUrl, email, password);
	}

	const path = (rest = '', id = planId) => `/api/plans/${id}/zeitplan${rest}`;
	const view = async (who: HttpSession = admin, id = planId) => {
		const res = await who.request(path('', id));
		expect(res.status).toBe(200);
		return (await res.json()) as ScheduleView;
	};

	beforeAll(async () => {
		data = tempDir();
		const env: Record<string, string> = {
			DATA_DIR: data.dir,
			SEED_EXAMPLE_PLAN: 'false',
			...ADMIN_ENV
		};
		if (kind === 'redis') {
			redis = await startRedis();
			env.REDIS_URL = redis.url;
		}
		server = await spawnServer(env);
		admin = await login(server.httpUrl);
		planId = await createPlan('Zeitplan-Test');
		otherPlanId = await createPlan('Anderer Plan');
		plan = (await (await admin.request(`/api/plans/${planId}`)).json()) as PlanJson;
		editor = await member('editor', [planId]);
		viewer = await member('viewer', [planId, otherPlanId]);
	}, 60_000);

	afterAll(async () => {
		await server?.stop();
		await redis?.stop();
		data?.remove();
	});

	it('lets the owner add, change and delete phases and milestones', async () => {
		const field = plan.fields[0];
		const phase = await admin.request(path('/phases'), {
			method: 'POST',
			json: { title: 'AG-Phase', start: '2027-04-01', end: '2027-07-31', fieldId: field.id }
		});
		expect(phase.status).toBe(201);
		const p = (await phase.json()) as { id: string };
		const ms = await admin.request(path('/milestones'), {
			method: 'POST',
			json: {
				title: '3. AG-Sitzung Wohnen',
				date: '2027-03-12',
				time: '18:00',
				place: 'Rathaus, Raum 2'
			}
		});
		expect(ms.status).toBe(201);
		const m = (await ms.json()) as { id: string };

		const patched = await admin.request(path(`/milestones/${m.id}`), {
			method: 'PATCH',
			json: { place: 'Bürgerhaus' }
		});
		expect(patched.status).toBe(200);
		expect(await patched.json()).toMatchObject({
			title: '3. AG-Sitzung Wohnen',
			date: '2027-03-12',
			place: 'Bürgerhaus'
		});

		let v = await view();
		expect(v.phases.map((x) => x.title)).toEqual(['AG-Phase']);
		expect(v.milestones.map((x) => [x.title, x.time, x.place])).toEqual([
			['3. AG-Sitzung Wohnen', '18:00', 'Bürgerhaus']
		]);
		expect(v.fields.map((f) => f.id)).toEqual(plan.fields.map((f) => f.id));

		expect((await admin.request(path(`/phases/${p.id}`), { method: 'DELETE' })).status).toBe(204);
		const again = await admin.request(path(`/phases/${p.id}`), { method: 'DELETE' });
		expect(again.status).toBe(404);
		expect(((await again.json()) as { error: { message: string } }).error.message).toContain(
			'gibt es nicht'
		);
		v = await view();
		expect(v.phases).toEqual([]);
		expect(v.milestones).toHaveLength(1);
	});

	it('refuses writes from editors and viewers (403) but lets viewers read', async () => {
		for (const who of [editor, viewer]) {
			const res = await who.request(path('/milestones'), {
				method: 'POST',
				json: { title: 'x', date: '2027-05-01' }
			});
			expect(res.status).toBe(403);
			expect(
				(await who.request(path(), { method: 'PUT', json: { phases: [], milestones: [] } })).status
			).toBe(403);
			expect(
				(await who.request(path('/default'), { method: 'POST', json: { start: '2027-03-01' } }))
					.status
			).toBe(403);
		}
		expect((await view(viewer)).milestones.map((m) => m.title)).toContain('3. AG-Sitzung Wohnen');
		const stranger = await fetch(`${server.httpUrl}${path()}`);
		expect(stranger.status).toBe(401);
	});

	it('refuses bad input with clear German messages and keeps what was there', async () => {
		const cases: Array<[string, Record<string, unknown>, number, string]> = [
			['/milestones', { title: 'Sitzung ohne Datum' }, 400, 'date_required'],
			['/milestones', { title: 'Sitzung', date: '12.03.2027' }, 400, 'invalid_date'],
			[
				'/phases',
				{ title: 'Rückwärts', start: '2027-05-10', end: '2027-05-01' },
				400,
				'end_before_start'
			],
			['/phases', { title: '', start: '2027-05-10', end: '2027-05-11' }, 400, 'title_required'],
			['/milestones', { title: 'x'.repeat(500), date: '2027-05-01' }, 400, 'text_too_long'],
			[
				'/milestones',
				{ title: 'x', date: '2027-05-01', fieldId: 'gibt-es-nicht' },
				400,
				'invalid_field'
			]
		];
		for (const [sub, json, status, code] of cases) {
			const res = await admin.request(path(sub), { method: 'POST', json });
			expect(res.status, code).toBe(status);
			const body = (await res.json()) as { error: { code: string; message: string } };
			expect(body.error.code).toBe(code);
			expect(body.error.message.length).toBeGreaterThan(10);
		}
		const msg = await (
			await admin.request(path('/phases'), {
				method: 'POST',
				json: { title: 'R', start: '2027-05-10', end: '2027-05-01' }
			})
		).json();
		expect(msg.error.message).toBe('Das Ende (01.05.2027) liegt vor dem Beginn (10.05.2027).');
		// oversized body and too many entries
		const huge = await admin.request(path('/milestones'), {
			method: 'POST',
			json: { title: 'x', date: '2027-05-01', place: 'p'.repeat(70_000) }
		});
		expect(huge.status).toBe(413);
		const many = Array.from({ length: 241 }, (_, i) => ({ title: `T${i}`, date: '2027-05-01' }));
		const full = await admin.request(path(), {
			method: 'PUT',
			json: { phases: [], milestones: many }
		});
		expect(full.status).toBe(409);
		expect(((await full.json()) as { error: { code: string } }).error.code).toBe('schedule_full');
		expect((await view()).milestones.map((m) => m.title)).toEqual(['3. AG-Sitzung Wohnen']);
	});

	it('applies the default schedule only to an empty Zeitplan and shows automatic entries', async () => {
		const refused = await admin.request(path('/default'), {
			method: 'POST',
			json: { start: '2027-03-10' }
		});
		expect(refused.status).toBe(409);
		const replaced = await admin.request(path(), {
			method: 'PUT',
			json: { phases: [], milestones: [] }
		});
		expect(replaced.status).toBe(200);
		const applied = await admin.request(path('/default'), {
			method: 'POST',
			json: { start: '2027-03-10' }
		});
		expect(applied.status).toBe(201);
		const v = await view();
		for (const f of plan.fields) {
			expect(
				v.milestones.some((m) => m.title === `1. AG-Sitzung ${f.title}` && m.fieldId === f.id)
			).toBe(true);
		}
		expect(v.milestones.map((m) => m.title)).toContain('Ratsbeschluss');

		// a feedback round and a review request appear as automatic entries, read live
		const round = await admin.request(`/api/plans/${planId}/rounds`, {
			method: 'POST',
			json: {
				title: 'Vor der AG-Sitzung',
				fieldIds: [plan.fields[0].id],
				startsAt: '2027-03-20T08:00:00.000Z',
				endsAt: '2027-04-03T16:00:00.000Z'
			}
		});
		expect(round.status).toBe(201);
		const roundId = ((await round.json()) as { id: string }).id;
		const auto = (await view(viewer)).automatic;
		expect(auto.map((a) => [a.kind, a.date, a.time, a.fieldId])).toEqual([
			['feedback_start', '2027-03-20', '09:00', plan.fields[0].id],
			['feedback_end', '2027-04-03', '18:00', plan.fields[0].id]
		]);
		await admin.request(`/api/plans/${planId}/rounds/${roundId}`, {
			method: 'PATCH',
			json: { endsAt: '2027-04-10T16:00:00.000Z' }
		});
		expect((await view()).automatic[1].date).toBe('2027-04-10');
	});

	it('serves a member’s calendar feed until it is revoked or access ends', async () => {
		expect(await (await viewer.request(path('/feed'))).json()).toEqual({
			active: false,
			createdAt: null
		});
		const created = await viewer.request(path('/feed'), { method: 'POST' });
		expect(created.status).toBe(201);
		const { url } = (await created.json()) as { url: string };
		expect(url).toMatch(/\/api\/kalender\/[A-Za-z0-9_-]{32}\.ics$/);
		expect((await (await viewer.request(path('/feed'))).json()).active).toBe(true);

		// no session needed: a calendar program fetches it
		const res = await fetch(url);
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toContain('text/calendar');
		const list = events(await res.text());
		const v = await view();
		expect(list.length).toBe(v.phases.length + v.milestones.length + v.automatic.length);
		const kickoff = list.find((e) => e.summary === 'Auftaktveranstaltung')!;
		expect(kickoff).toMatchObject({ allDay: true, start: '2027-03-10' });
		const roundEnd = list.find((e) => e.summary.includes('endet'))!;
		expect(roundEnd.start).toBe('2027-04-10');

		// a milestone with a clock time lands at the right instant
		await admin.request(path('/milestones'), {
			method: 'POST',
			json: { title: 'Sondersitzung', date: '2027-06-15', time: '18:30', place: 'Rathaus' }
		});
		const timed = events(await (await fetch(url)).text()).find(
			(e) => e.summary === 'Sondersitzung'
		)!;
		expect(timed).toMatchObject({
			allDay: false,
			location: 'Rathaus',
			startUtc: '2027-06-15T16:30:00.000Z'
		});

		// the token covers only its own plan: plan B's feed of the same person is another link
		const otherUrl = (
			(await (await viewer.request(path('/feed', otherPlanId), { method: 'POST' })).json()) as {
				url: string;
			}
		).url;
		await admin.request(path('/milestones', otherPlanId), {
			method: 'POST',
			json: { title: 'Nur in Plan B', date: '2027-05-05' }
		});
		const a = events(await (await fetch(url)).text()).map((e) => e.summary);
		const b = events(await (await fetch(otherUrl)).text()).map((e) => e.summary);
		expect(a).not.toContain('Nur in Plan B');
		expect(b).toEqual(['Nur in Plan B']);
		expect(otherUrl).not.toBe(url);

		// a new link replaces the old one; revoking ends it with 410
		const second = (
			(await (await viewer.request(path('/feed'), { method: 'POST' })).json()) as { url: string }
		).url;
		const old = await fetch(url);
		expect(old.status).toBe(410);
		expect(((await old.json()) as { error: { code: string } }).error.code).toBe('feed_revoked');
		expect((await fetch(second)).status).toBe(200);
		expect((await viewer.request(path('/feed'), { method: 'DELETE' })).status).toBe(204);
		const revoked = await fetch(second);
		expect(revoked.status).toBe(410);
		expect(((await revoked.json()) as { error: { message: string } }).error.message).toContain(
			'widerrufen'
		);
		const unknown = await fetch(`${server.httpUrl}/api/kalender/${'A'.repeat(32)}.ics`);
		expect(unknown.status).toBe(404);

		// the member loses access to plan B: its feed stops
		expect((await fetch(otherUrl)).status).toBe(200);
		const members = (await (
			await admin.request(`/api/plans/${otherPlanId}/members`)
		).json()) as Array<{
			userId: string;
			role: string;
		}>;
		const viewerId = members.find((m) => m.role === 'viewer')!.userId;
		expect(
			(await admin.request(`/api/plans/${otherPlanId}/members/${viewerId}`, { method: 'DELETE' }))
				.status
		).toBe(204);
		const gone = await fetch(otherUrl);
		expect(gone.status).toBe(410);
		expect(((await gone.json()) as { error: { code: string } }).error.code).toBe('feed_no_access');
	});

	// Redis only: there every stored key can be listed.
	if (kind === 'redis')
		it('deleting the plan removes the Zeitplan and its feed tokens', async () => {
			const id = await createPlan('Wird gelöscht');
			await admin.request(path('/milestones', id), {
				method: 'POST',
				json: { title: 'Termin', date: '2027-05-05' }
			});
			const feed = await admin.request(path('/feed', id), { method: 'POST' });
			const { url } = (await feed.json()) as { url: string };
			const client = createClient({ url: redis!.url });
			await client.connect();
			try {
				const keys = async () =>
					(await client.keys('mitplan:app:zp:*')).filter((k) => k.includes(id));
				expect((await keys()).length).toBeGreaterThan(0);
				const hashKeys = (await client.keys('mitplan:app:zp:feed:*')).length;
				expect((await admin.request(`/api/plans/${id}`, { method: 'DELETE' })).status).toBe(204);
				expect(await client.keys(`*${id}*`)).toEqual([`mitplan:{${id}}:deleted`]);
				expect((await client.keys('mitplan:app:zp:feed:*')).length).toBe(hashKeys - 1);
			} finally {
				await client.close();
			}
			expect((await fetch(url)).status).toBe(404);
		});
});

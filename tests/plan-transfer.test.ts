/**
 * Issue 17, item 3: one plan moves from an installation with the file store to one with Redis
 * (two real servers, the production bundle): document, settings, versions, review thread,
 * feedback round with a public submission and the Zeitplan arrive; ids are kept, or remapped
 * with newId=1; hostile and malformed files are refused in German and write nothing.
 */
import http from 'node:http';
import { createClient } from 'redis';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/index';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let redis: TestRedis;
let source: ServerProcess;
let target: ServerProcess;
let a: HttpSession;
let b: HttpSession;
const data = tempDir();
let planId: string;
let file: Record<string, unknown> & { records: { key: string }[]; doc: string };
let roundToken: string;

async function expectStatus(res: Response, status: number) {
	if (res.status !== status) throw new Error(`${res.url}: ${res.status} ${await res.text()}`);
	return res;
}
const body = async <T>(res: Promise<Response>, status = 200) =>
	(await (await expectStatus(await res, status)).json()) as T;

async function redisKeys(): Promise<string[]> {
	const client = createClient({ url: redis.url });
	await client.connect();
	try {
		return (await client.keys('*')).sort();
	} finally {
		await client.close();
	}
}

beforeAll(async () => {
	redis = await startRedis();
	const common = { ...ADMIN_ENV, SEED_EXAMPLE_PLAN: 'false', BODY_SIZE_LIMIT: '4M' };
	[source, target] = await Promise.all([
		spawnServer({ ...common, DATA_DIR: data.dir }),
		spawnServer({ ...common, REDIS_URL: redis.url })
	]);
	[a, b] = await Promise.all([login(source.httpUrl), login(target.httpUrl)]);

	planId = (
		await body<{ id: string }>(
			a.request('/api/plans', {
				method: 'POST',
				json: { title: 'Vielfaltsstrategie Musterstadt', example: true }
			}),
			201
		)
	).id;
	const plan = await body<PlanJson>(a.request(`/api/plans/${planId}`));
	const field = plan.fields[0];
	await body(
		a.request(`/api/plans/${planId}/threads`, {
			method: 'POST',
			json: { itemId: field.goals[0].measures[0].id, body: 'Ist das finanziert?' }
		}),
		201
	);
	await body(
		a.request(`/api/plans/${planId}/versions`, { method: 'POST', json: { name: 'Entwurf' } }),
		201
	);
	roundToken = (
		await body<{ token: string }>(
			a.request(`/api/plans/${planId}/rounds`, {
				method: 'POST',
				json: {
					title: 'Rückmeldung',
					fieldIds: [field.id],
					startsAt: new Date(Date.now() - 60_000).toISOString(),
					endsAt: new Date(Date.now() + 86_400_000).toISOString()
				}
			}),
			201
		)
	).token;
	await body(
		fetch(`${source.httpUrl}/api/public/rounds/${roundToken}/submissions`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				kind: 'comment',
				targetId: field.id,
				title: 'Mehr Sprachkurse',
				text: 'Bitte auch abends.',
				consent: true
			})
		}),
		201
	);
	await body(
		a.request(`/api/plans/${planId}/zeitplan/milestones`, {
			method: 'POST',
			json: { title: 'Auftaktveranstaltung', date: '2027-03-10' }
		}),
		201
	);
}, 120_000);

afterAll(async () => {
	await Promise.all([source?.stop(), target?.stop()]);
	await redis?.stop();
	data.remove();
});

/**
 * POST with node:http: the server answers 413 before the body is sent, so the client may meet
 * EPIPE afterwards (fetch would fail on that); the answer is what counts.
 */
function postRaw(url: string, cookie: string, payload: string) {
	return new Promise<{ status: number; text: string }>((resolve, reject) => {
		const req = http.request(url, {
			method: 'POST',
			headers: { cookie, 'content-type': 'application/json' }
		});
		req.on('response', (res) => {
			let text = '';
			res.on('data', (c: Buffer) => (text += c.toString()));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
		});
		let answered = false;
		req.on('response', () => (answered = true));
		req.on('error', (error) => setTimeout(() => reject(error), 2_000));
		// In pieces, so the early answer is read before the server closes the connection.
		void (async () => {
			for (let i = 0; i < payload.length && !answered; i += 64 * 1024) {
				if (!req.write(payload.slice(i, i + 64 * 1024))) {
					await new Promise((r) => req.once('drain', r));
				}
				await new Promise((r) => setTimeout(r, 1));
			}
			if (!answered) req.end();
		})().catch(() => {});
	});
}

/** What the API shows of a plan on one server (ids of the plan itself left out). */
async function picture(s: HttpSession, id: string) {
	const plan = await body<PlanJson & { id?: string }>(s.request(`/api/plans/${id}`));
	const versions = await body<{ name?: string }[] | { versions: { name?: string }[] }>(
		s.request(`/api/plans/${id}/versions`)
	);
	const threads = await body<unknown>(s.request(`/api/plans/${id}/review`));
	const rounds = await body<unknown>(s.request(`/api/plans/${id}/rounds`));
	const zeitplan = await body<unknown>(s.request(`/api/plans/${id}/zeitplan`));
	const text = (v: unknown) => JSON.stringify(v).split(id).join('<plan>');
	return {
		plan: JSON.parse(text(plan)) as unknown,
		versions: text(versions),
		threads: text(threads),
		rounds: text(rounds),
		zeitplan: text(zeitplan)
	};
}

describe('moving a plan from the file store to Redis', () => {
	it('exports a documented file (owner) and imports it with its ids', async () => {
		const res = await expectStatus(await a.request(`/api/plans/${planId}/transfer`), 200);
		expect(res.headers.get('content-disposition')).toContain(`mitplan-${planId}.json`);
		file = (await res.json()) as typeof file;
		expect(file).toMatchObject({ format: 'mitplan-plan', version: 1, planId });
		expect(typeof file.doc).toBe('string');
		const keys = file.records.map((r) => r.key);
		for (const k of ['versions:{plan}', 'zp:plan:{plan}', 'fb:plan:{plan}:rounds'])
			expect(keys).toContain(k);
		expect(keys.some((k) => k.startsWith('review:thread:{plan}:'))).toBe(true);
		expect(keys.some((k) => k.startsWith('fb:sub:'))).toBe(true);
		expect(keys.some((k) => /^(user|session|plan:.*:members)/.test(k))).toBe(false);

		const imported = await body<{ id: string; remapped: boolean }>(
			b.request('/api/plan-import', { method: 'POST', json: file }),
			201
		);
		expect(imported).toMatchObject({ id: planId, remapped: false });
		const [before, after] = await Promise.all([picture(a, planId), picture(b, planId)]);
		expect(after.plan).toEqual(before.plan);
		expect(after.versions).toContain('Entwurf');
		expect(after.threads).toContain('Ist das finanziert?');
		expect(after.zeitplan).toContain('Auftaktveranstaltung');
		expect(after.rounds).toContain('Rückmeldung');
		// The public link is new on the target; the old one leads nowhere there.
		expect(after.rounds).not.toContain(roundToken);
		expect((await fetch(`${target.httpUrl}/api/public/rounds/${roundToken}`)).status).toBe(404);
		const newToken = /"token":"([^"]+)"/.exec(after.rounds)![1];
		expect((await fetch(`${target.httpUrl}/api/public/rounds/${newToken}`)).status).toBe(200);
		// the version's snapshot came along: it can be read
		const list = JSON.parse(after.versions.split('<plan>').join(planId));
		const versions = (Array.isArray(list) ? list : list.versions) as { id: string }[];
		expect(versions.length).toBeGreaterThan(0);
		await expectStatus(await b.request(`/api/plans/${planId}/versions/${versions[0].id}`), 200);
	}, 120_000);

	it('refuses an id that exists, imports with new ids on request', async () => {
		const again = await b.request('/api/plan-import', { method: 'POST', json: file });
		expect(again.status).toBe(409);
		expect(((await again.json()) as { error: { code: string; message: string } }).error).toEqual({
			code: 'plan_exists',
			message: expect.stringMatching(/gibt es hier schon.*newId=1/)
		});
		const copy = await body<{ id: string; remapped: boolean }>(
			b.request('/api/plan-import?newId=1', { method: 'POST', json: file }),
			201
		);
		expect(copy.remapped).toBe(true);
		expect(copy.id).not.toBe(planId);
		const [original, remapped] = await Promise.all([picture(b, planId), picture(b, copy.id)]);
		expect(remapped.plan).toEqual(original.plan);
		const rounds = (t: string) => t.replace(/runde-[A-Za-z0-9_-]+/g, '<runde>');
		expect(rounds(remapped.zeitplan)).toBe(rounds(original.zeitplan));
		expect(remapped.zeitplan).not.toBe(original.zeitplan);
		expect(remapped.rounds).toContain('Rückmeldung');
		// separate rounds: the copy's round has its own id and link
		expect(remapped.rounds).not.toBe(original.rounds);
	}, 60_000);

	it('refuses hostile and malformed files with a German message and writes nothing', async () => {
		const keysBefore = await redisKeys();
		const plansBefore = await body<unknown[]>(b.request('/api/plans'));
		const goodDoc = Buffer.from(file.doc, 'base64');
		const hostileDoc = new Y.Doc();
		hostileDoc.getMap('items').set('x', 'kein Element');
		hostileDoc.getMap('fremd').set('a', 1);
		const cases: [string, unknown, number, RegExp][] = [
			['foreign', { format: 'etwas-anderes' }, 400, /kein gültiger Mitplan-Planexport/],
			['wrong version', { ...file, version: 99 }, 400, /Format 99.*nur Format 1/],
			[
				'invalid Yjs',
				{ ...file, doc: Buffer.from('kein yjs!').toString('base64') },
				400,
				/Plandokument/
			],
			[
				'truncated doc',
				{ ...file, doc: goodDoc.subarray(0, goodDoc.length >> 1).toString('base64') },
				400,
				/Plandokument/
			],
			[
				'invalid shapes in the document',
				{ ...file, doc: Buffer.from(Y.encodeStateAsUpdate(hostileDoc)).toString('base64') },
				400,
				/Unzulässiges/
			],
			[
				'a key that is not the plan’s',
				{ ...file, records: [...file.records, { key: 'admins', type: 'string', value: ['x'] }] },
				400,
				/gehört nicht zu einem Plan/
			],
			[
				'a round of another plan',
				{
					...file,
					newId: true,
					records: [...file.records, { key: 'fb:round:fremd', type: 'string', value: {} }]
				},
				400,
				/keiner Beteiligungsrunde/
			]
		];
		for (const [name, json, status, message] of cases) {
			const res = await b.request('/api/plan-import?newId=1', { method: 'POST', json });
			expect(res.status, name).toBe(status);
			const error = ((await res.json()) as { error: { message: string } }).error;
			expect(error.message, name).toMatch(message);
		}
		const text = JSON.stringify(file);
		const truncated = await b.request('/api/plan-import', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: text.slice(0, text.length >> 1)
		});
		expect(truncated.status).toBe(400);
		expect(await truncated.text()).toContain('kein lesbares JSON');
		const oversized = await postRaw(
			`${target.httpUrl}/api/plan-import`,
			b.cookie,
			JSON.stringify({ ...file, padding: 'x'.repeat(5 * 1024 * 1024) })
		);
		expect(oversized.status).toBe(413);
		expect(oversized.text).toContain('zu groß');
		// a viewer cannot export
		expect((await fetch(`${source.httpUrl}/api/plans/${planId}/transfer`)).status).toBe(401);

		expect(await body<unknown[]>(b.request('/api/plans'))).toEqual(plansBefore);
		const keysAfter = (await redisKeys()).filter((k) => !/^mitplan:app:(rl|session):/.test(k));
		expect(keysAfter).toEqual(keysBefore.filter((k) => !/^mitplan:app:(rl|session):/.test(k)));
	}, 60_000);
});

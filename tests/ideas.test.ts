/**
 * Ideensammlung (issue 13, item 5) against two production servers on one private Redis, with raw
 * HTTP, socket.io and y-websocket clients: an idea added on instance A is pushed to a socket on
 * instance B; a 100,000-character idea gets a German 400; viewers may watch but not add; a guest
 * adds through the invite identity; a repeated `clientId` is one idea; taking over writes the
 * Maßnahme into the live Yjs document (read back through the other instance) with the link back
 * and a history entry; a session of a deleted plan answers 404. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { IdeaItemOrigin, IdeaView, IdeaWall } from '../src/lib/contract/ideas';
import type { Meeting } from '../src/lib/contract/meetings';
import type { HistoryEntry } from '../src/lib/versions/types';
import { itemMap, itemsMap } from '../src/lib/domain/read';
import { ADMIN_ENV, login, syncTokenViaApi, type HttpSession } from './helpers/auth';
import { connectClient, waitFor } from './helpers/clients';
import {
	sessionOn as session,
	spawnPatiently,
	body,
	errorOf,
	TEST_ADDRESS_HEADER
} from './helpers/http';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { closeSockets, collect, connected, join, socketClient } from './helpers/review';
import { tempDir, type ServerProcess } from './helpers/server';

let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
let data: ReturnType<typeof tempDir>;
let admin: HttpSession;
let planId: string;
let goalId: string;
let sessionId: string;
let n = 0;

const ADDRESS_HEADER = TEST_ADDRESS_HEADER;

async function member(role: 'editor' | 'reviewer' | 'viewer') {
	const email = `ideen-${role}${++n}@stadt.test`;
	const password = 'mitglied-passwort-1';
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name: `${role} ${n}`, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	const add = await admin.request(`/api/plans/${planId}/members`, {
		method: 'POST',
		json: { email, role }
	});
	expect(add.status).toBe(201);
	const s = await login(a.httpUrl, email, password);
	return { s, email, name: `${role} ${n}`, onB: session(b.httpUrl, s.cookie) };
}

const ideas = (rest = '') => `/api/plans/${planId}/sitzungen/${sessionId}/ideen${rest}`;

beforeAll(async () => {
	redis = await startRedis();
	data = tempDir();
	const env = {
		DATA_DIR: data.dir,
		REDIS_URL: redis.url,
		SEED_EXAMPLE_PLAN: 'false',
		ADDRESS_HEADER,
		...ADMIN_ENV
	};
	a = await spawnPatiently(env);
	b = await spawnPatiently(env);
	admin = await login(a.httpUrl);
	const created = await admin.request('/api/plans', {
		method: 'POST',
		json: { title: 'Ideensammlung', example: true }
	});
	planId = (await body<{ id: string }>(created, 201)).id;
	const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
	goalId = plan.fields[0].goals[0].id;
	const m = await body<Meeting>(
		await admin.request(`/api/plans/${planId}/sitzungen`, {
			method: 'POST',
			json: { title: 'AG Klima', date: '2027-03-12', time: '18:00' }
		}),
		201
	);
	sessionId = m.id;
}, 240_000);

afterAll(async () => {
	closeSockets();
	await a?.stop();
	await b?.stop();
	await redis?.stop();
	data?.remove();
});

describe('idea wall over HTTP and socket.io (two instances, one Redis)', () => {
	it('pushes an idea added on A to B; refuses viewers and over-long ideas; a repeat is one idea', async () => {
		const reviewer = await member('reviewer');
		const viewer = await member('viewer');
		const socket = socketClient(b.httpUrl, { cookie: viewer.s.cookie });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const pushed = collect(socket, 'ideas:changed');

		const add = { clientId: 'c-0000000001', text: 'Mehr Bäume an der Hauptstraße' };
		const first = await body<IdeaView>(
			await reviewer.s.request(ideas(), { method: 'POST', json: add }),
			201
		);
		expect(first).toMatchObject({ text: add.text, authorName: reviewer.name, outcome: null });
		await waitFor(
			() => pushed.some(([p]) => p.ideas.some((i) => i.id === first.id)),
			'idea pushed to B'
		);
		expect(pushed[0][0]).toMatchObject({ planId, sessionId });

		// The same clientId again (offline queue, other instance): 200, the same idea.
		const repeat = await body<IdeaView>(
			await reviewer.onB.request(ideas(), { method: 'POST', json: add }),
			200
		);
		expect(repeat.id).toBe(first.id);

		const long = await errorOf(
			await reviewer.s.request(ideas(), {
				method: 'POST',
				json: { clientId: 'c-0000000002', text: 'x'.repeat(100_000) }
			}),
			400
		);
		expect(long).toEqual({
			code: 'invalid_value',
			message: 'Die Idee ist zu lang (100.000 Zeichen, höchstens 500).',
			field: 'text'
		});
		// A wrong type is refused by the route's schema, naming the field.
		const typed = await errorOf(
			await reviewer.s.request(ideas(), {
				method: 'POST',
				json: { clientId: 'c-0000000003', text: 42 }
			}),
			400
		);
		expect(typed).toEqual({
			code: 'invalid_input',
			message: 'Feld „text“: muss ein Text sein.',
			field: 'text'
		});

		const refused = await errorOf(
			await viewer.s.request(ideas(), {
				method: 'POST',
				json: { clientId: 'c-0000000003', text: 'Darf ich?' }
			}),
			403
		);
		expect(refused.code).toBe('forbidden');
		const anonymous = await fetch(`${a.httpUrl}${ideas()}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ clientId: 'c-0000000004', text: 'x' })
		});
		expect(anonymous.status).toBe(401);

		// Viewers watch; the wall counts the idea once.
		const wall = await body<IdeaWall>(await viewer.onB.request(ideas()), 200);
		expect(wall.ideas.filter((i) => i.text === add.text)).toHaveLength(1);
		expect(wall).toMatchObject({ canAdd: false, canModerate: false });
		// Moderating is the facilitator's: a reviewer is refused by the gate.
		expect(
			(
				await reviewer.s.request(ideas(`/${first.id}`), {
					method: 'PATCH',
					json: { hidden: true }
				})
			).status
		).toBe(403);
	}, 120_000);

	it('a guest adds through the invite identity, anonymously: the name is never sent', async () => {
		const invite = await body<{ token: string }>(
			await admin.request(`/api/plans/${planId}/invites`, {
				method: 'POST',
				json: { role: 'reviewer', expiresAt: Date.now() + 3600_000, maxUses: 5, allowGuests: true }
			}),
			201
		);
		const res = await fetch(`${a.httpUrl}/api/invites/${invite.token}/guest`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', [ADDRESS_HEADER]: '10.7.0.1' },
			body: JSON.stringify({ name: 'Gast Gundula' })
		});
		expect(res.status).toBe(200);
		const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
		const guest = session(b.httpUrl, cookie);
		const viewer = await member('viewer');
		const socket = socketClient(a.httpUrl, { cookie: viewer.s.cookie });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const pushed = collect(socket, 'ideas:changed');
		const idea = await body<IdeaView>(
			await guest.request(ideas(), {
				method: 'POST',
				json: { clientId: 'gast-idee-0001', text: 'Sitzbänke im Park', anonymous: true }
			}),
			201
		);
		expect(idea).toMatchObject({ anonymous: true, authorName: null });
		await waitFor(
			() => pushed.some(([p]) => p.ideas.some((i) => i.id === idea.id)),
			'guest idea pushed'
		);
		expect(JSON.stringify(pushed)).not.toContain('Gundula');
		const wall = await (await admin.request(ideas())).text();
		expect(wall).toContain('Sitzbänke im Park');
		expect(wall).not.toContain('Gundula');
	}, 60_000);

	it('takes an idea over as a Maßnahme into the live document, with the link back and history', async () => {
		const reviewer = await member('reviewer');
		const idea = await body<IdeaView>(
			await reviewer.s.request(ideas(), {
				method: 'POST',
				json: { clientId: 'c-trinkbrunnen', text: 'Trinkbrunnen am Marktplatz' }
			}),
			201
		);
		// A raw y-websocket client on instance A watches the document.
		const token = await syncTokenViaApi(admin, planId);
		const client = connectClient(a.httpUrl, planId, 'Beobachter', token);
		await client.synced;
		const editorNotFacilitator = await member('editor');
		expect(
			(
				await editorNotFacilitator.s.request(ideas(`/${idea.id}/uebernehmen`), {
					method: 'POST',
					json: { type: 'measure', parentId: goalId }
				})
			).status
		).toBe(403);
		const convert = () =>
			session(b.httpUrl, admin.cookie).request(ideas(`/${idea.id}/uebernehmen`), {
				method: 'POST',
				json: { type: 'measure', parentId: goalId }
			});
		const made = await body<{ itemId: string }>(await convert(), 201);
		await waitFor(() => {
			const m = itemMap(itemsMap(client.doc), made.itemId);
			return !!m && m.get('parentId') === goalId;
		}, 'measure in the document on A');
		const m = itemMap(itemsMap(client.doc), made.itemId)!;
		expect(m.get('type')).toBe('measure');
		expect(m.get('status')).toBe('idee');
		expect(String(m.get('title'))).toBe('Trinkbrunnen am Marktplatz');
		client.destroy();

		expect((await errorOf(await convert(), 409)).code).toBe('idea_taken');
		const origin = await body<IdeaItemOrigin>(
			await reviewer.s.request(`/api/plans/${planId}/sitzungen/herkunft?itemId=${made.itemId}`),
			200
		);
		expect(origin).toMatchObject({ sessionId, sessionDate: '2027-03-12', ideaIds: [idea.id] });
		await waitFor(
			async () => {
				const h = await body<HistoryEntry[]>(
					await admin.request(`/api/plans/${planId}/history?itemId=${made.itemId}`),
					200
				);
				return h.some((e) => e.note === 'aus der Sitzung „AG Klima“ vom 12.03.2027');
			},
			'history entry naming the session',
			15_000
		);
		const wall = await body<IdeaWall>(await reviewer.s.request(ideas()), 200);
		expect(wall.ideas.find((i) => i.id === idea.id)?.outcome).toMatchObject({
			itemId: made.itemId,
			itemType: 'measure',
			via: 'idea'
		});
	}, 90_000);

	it('groups on B, hides without pushing the text, takes a cluster over as a Ziel', async () => {
		const reviewer = await member('reviewer');
		const viewer = await member('viewer');
		const socket = socketClient(a.httpUrl, { cookie: viewer.s.cookie });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const pushed = collect(socket, 'ideas:changed');
		const add = async (clientId: string, text: string) =>
			body<IdeaView>(
				await reviewer.s.request(ideas(), { method: 'POST', json: { clientId, text } }),
				201
			);
		const i1 = await add('c-gruppe-0001', 'Radwege durchgehend');
		const i2 = await add('c-gruppe-0002', 'Fahrradstraßen am Ring');
		const rude = await add('c-gruppe-0003', 'Unsachlicher Beitrag');
		const owner = session(b.httpUrl, admin.cookie);
		const cluster = await body<{ id: string; title: string }>(
			await owner.request(`/api/plans/${planId}/sitzungen/${sessionId}/ideen-gruppen`, {
				method: 'POST',
				json: { title: 'Radverkehr stärken' }
			}),
			201
		);
		for (const i of [i1, i2])
			await body<IdeaView>(
				await owner.request(ideas(`/${i.id}`), {
					method: 'PATCH',
					json: { clusterId: cluster.id }
				}),
				200
			);
		await body<IdeaView>(
			await owner.request(ideas(`/${rude.id}`), { method: 'PATCH', json: { hidden: true } }),
			200
		);
		await waitFor(
			() => pushed.some(([p]) => p.ideas.some((i) => i.id === rude.id && i.hidden)),
			'hidden pushed to A'
		);
		expect(JSON.stringify(pushed.filter(([p]) => p.ideas.some((i) => i.hidden)))).not.toContain(
			'Unsachlicher'
		);
		expect(pushed.some(([p]) => p.clusters?.some((c) => c.id === cluster.id))).toBe(true);
		const seen = await body<IdeaWall>(await viewer.s.request(ideas()), 200);
		expect(seen.ideas.some((i) => i.id === rude.id)).toBe(false);

		const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
		const fieldId = plan.fields[0].id;
		const made = await body<{ itemId: string }>(
			await owner.request(
				`/api/plans/${planId}/sitzungen/${sessionId}/ideen-gruppen/${cluster.id}/uebernehmen`,
				{ method: 'POST', json: { type: 'goal', parentId: fieldId } }
			),
			201
		);
		const after = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
		const goal = after.fields[0].goals.find((g) => g.id === made.itemId);
		expect(goal?.title).toBe('Radverkehr stärken');
		expect(goal?.description).toBe(
			'Ideen aus der Sitzung:\n– Radwege durchgehend\n– Fahrradstraßen am Ring'
		);
		const wall = await body<IdeaWall>(await reviewer.s.request(ideas()), 200);
		for (const i of [i1, i2])
			expect(wall.ideas.find((x) => x.id === i.id)?.outcome).toMatchObject({
				itemId: made.itemId,
				via: 'cluster'
			});
		// A Ziel under a Ziel is refused with the board's German message.
		const wrong = await errorOf(
			await owner.request(ideas(`/${rude.id}/uebernehmen`), {
				method: 'POST',
				json: { type: 'goal', parentId: made.itemId }
			}),
			400
		);
		expect(wrong.message).toBe('Ein Ziel kann nur unter einem Handlungsfeld stehen.');
	}, 90_000);

	it('a session of a deleted plan answers 404', async () => {
		const other = await body<{ id: string }>(
			await admin.request('/api/plans', { method: 'POST', json: { title: 'Wird gelöscht' } }),
			201
		);
		const m = await body<Meeting>(
			await admin.request(`/api/plans/${other.id}/sitzungen`, {
				method: 'POST',
				json: { title: 'Letzte Sitzung', date: '2027-04-01' }
			}),
			201
		);
		const path = `/api/plans/${other.id}/sitzungen/${m.id}/ideen`;
		await body<IdeaView>(
			await admin.request(path, {
				method: 'POST',
				json: { clientId: 'c-vorher-01', text: 'Idee' }
			}),
			201
		);
		expect((await admin.request(`/api/plans/${other.id}`, { method: 'DELETE' })).status).toBe(204);
		expect((await admin.request(path)).status).toBe(404);
		const post = await admin.request(path, {
			method: 'POST',
			json: { clientId: 'c-nachher-01', text: 'Idee' }
		});
		expect(post.status).toBe(404);
		// And a session id that never existed in a live plan.
		expect(
			(
				await errorOf(
					await admin.request(`/api/plans/${planId}/sitzungen/sitzung-gibtsnicht/ideen`),
					404
				)
			).code
		).toBe('session_not_found');
	}, 60_000);
});

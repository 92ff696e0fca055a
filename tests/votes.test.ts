/**
 * Priorisierung (issue 13, item 6) against two production servers on one private Redis, with raw
 * HTTP and socket.io clients: who may open, vote, count hands, close and write back (the gate
 * and the service, not the UI); live `vote:updated` on the other instance without results while
 * hidden; one guest in two tabs has one ballot; a removed member cannot vote; 300 guests voting
 * at once through both instances are each counted exactly once; the confirmed priorities land in
 * the plan document and in the measure's history. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { VoteForMe, VoteView } from '../src/lib/contract/votes';
import type { HistoryEntry } from '../src/lib/versions/types';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { waitFor } from './helpers/clients';
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
let measures: Array<{ id: string; title: string }>;
let goalId: string;
let n = 0;

const ADDRESS_HEADER = TEST_ADDRESS_HEADER;

async function member(role: 'editor' | 'reviewer' | 'viewer', plan = planId) {
	const email = `${role}${++n}@stadt.test`;
	const password = 'mitglied-passwort-1';
	const res = await admin.request('/api/admin/users', {
		method: 'POST',
		json: { email, name: `${role} ${n}`, password, mustChangePassword: false }
	});
	expect(res.status).toBe(201);
	const add = await admin.request(`/api/plans/${plan}/members`, {
		method: 'POST',
		json: { email, role }
	});
	expect(add.status).toBe(201);
	const s = await login(a.httpUrl, email, password);
	return { s, email, onB: session(b.httpUrl, s.cookie) };
}

async function guestSession(token: string, name: string, address: string): Promise<string> {
	const res = await fetch(`${a.httpUrl}/api/invites/${token}/guest`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', [ADDRESS_HEADER]: address },
		body: JSON.stringify({ name })
	});
	expect(res.status).toBe(200);
	return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/**
 * Like a phone on a weak connection: a request whose connection broke is sent again (a ballot
 * replaces the person's dots, so sending it again can never count twice).
 */
async function withRetry(send: () => Promise<Response>): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await send();
		} catch (error) {
			if (attempt >= 3) throw error;
		}
	}
}

const votes = (rest = '') => `/api/plans/${planId}/votes${rest}`;

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
		json: { title: 'Priorisierung', example: true }
	});
	planId = (await body<{ id: string }>(created, 201)).id;
	const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
	measures = plan.fields
		.flatMap((f) => f.goals.flatMap((g) => g.measures))
		.slice(0, 4)
		.map((m) => ({ id: m.id, title: m.title }));
	goalId = plan.fields[0].goals[0].id;
	expect(measures).toHaveLength(4);
}, 240_000);

afterAll(async () => {
	closeSockets();
	await a?.stop();
	await b?.stop();
	await redis?.stop();
	data?.remove();
});

describe('dot votes over HTTP and socket.io (two instances, one Redis)', () => {
	it('checks every write by role on the server, and pushes live without results while hidden', async () => {
		const editor = await member('editor');
		const reviewer = await member('reviewer');
		const viewer = await member('viewer');
		const open = { title: 'Was zuerst?', targetIds: measures.map((m) => m.id), dotsPerPerson: 3 };

		// Opening: editors and owners (facilitators) only.
		expect(
			(await errorOf(await viewer.s.request(votes(), { method: 'POST', json: open }), 403)).code
		).toBe('forbidden');
		expect(
			(await errorOf(await reviewer.s.request(votes(), { method: 'POST', json: open }), 403)).code
		).toBe('forbidden');
		const anonymous = await fetch(`${a.httpUrl}${votes()}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(open)
		});
		expect(anonymous.status).toBe(401);
		const bad = await errorOf(
			await editor.s.request(votes(), { method: 'POST', json: { ...open, targetIds: 'alle' } }),
			400
		);
		// A wrong type is refused by the route's schema, naming the field …
		expect(bad).toMatchObject({ code: 'invalid_input', field: 'targetIds' });
		expect(bad.message).toBe('Feld „targetIds“: muss eine Liste sein.');
		// … a missing or empty list by the vote service, with its own code.
		const { targetIds: _omit, ...withoutTargets } = open;
		for (const json of [withoutTargets, { ...open, targetIds: [] }]) {
			const refused = await errorOf(await editor.s.request(votes(), { method: 'POST', json }), 400);
			expect(refused).toMatchObject({ code: 'invalid_targets' });
			expect(refused.message).toContain('Maßnahmen');
		}

		// A viewer on instance B listens over a raw socket.io client.
		const socket = socketClient(b.httpUrl, { cookie: viewer.s.cookie });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const pushed = collect(socket, 'vote:updated');
		// Someone without a role on the plan cannot join its room.
		const outsider = await member(
			'viewer',
			(
				await body<{ id: string }>(
					await admin.request('/api/plans', { method: 'POST', json: { title: 'Anderer Plan' } }),
					201
				)
			).id
		);
		const stranger = socketClient(b.httpUrl, { cookie: outsider.s.cookie });
		await connected(stranger);
		expect(await join(stranger, planId)).toMatchObject({ ok: false, code: 'plan_not_found' });
		const strangerSeen = collect(stranger, 'vote:updated');

		const opened = await body<VoteForMe>(
			await editor.s.request(votes(), { method: 'POST', json: open }),
			201
		);
		const id = opened.vote.id;
		expect(opened).toMatchObject({ canManage: true, canVote: true, mine: null });

		// Voting: reviewers yes, viewers not (unless allowed), outsiders never.
		const m = measures.map((x) => x.id);
		const cast = (who: HttpSession, dots: Record<string, number>) =>
			who.request(votes(`/${id}/ballot`), { method: 'PUT', json: { dots } });
		const mine = await body<VoteForMe>(await cast(reviewer.onB, { [m[0]]: 2, [m[1]]: 1 }), 200);
		expect(mine.mine?.dots).toEqual({ [m[0]]: 2, [m[1]]: 1 });
		const refusedViewer = await errorOf(await cast(viewer.s, { [m[0]]: 1 }), 403);
		expect(refusedViewer.code).toBe('vote_viewers_excluded');
		expect(refusedViewer.message).toContain('Nur lesen');
		expect((await errorOf(await cast(outsider.s, { [m[0]]: 1 }), 404)).code).toBe('plan_not_found');
		const over = await errorOf(await cast(reviewer.s, { [m[0]]: 2, [m[1]]: 2 }), 400);
		expect(over.code).toBe('too_many_dots');
		expect(over.message).toContain('Sie haben nur 3 Punkte');

		// Facilitator-only steps.
		const hand = { itemId: m[3], count: 4 };
		expect(
			(await reviewer.s.request(votes(`/${id}/hand-counts`), { method: 'PUT', json: hand })).status
		).toBe(403);
		expect((await reviewer.s.request(votes(`/${id}/close`), { method: 'POST' })).status).toBe(403);
		expect(
			(
				await body<VoteForMe>(
					await editor.onB.request(votes(`/${id}/hand-counts`), { method: 'PUT', json: hand }),
					200
				)
			).vote.dotsRoom
		).toBe(4);

		// Readers see counts, never results while hidden; pushes carry no results either.
		const seen = await body<VoteForMe>(await viewer.s.request(votes(`/${id}`)), 200);
		expect(seen.vote).toMatchObject({ voterCount: 1, dotsOnline: 3, dotsRoom: 4, results: null });
		expect(seen.canVote).toBe(false);
		await waitFor(() => pushed.some(([, v]) => v.id === id && v.dotsRoom === 4), 'push on B');
		expect(pushed.every(([p, v]) => p === planId && v.results === null)).toBe(true);
		expect(JSON.stringify(pushed)).not.toContain(reviewer.email);

		// Close on B: the push carries the result; later dots are refused.
		await body<VoteForMe>(await editor.onB.request(votes(`/${id}/close`), { method: 'POST' }), 200);
		await waitFor(
			() => pushed.some(([, v]) => v.id === id && v.status === 'closed'),
			'close pushed'
		);
		const final = pushed.findLast(([, v]) => v.id === id)![1] as VoteView;
		expect(final.results?.map((r) => [r.itemId, r.online, r.room, r.total])).toEqual([
			[m[3], 0, 4, 4],
			[m[0], 2, 0, 2],
			[m[1], 1, 0, 1],
			[m[2], 0, 0, 0]
		]);
		const late = await errorOf(await cast(reviewer.s, { [m[2]]: 1 }), 409);
		expect(late.code).toBe('vote_closed');
		expect(late.message).toContain('beendet');
		expect(strangerSeen).toEqual([]);
	}, 120_000);

	it('a guest in two tabs has one ballot; a removed member cannot vote any more', async () => {
		const editor = await member('editor');
		const removed = await member('reviewer');
		const invite = await body<{ token: string }>(
			await admin.request(`/api/plans/${planId}/invites`, {
				method: 'POST',
				json: { role: 'reviewer', expiresAt: Date.now() + 3600_000, maxUses: 5, allowGuests: true }
			}),
			201
		);
		const cookie = await guestSession(invite.token, 'Gast mit zwei Tabs', '10.9.0.1');
		const opened = await body<VoteForMe>(
			await editor.s.request(votes(), {
				method: 'POST',
				json: {
					title: 'Zwei Tabs',
					targetIds: [...measures.map((x) => x.id), goalId],
					dotsPerPerson: 2
				}
			}),
			201
		);
		const id = opened.vote.id;
		const m = measures.map((x) => x.id);
		const tab1 = session(a.httpUrl, cookie);
		const tab2 = session(b.httpUrl, cookie);
		const [r1, r2] = await Promise.all([
			tab1.request(votes(`/${id}/ballot`), { method: 'PUT', json: { dots: { [m[0]]: 2 } } }),
			tab2.request(votes(`/${id}/ballot`), {
				method: 'PUT',
				json: { dots: { [m[1]]: 1, [goalId]: 1 } }
			})
		]);
		expect([r1.status, r2.status]).toEqual([200, 200]);
		// A tab that saw revision 0 while the ballot is at 2 is told so.
		const stale = await errorOf(
			await tab1.request(votes(`/${id}/ballot`), {
				method: 'PUT',
				json: { dots: { [m[2]]: 1 }, revision: 1 }
			}),
			409
		);
		expect(stale.code).toBe('ballot_changed');

		const before = await body<VoteForMe>(
			await removed.s.request(votes(`/${id}/ballot`), {
				method: 'PUT',
				json: { dots: { [m[3]]: 1 } }
			}),
			200
		);
		expect(before.mine?.dots).toEqual({ [m[3]]: 1 });
		const members = await body<Array<{ userId: string; email: string }>>(
			await admin.request(`/api/plans/${planId}/members`),
			200
		);
		const userId = members.find((x) => x.email === removed.email)!.userId;
		expect(
			(await admin.request(`/api/plans/${planId}/members/${userId}`, { method: 'DELETE' })).status
		).toBe(204);
		const after = await errorOf(
			await removed.onB.request(votes(`/${id}/ballot`), {
				method: 'PUT',
				json: { dots: { [m[3]]: 2 } }
			}),
			404
		);
		expect(after.code).toBe('plan_not_found');

		const result = await body<VoteForMe>(
			await editor.s.request(votes(`/${id}/close`), { method: 'POST' }),
			200
		);
		expect(result.vote.voterCount).toBe(2);
		expect(result.vote.dotsOnline).toBe(3);
		const guestView = await body<VoteForMe>(await tab2.request(votes(`/${id}`)), 200);
		expect(Object.values(guestView.mine!.dots).reduce((s, x) => s + x, 0)).toBe(2);
	}, 120_000);

	it('counts 300 guests voting at once through both instances exactly once, then writes the priorities back', async () => {
		const editor = await member('editor');
		const invite = await body<{ token: string }>(
			await admin.request(`/api/plans/${planId}/invites`, {
				method: 'POST',
				json: {
					role: 'reviewer',
					expiresAt: Date.now() + 3600_000,
					maxUses: 1000,
					allowGuests: true
				}
			}),
			201
		);
		const cookies: string[] = [];
		for (let i = 0; i < 300; i += 25) {
			cookies.push(
				...(await Promise.all(
					Array.from({ length: 25 }, (_, k) =>
						guestSession(
							invite.token,
							`Gast ${i + k}`,
							`10.8.${Math.floor((i + k) / 200)}.${(i + k) % 200}`
						)
					)
				))
			);
		}
		expect(new Set(cookies).size).toBe(300);
		const opened = await body<VoteForMe>(
			await editor.s.request(votes(), {
				method: 'POST',
				json: {
					title: 'Großgruppe',
					targetIds: measures.map((x) => x.id),
					dotsPerPerson: 3,
					hideResults: false
				}
			}),
			201
		);
		const id = opened.vote.id;
		const m = measures.map((x) => x.id);
		const started = Date.now();
		// Every guest sends its ballot twice (double tap / retry), once to each instance.
		const responses = await Promise.all(
			cookies.flatMap((cookie, i) => {
				const dots = { [m[i % 4]]: 2, [m[(i + 1) % 4]]: 1 };
				return [a, b].map((server) =>
					withRetry(() =>
						session(server.httpUrl, cookie).request(votes(`/${id}/ballot`), {
							method: 'PUT',
							json: { dots }
						})
					)
				);
			})
		);
		const took = Date.now() - started;
		expect(responses.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
		const closed = await body<VoteForMe>(
			await editor.s.request(votes(`/${id}/close`), { method: 'POST' }),
			200
		);
		expect(closed.vote.voterCount).toBe(300);
		expect(closed.vote.dotsOnline).toBe(900);
		for (const row of closed.vote.results!) {
			expect(row.online).toBe(225);
			expect(row.voters).toBe(150);
		}
		console.info(`300 Gäste × 2 Anfragen über zwei Instanzen: ${took} ms`);

		// Write-back: into the live document (read through the other instance) and the history.
		const applied = await body<VoteForMe>(
			await editor.onB.request(votes(`/${id}/apply`), {
				method: 'POST',
				json: { priorities: { [m[0]]: 'hoch', [m[1]]: 'mittel', [m[2]]: 'niedrig' } }
			}),
			200
		);
		expect(applied.vote.applications[0].priorities).toEqual({
			[m[0]]: 'hoch',
			[m[1]]: 'mittel',
			[m[2]]: 'niedrig'
		});
		const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
		const all = plan.fields.flatMap((f) => f.goals.flatMap((g) => g.measures));
		expect(all.find((x) => x.id === m[0])?.priority).toBe('hoch');
		expect(all.find((x) => x.id === m[1])?.priority).toBe('mittel');
		expect(all.find((x) => x.id === m[2])?.priority).toBe('niedrig');
		await waitFor(
			async () => {
				const h = await body<HistoryEntry[]>(
					await admin.request(`/api/plans/${planId}/history?itemId=${m[0]}`),
					200
				);
				return h.some(
					(e) =>
						e.note?.startsWith('aus der Abstimmung „Großgruppe“') === true &&
						e.fields.includes('priority')
				);
			},
			'history entry with the vote named',
			15_000
		);
		const goal = await errorOf(
			await editor.s.request(votes(`/${id}/apply`), {
				method: 'POST',
				json: { priorities: { [m[0]]: 'sehr' } }
			}),
			400
		);
		expect(goal.code).toBe('invalid_priority');
	}, 180_000);
});

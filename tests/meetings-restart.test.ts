/**
 * A whole session survives its servers (issue 13): two production servers on one private Redis,
 * raw HTTP and socket.io clients only. A guest whose socket drops mid-vote and comes back on the
 * other instance keeps their ballot (counted once, also when the phone sends it again); killing
 * one instance (SIGKILL) mid-session loses nothing — the other keeps serving, and after the
 * restart the session, step, timer, ideas, ballots and minutes entries are all there; a client
 * that sends its own end time for the timer (clock skew) is refused. Needs `npm run build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanJson } from '../src/lib/domain/types';
import type { IdeaView, IdeaWall } from '../src/lib/contract/ideas';
import type { MeetingLive, MeetingPush } from '../src/lib/contract/meetings';
import type { VoteForMe } from '../src/lib/contract/votes';
import { ADMIN_ENV, login, type HttpSession } from './helpers/auth';
import { waitFor } from './helpers/clients';
import { sessionOn as on, body } from './helpers/http';
import { startRedis, type TestRedis } from './helpers/redis-server';
import { closeSockets, collect, connected, socketClient } from './helpers/review';
import { spawnServer, tempDir, type ServerProcess } from './helpers/server';

let redis: TestRedis;
let a: ServerProcess;
let b: ServerProcess;
let data: ReturnType<typeof tempDir>;
let env: Record<string, string>;
let admin: HttpSession;
let planId: string;
let measureIds: string[];
let n = 0;

/** The shared machine can be slow to start a server: try once more. */
async function spawnPatiently(): Promise<ServerProcess> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await spawnServer(env);
		} catch (error) {
			if (attempt >= 2) throw error;
		}
	}
}

const sessions = (rest = '') => `/api/plans/${planId}/sitzungen${rest}`;

/** A running session with a guest (through the projector's guest link) and an open vote. */
async function runningSession(title: string) {
	const meeting = await body<{ id: string }>(
		await admin.request(sessions(), { method: 'POST', json: { title, date: '2027-03-12' } }),
		201
	);
	const sid = meeting.id;
	await body(
		await admin.request(sessions(`/${sid}/steuerung`), {
			method: 'POST',
			json: { action: 'start' }
		}),
		200
	);
	const link = await body<{ url: string }>(
		await admin.request(sessions(`/${sid}/gastlink`), { method: 'POST' }),
		200
	);
	const token = /\/einladung\/([^/?#]+)/.exec(link.url)?.[1];
	expect(token).toBeTruthy();
	const res = await fetch(`${a.httpUrl}/api/invites/${token}/guest`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ name: `Gast ${++n}` })
	});
	expect(res.status).toBe(200);
	const guestCookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
	const opened = await body<VoteForMe>(
		await admin.request(`/api/plans/${planId}/votes`, {
			method: 'POST',
			json: {
				title: `${title}: Was zuerst?`,
				targetIds: measureIds,
				dotsPerPerson: 3,
				sessionId: sid
			}
		}),
		201
	);
	return { sid, guestCookie, voteId: opened.vote.id };
}

async function joinMeeting(baseUrl: string, cookie: string, sid: string) {
	const socket = socketClient(baseUrl, { cookie });
	await connected(socket);
	const ack = (await socket.timeout(10_000).emitWithAck('meeting:join', planId, sid)) as {
		ok: boolean;
		view?: { live: MeetingLive };
	};
	expect(ack.ok).toBe(true);
	return { socket, ack };
}

beforeAll(async () => {
	redis = await startRedis();
	data = tempDir();
	env = {
		DATA_DIR: data.dir,
		REDIS_URL: redis.url,
		SEED_EXAMPLE_PLAN: 'false',
		...ADMIN_ENV
	};
	a = await spawnPatiently();
	b = await spawnPatiently();
	admin = await login(a.httpUrl);
	const created = await admin.request('/api/plans', {
		method: 'POST',
		json: { title: 'Sitzung übersteht Neustart', example: true }
	});
	planId = (await body<{ id: string }>(created, 201)).id;
	const plan = await body<PlanJson>(await admin.request(`/api/plans/${planId}`), 200);
	measureIds = plan.fields
		.flatMap((f) => f.goals.flatMap((g) => g.measures))
		.slice(0, 3)
		.map((m) => m.id);
	expect(measureIds).toHaveLength(3);
}, 240_000);

afterAll(async () => {
	closeSockets();
	await a?.stop();
	await b?.stop();
	await redis?.stop();
	data?.remove();
});

describe('a session across reconnects and restarts (two instances, one Redis)', () => {
	it('a participant reconnecting mid-vote keeps their vote, counted once', async () => {
		const { sid, guestCookie, voteId } = await runningSession('Wiederverbinden');
		const ballot = `/api/plans/${planId}/votes/${voteId}/ballot`;
		const first = await joinMeeting(a.httpUrl, guestCookie, sid);
		const dots = { [measureIds[0]]: 2, [measureIds[1]]: 1 };
		const cast = await body<VoteForMe>(
			await on(a.httpUrl, guestCookie).request(ballot, { method: 'PUT', json: { dots } }),
			200
		);
		expect(cast.mine?.dots).toEqual(dots);
		// The connection drops; the phone comes back through the other instance.
		first.socket.disconnect();
		const again = await joinMeeting(b.httpUrl, guestCookie, sid);
		expect(again.ack.view?.live.status).toBe('laufend');
		const onB = on(b.httpUrl, guestCookie);
		const seen = await body<VoteForMe>(
			await onB.request(`/api/plans/${planId}/votes/${voteId}`),
			200
		);
		expect(seen.mine?.dots).toEqual(dots);
		// Its offline queue sends the same ballot once more after the reconnect: still one voter.
		const resent = await body<VoteForMe>(
			await onB.request(ballot, {
				method: 'PUT',
				json: { dots, revision: seen.mine?.revision }
			}),
			200
		);
		expect(resent.mine?.dots).toEqual(dots);
		const closed = await body<VoteForMe>(
			await admin.request(`/api/plans/${planId}/votes/${voteId}/close`, { method: 'POST' }),
			200
		);
		expect(closed.vote.voterCount).toBe(1);
		expect(closed.vote.dotsOnline).toBe(3);
	});

	it('refuses an end time sent by the client (its clock may be off): only a duration counts', async () => {
		const { sid } = await runningSession('Uhrzeit');
		const before = await body<{ live: MeetingLive }>(await admin.request(sessions(`/${sid}`)), 200);
		const skewed = await admin.request(sessions(`/${sid}/steuerung`), {
			method: 'POST',
			json: { action: 'timer_start', seconds: 300, endsAt: Date.now() + 3_600_000 }
		});
		const error = (await body<{ error: { message: string } }>(skewed, 400)).error;
		expect(error.message).toContain('Die Uhr Ihres Geräts');
		const after = await body<{ live: MeetingLive }>(await admin.request(sessions(`/${sid}`)), 200);
		expect(after.live.timer).toEqual(before.live.timer);
	});

	it('killing an instance mid-session loses nothing; the other keeps serving', async () => {
		const { sid, guestCookie, voteId } = await runningSession('Neustart');
		const guestOnA = on(a.httpUrl, guestCookie);
		const adminOnB = on(b.httpUrl, admin.cookie);
		const control = (s: HttpSession, json: Record<string, unknown>) =>
			s.request(sessions(`/${sid}/steuerung`), { method: 'POST', json });
		await body(await control(admin, { action: 'step', index: 1 }), 200);
		const timed = await body<MeetingLive>(
			await control(admin, { action: 'timer_start', seconds: 600 }),
			200
		);
		const idea = await body<IdeaView>(
			await guestOnA.request(sessions(`/${sid}/ideen`), {
				method: 'POST',
				json: { clientId: 'c-vor-dem-absturz', text: 'Schulwege sicherer machen' }
			}),
			201
		);
		const dots = { [measureIds[2]]: 3 };
		await body(
			await guestOnA.request(`/api/plans/${planId}/votes/${voteId}/ballot`, {
				method: 'PUT',
				json: { dots }
			}),
			200
		);
		const entry = await body<{ id: string }>(
			await admin.request(sessions(`/${sid}/protokoll/eintraege`), {
				method: 'POST',
				json: { kind: 'decision', text: 'Schulwege kommen in den Plan.' }
			}),
			201
		);
		// A raw client on A and one on B; A dies without any shutdown.
		const onA = await joinMeeting(a.httpUrl, guestCookie, sid);
		const onB = await joinMeeting(b.httpUrl, admin.cookie, sid);
		const pushedOnB: Array<[MeetingPush]> = collect(onB.socket, 'meeting:state');
		const lost = new Promise<void>((resolve) => onA.socket.once('disconnect', () => resolve()));
		await a.kill9();
		await lost;

		// B keeps serving the session: a step, an idea and the live push.
		await body(await control(adminOnB, { action: 'step', index: 2 }), 200);
		await waitFor(
			() => pushedOnB.some(([p]) => p.sessionId === sid && p.live.stepIndex === 2),
			'the step pushed on B'
		);
		await body<IdeaView>(
			await on(b.httpUrl, guestCookie).request(sessions(`/${sid}/ideen`), {
				method: 'POST',
				json: { clientId: 'c-waehrend-des-absturzes', text: 'Mehr Bänke im Park' }
			}),
			201
		);

		// A comes back on the same Redis: everything is there.
		a = await spawnPatiently();
		const guestOnNewA = on(a.httpUrl, guestCookie);
		const view = await body<{ meeting: { status: string }; live: MeetingLive }>(
			await on(a.httpUrl, admin.cookie).request(sessions(`/${sid}`)),
			200
		);
		expect(view.meeting.status).toBe('laufend');
		expect(view.live.stepIndex).toBe(2);
		expect(view.live.timer.endsAt).toBe(timed.timer.endsAt);
		expect(view.live.timer.durationMs).toBe(600_000);
		const wall = await body<IdeaWall>(await guestOnNewA.request(sessions(`/${sid}/ideen`)), 200);
		expect(wall.ideas.map((i) => i.text).sort()).toEqual([
			'Mehr Bänke im Park',
			'Schulwege sicherer machen'
		]);
		// The idea sent again (its answer was lost in the crash) is still the one idea.
		const repeat = await guestOnNewA.request(sessions(`/${sid}/ideen`), {
			method: 'POST',
			json: { clientId: 'c-vor-dem-absturz', text: 'Schulwege sicherer machen' }
		});
		expect((await body<IdeaView>(repeat, 200)).id).toBe(idea.id);
		const mine = await body<VoteForMe>(
			await guestOnNewA.request(`/api/plans/${planId}/votes/${voteId}`),
			200
		);
		expect(mine.mine?.dots).toEqual(dots);
		expect(mine.vote.voterCount).toBe(1);
		const minutes = await body<{ entries: Array<{ id: string; text: string }> }>(
			await on(a.httpUrl, admin.cookie).request(sessions(`/${sid}/protokoll`)),
			200
		);
		expect(minutes.entries.map((e) => e.id)).toEqual([entry.id]);
		// And the restarted instance serves live again: a client there joins and is pushed to.
		const back = await joinMeeting(a.httpUrl, guestCookie, sid);
		expect(back.ack.view?.live.stepIndex).toBe(2);
		const pushedOnA: Array<[MeetingPush]> = collect(back.socket, 'meeting:state');
		await body(await control(adminOnB, { action: 'timer_pause' }), 200);
		await waitFor(
			() => pushedOnA.some(([p]) => p.sessionId === sid && p.live.timer.pausedLeftMs !== null),
			'the pause pushed on the restarted A'
		);
	});
});

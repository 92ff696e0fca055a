/**
 * Sitzungsmodus across two instances on one private Redis (issue 13): the facilitator steers on
 * instance A, a participant connected to instance B sees the same step, timer and follow target
 * live; the structure lock set on A is enforced in the Yjs doc path on B against raw y-websocket
 * clients (typing passes, adding/deleting items is refused; the Moderation may); attendance is
 * recorded from socket.io; deleting the plan deletes its sessions. The HTTP API's refusals are
 * checked in tests/e2e/sitzung.spec.ts (it needs the built app).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createItem, deleteItem, getText, readPlan } from '../src/lib/domain/index';
import { CloseCode } from '../src/lib/contract/close-codes';
import type { MeetingCaller, MeetingPush } from '../src/lib/contract/meetings';
import { timerLeftMs } from '../src/lib/meetings/model';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { connectClient, waitFor, type TestClient } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import {
	addContent,
	closeSockets,
	collect,
	connected,
	sessionCookie,
	socketClient
} from './helpers/review';
import { startInProcess } from './helpers/server';

let redis: TestRedis;
let a: Awaited<ReturnType<typeof startInProcess>>;
let b: Awaited<ReturnType<typeof startInProcess>>;
const clients: TestClient[] = [];

beforeAll(async () => {
	redis = await startRedis();
	a = await startInProcess({ REDIS_URL: redis.url, REVIEW_REMINDER_MINUTES: '0' });
	b = await startInProcess({ REDIS_URL: redis.url, REVIEW_REMINDER_MINUTES: '0' });
}, 60_000);

afterEach(() => {
	closeSockets();
	for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
	await a?.close();
	await b?.close();
	await redis?.stop();
});

async function setup(title: string) {
	const { planId, owner } = await createOwnedPlan(a.core, title);
	const moderator = await memberWithRole(a.core, planId, owner, 'editor', 'Mona Moderation');
	const editor = await memberWithRole(a.core, planId, owner, 'editor', 'Emil Editor');
	const viewer = await memberWithRole(a.core, planId, owner, 'viewer', 'Vera Viewer');
	const content = await addContent(a.core, planId);
	const ownerCaller: MeetingCaller = { principal: owner, role: 'owner' };
	const modCaller: MeetingCaller = { principal: moderator, role: 'editor' };
	const created = await a.core.meetings.create(ownerCaller, planId, {
		title: 'AG Bildung',
		date: '2027-03-12',
		room: 'Rathaus, Saal 2',
		facilitatorId: moderator.id
	});
	if (!created.ok) throw new Error(created.error.message);
	return {
		planId,
		owner,
		moderator,
		editor,
		viewer,
		content,
		ownerCaller,
		modCaller,
		sessionId: created.value.id
	};
}

async function joinMeeting(baseUrl: string, cookie: string, planId: string, sessionId: string) {
	const socket = socketClient(baseUrl, { cookie });
	await connected(socket);
	const ack = await socket.timeout(5000).emitWithAck('meeting:join', planId, sessionId);
	return { socket, ack };
}

function nextClose(c: TestClient): Promise<{ code: number; reason: string }> {
	return new Promise((resolve) => {
		const onClose = (event: CloseEvent | null) => {
			c.provider.off('connection-close', onClose);
			resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' });
		};
		c.provider.on('connection-close', onClose);
	});
}

async function client(url: string, planId: string, token: string) {
	const c = connectClient(url, planId, 'Test', token);
	clients.push(c);
	await c.synced;
	return c;
}

describe('Sitzungsmodus across two instances', () => {
	it('a participant on instance B sees step, timer and follow target set on instance A', async () => {
		const s = await setup('Zwei Instanzen');
		const cookie = await sessionCookie(b.core, s.viewer);
		const { socket, ack } = await joinMeeting(b.httpUrl, cookie, s.planId, s.sessionId);
		if (!ack.ok) throw new Error(ack.message);
		expect(ack.view.meeting.title).toBe('AG Bildung');
		expect(ack.view.canFacilitate).toBe(false);
		const pushes = collect(socket, 'meeting:state');
		const last = () => pushes.at(-1)?.[0] as MeetingPush | undefined;

		expect(
			(await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, { action: 'start' })).ok
		).toBe(true);
		await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, { action: 'step', index: 1 });
		await waitFor(() => last()?.live.stepIndex === 1, 'step on B', 15_000);
		expect(last()?.sessionId).toBe(s.sessionId);
		expect(last()?.live.steps.map((x) => x.title)).toEqual(['Begrüßung', 'Exploration']);

		await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, {
			action: 'timer_start',
			seconds: 600
		});
		await waitFor(() => last()?.live.timer.durationMs === 600_000, 'timer on B', 15_000);
		const push = last()!;
		const left = timerLeftMs(push.live.timer, push.serverNow)!;
		expect(left).toBeGreaterThan(590_000);
		expect(left).toBeLessThanOrEqual(600_000);

		await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, {
			action: 'follow',
			active: true,
			itemId: s.content.goalId
		});
		await waitFor(() => last()?.live.follow.itemId === s.content.goalId, 'follow on B', 15_000);

		// A phone reconnecting to B gets the current state (and the server clock) at once.
		socket.disconnect();
		const again = await joinMeeting(b.httpUrl, cookie, s.planId, s.sessionId);
		if (!again.ack.ok) throw new Error(again.ack.message);
		expect(again.ack.view.live).toMatchObject({
			stepIndex: 1,
			follow: { active: true, itemId: s.content.goalId }
		});
		expect(timerLeftMs(again.ack.view.live.timer, again.ack.view.serverNow)).toBeGreaterThan(
			580_000
		);

		// Attendance: both connections, the first one closed.
		await waitFor(
			async () => {
				const v = await a.core.meetings.view(s.ownerCaller, s.planId, s.sessionId);
				return (
					v.ok && v.value.attendance.online.length === 2 && v.value.attendance.online[0].to !== null
				);
			},
			'attendance recorded',
			15_000
		);
		const v = await a.core.meetings.view(s.ownerCaller, s.planId, s.sessionId);
		expect(v.ok && v.value.attendance.online.map((o) => o.name)).toEqual([
			'Vera Viewer',
			'Vera Viewer'
		]);
	}, 60_000);

	it('the structure lock set on A is enforced on B inside the Yjs doc path', async () => {
		const s = await setup('Strukturschutz');
		const editor = await client(b.wsUrl, s.planId, await syncToken(b.core, s.editor, s.planId));
		const moderator = await client(
			b.wsUrl,
			s.planId,
			await syncToken(b.core, s.moderator, s.planId)
		);
		await a.core.meetings.control(s.ownerCaller, s.planId, s.sessionId, { action: 'start' });
		const locked = await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, {
			action: 'lock',
			locked: true
		});
		expect(locked.ok).toBe(true);
		await waitFor(() => b.core.rooms.peek(s.planId) !== undefined, 'room loaded on B');
		// Typing still passes and reaches the moderator.
		getText(editor.doc, s.content.goalId, 'title')?.insert(0, 'Neu: ');
		await waitFor(
			() =>
				readPlan(moderator.doc, s.planId).fields[0]?.goals[0]?.title.startsWith('Neu: ') ?? false,
			'typing relayed',
			15_000
		);
		// Adding an item is refused (after B has heard of the lock).
		await waitFor(
			async () => {
				const probe = await client(b.wsUrl, s.planId, await syncToken(b.core, s.editor, s.planId));
				const closed = nextClose(probe);
				createItem(probe.doc, {
					type: 'goal',
					parentId: s.content.fieldId,
					values: { title: 'Gesperrt' }
				});
				const result = await Promise.race([
					closed,
					new Promise<null>((r) => setTimeout(() => r(null), 1500))
				]);
				return (
					result?.code === CloseCode.Refused &&
					/Planstruktur ist während der Sitzung gesperrt/.test(result.reason)
				);
			},
			'add refused on B',
			20_000
		);
		const del = await client(b.wsUrl, s.planId, await syncToken(b.core, s.editor, s.planId));
		const delClosed = nextClose(del);
		deleteItem(del.doc, s.content.measureId);
		expect((await delClosed).code).toBe(CloseCode.Refused);
		// The Moderation may still change the structure.
		createItem(moderator.doc, {
			type: 'goal',
			parentId: s.content.fieldId,
			values: { title: 'Von der Moderation' }
		});
		await waitFor(
			async () => {
				const plan = readPlan(a.core.rooms.peek(s.planId)?.doc ?? moderator.doc, s.planId);
				return plan.fields[0].goals.some((g) => g.title === 'Von der Moderation');
			},
			'moderator item on A',
			15_000
		);
		const room = b.core.rooms.peek(s.planId)!;
		expect(readPlan(room.doc, s.planId).fields[0].goals.some((g) => g.title === 'Gesperrt')).toBe(
			false
		);
		expect(readPlan(room.doc, s.planId).fields[0].goals[0].measures.length).toBe(1);

		// Unlocked on A: the editor on B may add again.
		await a.core.meetings.control(s.modCaller, s.planId, s.sessionId, {
			action: 'lock',
			locked: false
		});
		await waitFor(
			async () => {
				const probe = await client(b.wsUrl, s.planId, await syncToken(b.core, s.editor, s.planId));
				const closed = nextClose(probe);
				createItem(probe.doc, {
					type: 'goal',
					parentId: s.content.fieldId,
					values: { title: 'Wieder offen' }
				});
				const result = await Promise.race([
					closed,
					new Promise<null>((r) => setTimeout(() => r(null), 1500))
				]);
				return (
					result === null &&
					readPlan(room.doc, s.planId).fields[0].goals.some((g) => g.title === 'Wieder offen')
				);
			},
			'add allowed after unlock',
			20_000
		);
		expect(editor.provider.wsconnected).toBe(true);
	}, 90_000);

	it('deleting the plan deletes its sessions; joining one then says the plan is gone', async () => {
		const s = await setup('Löschen');
		await a.core.meetings.control(s.ownerCaller, s.planId, s.sessionId, { action: 'start' });
		await a.core.meetings.control(s.ownerCaller, s.planId, s.sessionId, {
			action: 'lock',
			locked: true
		});
		const cookie = await sessionCookie(b.core, s.owner);
		const deleted = await a.core.plans.commands.deletePlanCascade(s.planId as never);
		expect(deleted.ok).toBe(true);
		expect(await a.core.kv.sMembers(`mt:plan:${s.planId}`)).toEqual([]);
		expect(await a.core.kv.get(`mt:s:${s.planId}:${s.sessionId}`)).toBeNull();
		expect(await a.core.kv.get(`mt:lock:${s.planId}`)).toBeNull();
		const { ack } = await joinMeeting(b.httpUrl, cookie, s.planId, s.sessionId);
		expect(ack).toMatchObject({
			ok: false,
			code: 'plan_not_found',
			message: 'Diesen Plan gibt es nicht.'
		});
	}, 60_000);
});

/**
 * Live notifications over socket.io with two server instances on one private Redis: a write on
 * instance 1 reaches a person connected to instance 2 (`review:thread` and `notification`), the
 * unread count survives a reconnect, bad credentials are refused with a code while the server
 * keeps serving others, plan rooms check the role, and "due soon" is sent once across instances.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../server/review/service';
import { createOwnedPlan, memberWithRole, syncToken } from './helpers/auth';
import { waitFor } from './helpers/clients';
import { startRedis, type TestRedis } from './helpers/redis-server';
import {
	addContent,
	closeSockets,
	collect,
	connected,
	join,
	refused,
	sessionCookie,
	socketClient
} from './helpers/review';
import { startInProcess } from './helpers/server';

let redis: TestRedis;
let a: Awaited<ReturnType<typeof startInProcess>>;
let b: Awaited<ReturnType<typeof startInProcess>>;

beforeAll(async () => {
	redis = await startRedis();
	a = await startInProcess({ REDIS_URL: redis.url, REVIEW_REMINDER_MINUTES: '0' });
	b = await startInProcess({ REDIS_URL: redis.url, REVIEW_REMINDER_MINUTES: '0' });
});

afterEach(() => closeSockets());

afterAll(async () => {
	closeSockets();
	await a?.close();
	await b?.close();
	await redis?.stop();
});

async function setup(title = 'Integrationskonzept') {
	const { planId, owner } = await createOwnedPlan(a.core, title);
	const reviewer = await memberWithRole(a.core, planId, owner, 'reviewer', 'Rita Prüferin');
	const ownerCaller: Caller = { principal: owner, role: 'owner' };
	return { planId, owner, reviewer, ownerCaller };
}

describe('socket.io across two instances', () => {
	it('a comment written through instance 1 reaches a member on instance 2, live', async () => {
		const { planId, reviewer, ownerCaller } = await setup();
		const socket = socketClient(b.httpUrl, { cookie: await sessionCookie(b.core, reviewer) });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const threads = collect(socket, 'review:thread');
		const notifications = collect(socket, 'notification');

		const created = await a.core.review.createThread(ownerCaller, planId, {
			itemId: null,
			body: 'Bitte einmal drüberschauen, @Rita',
			mentions: [reviewer.id]
		});
		expect(created.ok).toBe(true);
		await waitFor(() => threads.length === 1 && notifications.length === 1, 'events on B');
		expect(threads[0][0]).toBe(planId);
		expect(threads[0][1].comments[0].body).toBe('Bitte einmal drüberschauen, @Rita');
		const [notification, unread] = notifications[0];
		expect(notification).toMatchObject({ kind: 'mention', planId, read: false });
		expect(notification.text).toContain('hat Sie in');
		expect(unread).toBe(1);
	});

	it('the unread count survives a reconnect; reading on one instance updates the other', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Ungelesen');
		await a.core.review.createThread(ownerCaller, planId, {
			itemId: null,
			body: 'Erste Frage',
			mentions: [reviewer.id]
		});
		const cookie = await sessionCookie(a.core, reviewer);
		const first = socketClient(b.httpUrl, { cookie });
		await connected(first);
		first.close();

		// "Reload": a new connection to the other instance, inbox from the REST side of A.
		const second = socketClient(a.httpUrl, { cookie });
		await connected(second);
		const inbox = await a.core.review.inbox(reviewer);
		expect(inbox.ok && inbox.value.unread).toBe(1);
		const onA = collect(second, 'notifications:unread');

		const read = await b.core.review.markRead(reviewer, { all: true });
		expect(read).toEqual({ ok: true, value: { unread: 0 } });
		await waitFor(() => onA.length === 1, 'unread count pushed to the other instance');
		expect(onA[0][0]).toBe(0);
		const after = await a.core.review.inbox(reviewer);
		expect(after.ok && after.value.unread).toBe(0);
	});

	it('refuses bad credentials with a code and keeps serving everyone else', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Abgewiesen');
		expect((await refused(socketClient(b.httpUrl))).code).toBe('unauthenticated');
		expect((await refused(socketClient(b.httpUrl, { token: 'kaputt.token' }))).code).toBe(
			'invalid_token'
		);
		const badCookie = await refused(socketClient(b.httpUrl, { cookie: 'mitplan_session=falsch' }));
		expect(badCookie).toEqual({ code: 'unauthenticated', message: 'Bitte melden Sie sich an.' });
		const cookie = await sessionCookie(b.core, reviewer);
		expect(
			(await refused(socketClient(b.httpUrl, { cookie, origin: 'https://evil.example' }))).code
		).toBe('cross_origin');
		// Long-polling handshakes are checked the same way.
		expect((await refused(socketClient(b.httpUrl, { polling: true }))).code).toBe(
			'unauthenticated'
		);

		const good = socketClient(b.httpUrl, { cookie });
		await connected(good);
		expect(await join(good, planId)).toEqual({ ok: true });
		const threads = collect(good, 'review:thread');
		await a.core.review.createThread(ownerCaller, planId, { itemId: null, body: 'Weiter geht’s' });
		await waitFor(() => threads.length === 1, 'still serving');
	});

	it('a sync token authenticates for its plan only', async () => {
		const { planId, reviewer } = await setup('Token');
		const other = await setup('Anderer Plan');
		await a.core.access.setMember(other.planId, other.owner, { userId: reviewer.id }, 'reviewer');
		const token = await syncToken(a.core, reviewer, planId);
		const socket = socketClient(b.httpUrl, { token });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		expect(await join(socket, other.planId)).toMatchObject({ ok: false, code: 'plan_not_found' });
	});

	it("plan rooms: a non-member is refused, a removed member stops receiving the plan's events", async () => {
		const { planId, owner, reviewer, ownerCaller } = await setup('Raum');
		const stranger = await setup('Fremd');
		const strangerSocket = socketClient(b.httpUrl, {
			cookie: await sessionCookie(b.core, stranger.owner)
		});
		await connected(strangerSocket);
		expect(await join(strangerSocket, planId)).toEqual({
			ok: false,
			code: 'plan_not_found',
			message: 'Diesen Plan gibt es nicht.'
		});
		expect(await join(strangerSocket, '../../etc')).toMatchObject({ code: 'invalid_plan_id' });

		const socket = socketClient(b.httpUrl, { cookie: await sessionCookie(b.core, reviewer) });
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const threads = collect(socket, 'review:thread');
		const strangerThreads = collect(strangerSocket, 'review:thread');

		// Removed on instance A; the socket on B leaves the plan room.
		const removed = await a.core.access.removeMember(planId, owner, reviewer.id);
		expect(removed.ok).toBe(true);
		await waitFor(async () => {
			const inRoom = await b.core.realtime!.io.in(`plan:${planId}`).fetchSockets();
			return inRoom.length === 0;
		}, 'removed member left the room');
		await a.core.review.createThread(ownerCaller, planId, { itemId: null, body: 'Geheim' });
		const probe = socketClient(a.httpUrl, { cookie: await sessionCookie(a.core, owner) });
		await connected(probe);
		await join(probe, planId);
		const ownerThreads = collect(probe, 'review:thread');
		await a.core.review.createThread(ownerCaller, planId, { itemId: null, body: 'Noch geheimer' });
		await waitFor(() => ownerThreads.length === 1, 'owner receives');
		expect(threads).toHaveLength(0);
		expect(strangerThreads).toHaveLength(0);
		expect(await join(socket, planId)).toMatchObject({ ok: false, code: 'plan_not_found' });
	});

	it('a password reset or a disabled account ends the sockets on every instance', async () => {
		const { reviewer } = await setup('Sperre');
		const other = await setup('Sperre 2');
		const onB = socketClient(b.httpUrl, { cookie: await sessionCookie(b.core, reviewer) });
		const bystander = socketClient(b.httpUrl, {
			cookie: await sessionCookie(b.core, other.reviewer)
		});
		await Promise.all([connected(onB), connected(bystander)]);
		const closed = new Promise<string>((resolve) => onB.once('disconnect', (r) => resolve(r)));
		expect((await a.core.access.resetPassword(reviewer.id, 'ein-neues-passwort-1')).ok).toBe(true);
		expect(await closed).toBe('io server disconnect');
		expect(bystander.connected).toBe(true);

		const again = socketClient(b.httpUrl, { cookie: await sessionCookie(b.core, other.reviewer) });
		await connected(again);
		const gone = new Promise<string>((resolve) => again.once('disconnect', (r) => resolve(r)));
		expect((await a.core.access.updateUser(other.reviewer.id, { disabled: true })).ok).toBe(true);
		expect(await gone).toBe('io server disconnect');
	});

	it('ends a guest socket when the invite expires', async () => {
		const { planId, owner } = await setup('Gastablauf');
		const invite = await a.core.access.createInvite(planId, owner, {
			role: 'reviewer',
			expiresAt: Date.now() + 1500,
			maxUses: 5,
			allowGuests: true
		});
		if (!invite.ok) throw new Error(invite.error.message);
		const guest = await a.core.access.joinAsGuest(invite.value.token, 'Gast', '127.0.0.1');
		if (!guest.ok) throw new Error(guest.error.message);
		const socket = socketClient(b.httpUrl, {
			cookie: `mitplan_session=${encodeURIComponent(guest.value.sessionToken)}`
		});
		await connected(socket);
		expect(await join(socket, planId)).toEqual({ ok: true });
		const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));
		expect(await closed).toBe('io server disconnect');
		expect(Date.now()).toBeGreaterThanOrEqual(guest.value.expiresAt);
	});

	it('ends the socket of a session that was logged out at the next re-check', async () => {
		const { reviewer } = await setup('Abmeldung');
		const other = await setup('Abmeldung 2');
		const cookie = await sessionCookie(b.core, reviewer);
		const socket = socketClient(b.httpUrl, { cookie });
		const bystander = socketClient(b.httpUrl, {
			cookie: await sessionCookie(b.core, other.reviewer)
		});
		await Promise.all([connected(socket), connected(bystander)]);
		const closed = new Promise<string>((resolve) => socket.once('disconnect', (r) => resolve(r)));
		await a.core.access.logout(decodeURIComponent(cookie.split('=')[1]));
		await b.core.realtime!.recheckSessions();
		expect(await closed).toBe('io server disconnect');
		expect(bystander.connected).toBe(true);
	});

	it('sends "due soon" once per request and person, even when both instances run the job', async () => {
		const { planId, reviewer, ownerCaller } = await setup('Fällig');
		const { fieldId } = await addContent(a.core, planId);
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
		const request = await a.core.review.createRequest(ownerCaller, planId, {
			scope: { kind: 'field', fieldId },
			reviewerIds: [reviewer.id],
			dueDate: tomorrow,
			message: ''
		});
		expect(request.ok).toBe(true);
		const socket = socketClient(a.httpUrl, { cookie: await sessionCookie(a.core, reviewer) });
		await connected(socket);
		const pushed = collect(socket, 'notification');
		await Promise.all([a.core.review.runReminders(), b.core.review.runReminders()]);
		await a.core.review.runReminders();
		const inbox = await b.core.review.inbox(reviewer);
		const due = inbox.ok ? inbox.value.notifications.filter((n) => n.kind === 'due_soon') : [];
		expect(due).toHaveLength(1);
		expect(due[0].text).toContain('fällig');
		await waitFor(() => pushed.some(([n]) => n.kind === 'due_soon'), 'pushed live');
	});
});

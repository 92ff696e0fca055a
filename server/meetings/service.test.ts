/**
 * The session service on both KV stores (embedded file store and a real redis-server): sessions
 * with the default agenda, facilitator rights, agenda steps with actual times, the
 * server-authoritative timer, the structure lock (also as a second instance sees it), hands,
 * attendance, the delete cascade, and bad input with German messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invite, Principal } from '../../src/lib/contract/access';
import type { MeetingCaller, MeetingPush } from '../../src/lib/contract/meetings';
import type { PlanRole } from '../../src/lib/contract/roles';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import { createRedisKv } from '../storage/kv-redis';
import type { KvStore } from '../storage/kv';
import { startRedis, type TestRedis } from '../../tests/helpers/redis-server';
import { tempDir } from '../../tests/helpers/server';
import { guestLinkKey } from './guest-link';
import { createLockRegistry } from './locks';
import { createMeetingService } from './service';

let redis: TestRedis;
beforeAll(async () => {
	redis = await startRedis();
});
afterAll(async () => {
	await redis?.stop();
});

const user = (id: string, name: string): Principal => ({
	kind: 'user',
	id,
	name,
	email: `${id}@example.org`,
	isAdmin: false
});
const owner: MeetingCaller = { principal: user('u-owner', 'Olga Owner'), role: 'owner' };
const moderator: MeetingCaller = { principal: user('u-mod', 'Mona Moderation'), role: 'editor' };
const editor: MeetingCaller = { principal: user('u-ed', 'Emil Editor'), role: 'editor' };
const viewer: MeetingCaller = { principal: user('u-view', 'Vera Viewer'), role: 'viewer' };
const members: Array<{ userId: string; name: string; role: PlanRole }> = [
	{ userId: 'u-owner', name: 'Olga Owner', role: 'owner' },
	{ userId: 'u-mod', name: 'Mona Moderation', role: 'editor' },
	{ userId: 'u-ed', name: 'Emil Editor', role: 'editor' },
	{ userId: 'u-view', name: 'Vera Viewer', role: 'viewer' }
];

function setup(kv: KvStore) {
	let clock = Date.UTC(2027, 2, 12, 9, 0, 0);
	const pushes: MeetingPush[] = [];
	const announced: string[] = [];
	const invites: Invite[] = [];
	const log = createLogger('error');
	const locks = createLockRegistry(kv, log);
	const make = (registry = locks) =>
		createMeetingService({
			kv,
			log,
			access: {
				listMembers: async () =>
					members.map((m) => ({ ...m, email: `${m.userId}@example.org`, addedAt: '' })),
				createInvite: async (planId, actor, input) => {
					const invite: Invite = {
						id: `inv-${invites.length + 1}`,
						planId,
						role: input.role,
						label: input.label ?? '',
						expiresAt: input.expiresAt,
						maxUses: input.maxUses,
						uses: 0,
						allowGuests: input.allowGuests,
						revoked: false,
						createdBy: actor.id,
						createdAt: new Date(clock).toISOString()
					};
					invites.push(invite);
					return { ok: true, value: { invite, token: `token-${invite.id}` } };
				},
				listInvites: async (planId) => invites.filter((i) => i.planId === planId)
			},
			readFields: async (planId) =>
				planId.startsWith('gone')
					? null
					: { title: 'Plan', fields: [{ id: 'feld-1', title: 'Bildung' }] },
			locks: registry,
			bus: { publish: async (planId, m) => void announced.push(`${planId}:${m.kind}`) },
			push: (p) => pushes.push(p),
			now: () => clock
		});
	return {
		service: make(),
		make,
		locks,
		pushes,
		announced,
		invites,
		tick: (ms: number) => (clock += ms),
		now: () => clock
	};
}

const body = (extra: Record<string, unknown> = {}) => ({
	title: 'AG Bildung – 2. Treffen',
	date: '2027-03-12',
	time: '18:00',
	room: 'Rathaus, Saal 2',
	videoLink: 'https://video.example.org/ag-bildung',
	facilitatorId: 'u-mod',
	...extra
});

function suite(name: string, open: () => Promise<KvStore>) {
	describe(`sessions (${name})`, () => {
		let n = 0;
		const plan = () => `plan-${name}-${++n}`;

		it('creates a session with the default agenda, lists it and shows it to members', async () => {
			const kv = await open();
			const { service } = setup(kv);
			const planId = plan();
			const created = await service.create(owner, planId, body({ fieldId: 'feld-1' }));
			if (!created.ok) throw new Error(created.error.message);
			const m = created.value;
			expect(m.agenda.map((s) => [s.title, s.minutes])).toEqual([
				['Begrüßung', 10],
				['Exploration', 40],
				['Konsolidierung', 40],
				['Priorisierung', 20],
				['Abschluss', 10]
			]);
			expect(m).toMatchObject({
				status: 'geplant',
				facilitatorName: 'Mona Moderation',
				fieldId: 'feld-1'
			});
			const list = await service.list(planId);
			expect(list.ok && list.value.map((x) => x.id)).toEqual([m.id]);
			const asViewer = await service.view(viewer, planId, m.id);
			expect(asViewer.ok && asViewer.value.canFacilitate).toBe(false);
			const asMod = await service.view(moderator, planId, m.id);
			expect(asMod.ok && asMod.value.canFacilitate).toBe(true);
			expect(asMod.ok && asMod.value.live.stepIndex).toBe(-1);
			await kv.close();
		});

		it('refuses bad input and foreign sessions with German messages', async () => {
			const kv = await open();
			const { service } = setup(kv);
			const planId = plan();
			const long = await service.create(owner, planId, body({ title: 'x'.repeat(121) }));
			expect(!long.ok && long.error).toMatchObject({ status: 400, code: 'invalid_value' });
			expect(!long.ok && long.error.message).toContain(
				'Der Titel ist zu lang (121 Zeichen, höchstens 120)'
			);
			const noDate = await service.create(owner, planId, body({ date: '2027-02-30' }));
			expect(!noDate.ok && noDate.error.message).toContain('gültiges Datum');
			const field = await service.create(owner, planId, body({ fieldId: 'feld-x' }));
			expect(!field.ok && field.error.code).toBe('field_not_found');
			const badAgenda = await service.create(
				owner,
				planId,
				body({ agenda: [{ title: 'A', minutes: 0 }] })
			);
			expect(!badAgenda.ok && badAgenda.error.message).toContain('Schritt 1');
			const viewerMod = await service.create(owner, planId, body({ facilitatorId: 'u-view' }));
			expect(!viewerMod.ok && viewerMod.error.code).toBe('facilitator_not_editor');
			const byEditor = await service.create(editor, planId, body());
			expect(!byEditor.ok && byEditor.error).toMatchObject({
				status: 403,
				code: 'not_facilitator'
			});
			const unknown = await service.view(owner, planId, 'sitzung-gibtesnicht');
			expect(!unknown.ok && unknown.error).toMatchObject({
				status: 404,
				code: 'session_not_found'
			});
			expect(!unknown.ok && unknown.error.message).toContain('Diese Sitzung gibt es nicht');
			// A session id of another plan is unknown here.
			const other = await service.create(owner, plan(), body());
			if (!other.ok) throw new Error('create');
			const foreign = await service.view(owner, planId, other.value.id);
			expect(!foreign.ok && foreign.error.code).toBe('session_not_found');
			await kv.close();
		});

		it('only the owner and the named Moderation steer; steps keep their actual times', async () => {
			const kv = await open();
			const { service, pushes, tick, now } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			const early = await service.control(moderator, planId, id, { action: 'step', index: 1 });
			expect(!early.ok && early.error.code).toBe('session_not_started');
			const byEditor = await service.control(editor, planId, id, { action: 'start' });
			expect(!byEditor.ok && byEditor.error.message).toBe(
				'Das darf nur die Moderation dieser Sitzung oder die Prozesssteuerung.'
			);
			const started = await service.control(moderator, planId, id, { action: 'start' });
			expect(started.ok && started.value.stepIndex).toBe(0);
			const t0 = now();
			tick(12 * 60_000);
			const step = await service.control(owner, planId, id, { action: 'step', index: 1 });
			if (!step.ok) throw new Error(step.error.message);
			expect(step.value.steps).toEqual([
				expect.objectContaining({ title: 'Begrüßung', startedAt: t0, endedAt: t0 + 12 * 60_000 }),
				expect.objectContaining({
					title: 'Exploration',
					startedAt: t0 + 12 * 60_000,
					endedAt: null
				})
			]);
			const bad = await service.control(owner, planId, id, { action: 'step', index: 9 });
			expect(!bad.ok && bad.error.message).toContain('5 Schritte');
			const unknown = await service.control(owner, planId, id, { action: 'explode' });
			expect(!unknown.ok && unknown.error.message).toContain('Unbekannte Steuerung');
			expect(pushes.at(-1)).toMatchObject({ planId, sessionId: id, serverNow: now() });
			expect(pushes.at(-1)?.live.stepIndex).toBe(1);
			const record = await service.view(viewer, planId, id);
			expect(record.ok && record.value.meeting.status).toBe('laufend');
			await kv.close();
		});

		it('keeps the timer on the server clock: pause, resume, no client end times', async () => {
			const kv = await open();
			const { service, tick, now } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			await service.control(owner, planId, id, { action: 'start' });
			const skewed = await service.control(owner, planId, id, {
				action: 'timer_start',
				seconds: 300,
				endsAt: now() + 3_600_000
			});
			expect(!skewed.ok && skewed.error.message).toContain('Die Uhr Ihres Geräts kann');
			const tooLong = await service.control(owner, planId, id, {
				action: 'timer_start',
				seconds: 5 * 3600
			});
			expect(!tooLong.ok && tooLong.error.code).toBe('invalid_value');
			const started = await service.control(owner, planId, id, {
				action: 'timer_start',
				seconds: 300
			});
			expect(started.ok && started.value.timer).toEqual({
				endsAt: now() + 300_000,
				pausedLeftMs: null,
				durationMs: 300_000
			});
			tick(100_000);
			const paused = await service.control(owner, planId, id, { action: 'timer_pause' });
			expect(paused.ok && paused.value.timer.pausedLeftMs).toBe(200_000);
			tick(50_000);
			const resumed = await service.control(owner, planId, id, { action: 'timer_resume' });
			expect(resumed.ok && resumed.value.timer.endsAt).toBe(now() + 200_000);
			const view = await service.view(viewer, planId, id);
			expect(view.ok && view.value.serverNow).toBe(now());
			await kv.close();
		});

		it('locks the structure for everyone but the facilitators, on every instance', async () => {
			const kv = await open();
			const { service, locks, make, announced } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			await service.control(owner, planId, id, { action: 'start' });
			const locked = await service.control(moderator, planId, id, { action: 'lock', locked: true });
			expect(locked.ok && locked.value.locked).toBe(true);
			expect(locks.lockedFor(planId, 'u-ed')).toBe(true);
			expect(locks.lockedFor(planId, 'u-mod')).toBe(false);
			// One rule with the board (lockedFor in model.ts): owners and the Moderation only
			expect(locks.current(planId)?.exempt).toEqual(['u-mod']);
			expect(locks.lockedFor(planId, 'u-owner', true)).toBe(false);
			expect(locks.lockedFor(planId, undefined)).toBe(true);
			expect(announced).toContain(`${planId}:meeting`);
			// Another instance reads it from the store when its room loads.
			const second = createLockRegistry(kv, createLogger('error'));
			make(second);
			expect(second.lockedFor(planId, 'u-ed')).toBe(false);
			await second.refresh(planId);
			expect(second.lockedFor(planId, 'u-ed')).toBe(true);
			// Ending the session lifts the lock; the record stays readable.
			const ended = await service.control(owner, planId, id, { action: 'end' });
			expect(ended.ok && ended.value.locked).toBe(false);
			await second.refresh(planId);
			expect(second.lockedFor(planId, 'u-ed')).toBe(false);
			expect(locks.lockedFor(planId, 'u-ed')).toBe(false);
			const after = await service.control(owner, planId, id, { action: 'start' });
			expect(!after.ok && after.error.code).toBe('session_ended');
			const past = await service.view(viewer, planId, id);
			expect(past.ok && past.value.meeting.status).toBe('beendet');
			expect(past.ok && past.value.meeting.endedAt).not.toBeNull();
			await kv.close();
		});

		it('queues raised hands once per person; the facilitator lowers them', async () => {
			const kv = await open();
			const { service } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			const before = await service.hand(viewer, planId, id, true);
			expect(!before.ok && before.error.code).toBe('session_not_running');
			await service.control(owner, planId, id, { action: 'start' });
			await service.hand(viewer, planId, id, true);
			await service.hand(editor, planId, id, true);
			const twice = await service.hand(viewer, planId, id, true);
			expect(twice.ok && twice.value.hands.map((h) => h.name)).toEqual([
				'Vera Viewer',
				'Emil Editor'
			]);
			const byOther = await service.control(editor, planId, id, {
				action: 'hand_lower',
				principalId: 'u-view'
			});
			expect(!byOther.ok && byOther.error.code).toBe('not_facilitator');
			const lowered = await service.control(moderator, planId, id, {
				action: 'hand_lower',
				principalId: 'u-view'
			});
			expect(lowered.ok && lowered.value.hands.map((h) => h.name)).toEqual(['Emil Editor']);
			const follow = await service.control(moderator, planId, id, {
				action: 'follow',
				active: true,
				itemId: 'feld-1'
			});
			expect(follow.ok && follow.value.follow).toEqual({ active: true, itemId: 'feld-1' });
			await kv.close();
		});

		it('gives the facilitators one guest link (reviewer invite with guests), renewed when unusable', async () => {
			const kv = await open();
			const { service, invites, tick } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body({ facilitatorId: 'u-mod' }));
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			const first = await service.guestLink(moderator, planId, id);
			if (!first.ok) throw new Error(first.error.message);
			expect(invites).toHaveLength(1);
			expect(invites[0]).toMatchObject({ role: 'reviewer', allowGuests: true, createdBy: 'u-mod' });
			expect(invites[0].label).toContain('QR-Code der Sitzung');
			// The same link again (the projector reloads), for the owner too
			const again = await service.guestLink(owner, planId, id);
			expect(again.ok && again.value.token).toBe(first.value.token);
			// Not for others
			const refused = await service.guestLink(editor, planId, id);
			expect(!refused.ok && refused.error.status).toBe(403);
			const unknown = await service.guestLink(owner, planId, 'sitzung-unbekannt');
			expect(!unknown.ok && unknown.error.status).toBe(404);
			// Revoked or used up: a new invite
			invites[0].revoked = true;
			const renewed = await service.guestLink(owner, planId, id);
			expect(renewed.ok && renewed.value.token).toBe('token-inv-2');
			invites[1].uses = invites[1].maxUses;
			const full = await service.guestLink(owner, planId, id);
			expect(full.ok && full.value.token).toBe('token-inv-3');
			// Expiring within the hour: a new one
			tick(23.5 * 3600_000);
			const late = await service.guestLink(owner, planId, id);
			expect(late.ok && late.value.token).toBe('token-inv-4');
			// An ended session has none
			await service.control(owner, planId, id, { action: 'start' });
			await service.control(owner, planId, id, { action: 'end' });
			const ended = await service.guestLink(owner, planId, id);
			expect(!ended.ok && ended.error.code).toBe('session_ended');
			expect(await kv.get(guestLinkKey(planId, id))).toBeNull();
			await kv.close();
		});

		it('records attendance: connections from/to, people in the room, a head count', async () => {
			const kv = await open();
			const { service, tick, now } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			const id = c.value.id;
			const from = now();
			await service.joined(viewer, planId, id, 'sock-1');
			await service.joined(viewer, planId, id, 'sock-1');
			tick(30 * 60_000);
			await service.left(planId, id, 'sock-1');
			const added = await service.addAttendance(owner, planId, id, {
				name: 'Hamid Rahimi',
				organisation: 'Migrantenbeirat'
			});
			if (!added.ok) throw new Error(added.error.message);
			const counted = await service.addAttendance(moderator, planId, id, { headCount: 7 });
			expect(counted.ok && counted.value).toEqual({
				online: [
					{ principalId: 'u-view', name: 'Vera Viewer', kind: 'user', from, to: from + 30 * 60_000 }
				],
				inRoom: [{ id: expect.any(String), name: 'Hamid Rahimi', organisation: 'Migrantenbeirat' }],
				headCount: 7
			});
			const noName = await service.addAttendance(owner, planId, id, { name: '  ' });
			expect(!noName.ok && noName.error.message).toBe('Bitte geben Sie einen Namen an.');
			const badCount = await service.addAttendance(owner, planId, id, { headCount: -3 });
			expect(!badCount.ok && badCount.error.code).toBe('invalid_value');
			const byViewer = await service.addAttendance(viewer, planId, id, { name: 'X' });
			expect(!byViewer.ok && byViewer.error.code).toBe('not_facilitator');
			const removed = await service.removeAttendee(owner, planId, id, added.value.inRoom[0].id);
			expect(removed.ok && removed.value.inRoom).toEqual([]);
			await kv.close();
		});

		it('deleting the plan deletes its sessions and lifts its lock', async () => {
			const kv = await open();
			const { service, locks } = setup(kv);
			const planId = plan();
			const c = await service.create(owner, planId, body());
			if (!c.ok) throw new Error(c.error.message);
			await service.control(owner, planId, c.value.id, { action: 'start' });
			await service.control(owner, planId, c.value.id, { action: 'lock', locked: true });
			await service.forgetPlan(planId);
			expect(await service.list(planId)).toEqual({ ok: true, value: [] });
			const gone = await service.view(owner, planId, c.value.id);
			expect(!gone.ok && gone.error.code).toBe('session_not_found');
			expect(locks.lockedFor(planId, 'u-ed')).toBe(false);
			await locks.refresh(planId);
			expect(locks.lockedFor(planId, 'u-ed')).toBe(false);
			await kv.close();
		});
	});
}

let prefixNo = 0;
suite('file', async () => createFileKv({ dir: tempDir().dir }));
suite('redis', async () =>
	createRedisKv({
		url: redis.url,
		keyPrefix: `mt${++prefixNo}:`,
		logger: { warn: () => {}, error: () => {} }
	})
);

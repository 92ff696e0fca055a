/**
 * The minutes service on the embedded KV with a controlled clock: who may record, a task
 * delivered once (again only to a newly named member), entries frozen at the end, the comment
 * window to the millisecond, and the decision log across sessions.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/contract/access';
import type { MeetingCaller } from '../../src/lib/contract/meetings';
import type { PlanRole } from '../../src/lib/contract/roles';
import type { Notification } from '../../src/lib/review/types';
import { noticeText } from '../../src/lib/review/notice-text';
import { tempDir } from '../../tests/helpers/server';
import { createLogger } from '../log';
import { createFileKv } from '../storage/kv-file';
import { createLockRegistry } from './locks';
import { createMinutesService } from './minutes';
import { createMeetingService } from './service';

const user = (id: string, name: string): Principal => ({
	kind: 'user',
	id,
	name,
	email: `${id}@example.org`,
	isAdmin: false
});
const owner: MeetingCaller = { principal: user('u-owner', 'Olga Owner'), role: 'owner' };
const emil: MeetingCaller = { principal: user('u-ed', 'Emil Editor'), role: 'editor' };
const vera: MeetingCaller = { principal: user('u-view', 'Vera Viewer'), role: 'viewer' };
const members: Array<{ userId: string; name: string; role: PlanRole }> = [
	{ userId: 'u-owner', name: 'Olga Owner', role: 'owner' },
	{ userId: 'u-ed', name: 'Emil Editor', role: 'editor' },
	{ userId: 'u-view', name: 'Vera Viewer', role: 'viewer' }
];
const DAY = 86_400_000;

async function setup() {
	const dir = tempDir();
	const kv = await createFileKv({ dir: dir.dir });
	const log = createLogger('error');
	let clock = Date.UTC(2027, 2, 12, 17, 0, 0);
	const now = () => clock;
	const access = {
		listMembers: async () =>
			members.map((m) => ({ ...m, email: `${m.userId}@example.org`, addedAt: '' }))
	};
	const meetings = createMeetingService({
		kv,
		log,
		// The session guest link (server/meetings/guest-link.ts) is not used here.
		access: {
			...access,
			createInvite: async () => {
				throw new Error('not used');
			},
			listInvites: async () => []
		},
		readFields: async () => ({ title: 'Plan', fields: [] }),
		locks: createLockRegistry(kv, log),
		bus: { publish: async () => {} },
		now
	});
	const delivered: Array<{ userId: string; n: Omit<Notification, 'id' | 'createdAt' | 'read'> }> =
		[];
	const minutes = createMinutesService({
		kv,
		log,
		access,
		readItems: async () => ({
			title: 'Plan',
			items: new Map([['m1', { type: 'measure' as const, parentId: 'g1', title: 'Sprachcafé' }]])
		}),
		votes: { list: async () => ({ ok: true, value: [] }) },
		versions: { history: async () => ({ ok: true, value: [] }) },
		inbox: { deliver: async (userId, n) => void delivered.push({ userId, n }) },
		now
	});
	const created = await meetings.create(owner, 'p1', {
		title: 'AG Bildung',
		date: '2027-03-12',
		agenda: [{ title: 'Begrüßung', minutes: 10 }]
	});
	if (!created.ok) throw new Error(created.error.message);
	const sid = created.value.id;
	return {
		meetings,
		minutes,
		sid,
		delivered,
		tick: (ms: number) => (clock += ms),
		close: async () => {
			await kv.close();
			dir.remove();
		}
	};
}

describe('minutes service', () => {
	it('records by role, delivers a task once, freezes at the end and closes comments on time', async () => {
		const s = await setup();
		try {
			const { minutes, sid } = s;
			const decision = { kind: 'decision', text: 'Start im Mai', itemId: 'm1' };
			expect(await minutes.add(emil, 'p1', sid, decision)).toMatchObject({
				ok: false,
				error: { status: 403, code: 'not_note_taker' }
			});
			expect(await minutes.add(owner, 'p1', sid, { ...decision, itemId: 'm9' })).toMatchObject({
				ok: false,
				error: { code: 'item_not_found' }
			});
			expect((await minutes.add(owner, 'p1', sid, decision)).ok).toBe(true);

			const task = await minutes.add(owner, 'p1', sid, {
				kind: 'task',
				text: 'Räume anfragen',
				assigneeId: 'u-ed'
			});
			if (!task.ok) throw new Error(task.error.message);
			await minutes.update(owner, 'p1', sid, task.value.id, { text: 'Räume im Rathaus anfragen' });
			expect(s.delivered.map((d) => d.userId)).toEqual(['u-ed']);
			expect(s.delivered[0].n).toMatchObject({ kind: 'meeting_task', itemId: null });
			// Stored as kind + params, worded per reader (German as the sentence stored before).
			expect(s.delivered[0].n.params).toEqual({
				meeting: 'AG Bildung',
				task: 'Räume anfragen'
			});
			expect(noticeText(s.delivered[0].n, 'de')).toBe(
				'Aufgabe aus der Sitzung „AG Bildung“: „Räume anfragen“.'
			);
			expect(noticeText(s.delivered[0].n, 'en')).toBe(
				'Task from the session “AG Bildung”: “Räume anfragen”.'
			);
			// Named someone else: that person gets it (once), the first is not told again.
			await minutes.update(owner, 'p1', sid, task.value.id, { assigneeId: 'u-view' });
			await minutes.update(owner, 'p1', sid, task.value.id, { dueDate: '2027-04-01' });
			expect(s.delivered.map((d) => d.userId)).toEqual(['u-ed', 'u-view']);

			// Emil as note-taker may record; a viewer can never be named.
			expect((await minutes.settings(owner, 'p1', sid, { noteTakerIds: ['u-view'] })).ok).toBe(
				false
			);
			expect(
				(await minutes.settings(owner, 'p1', sid, { noteTakerIds: ['u-ed'], commentDays: 2 })).ok
			).toBe(true);
			expect(
				(await minutes.add(emil, 'p1', sid, { kind: 'question', text: 'Wer zahlt?' })).ok
			).toBe(true);

			// Vera attends; comments only after the end and within 2 days.
			await s.meetings.control(owner, 'p1', sid, { action: 'start' });
			await s.meetings.joined(vera, 'p1', sid, 'conn-1');
			expect(await minutes.comment(vera, 'p1', sid, { text: 'Früh' })).toMatchObject({
				ok: false,
				error: { code: 'comments_not_open' }
			});
			s.tick(60_000);
			await s.meetings.control(owner, 'p1', sid, { action: 'end' });
			expect(await minutes.add(owner, 'p1', sid, decision)).toMatchObject({
				ok: false,
				error: { status: 409, code: 'protocol_frozen' }
			});
			expect(await minutes.comment(emil, 'p1', sid, { text: 'Nicht da' })).toMatchObject({
				ok: false,
				error: { status: 403, code: 'not_attendee' }
			});
			s.tick(2 * DAY - 1);
			expect((await minutes.comment(vera, 'p1', sid, { text: 'Gerade noch' })).ok).toBe(true);
			s.tick(1);
			expect(await minutes.comment(vera, 'p1', sid, { text: 'Zu spät' })).toMatchObject({
				ok: false,
				error: { status: 409, code: 'comments_closed' }
			});
			const view = await minutes.view(vera, 'p1', sid);
			if (!view.ok) throw new Error(view.error.message);
			expect(view.value.protocol.phase).toBe('endgueltig');
			expect(view.value.protocol.comments.map((c) => c.text)).toEqual(['Gerade noch']);
			expect(view.value).toMatchObject({ canRecord: false, canSettle: false, canComment: false });

			const log = await minutes.decisionLog('p1');
			expect(log).toEqual({
				ok: true,
				value: [
					{
						date: '12.03.2027',
						session: 'AG Bildung',
						text: 'Start im Mai',
						item: 'Maßnahme „Sprachcafé“'
					}
				]
			});
		} finally {
			await s.close();
		}
	});
});

/**
 * Over 400 lines because it covers every part of the review service (threads, limits, core group, due dates, administrative check, inbox) on one shared real-KV setup.
 *
 * The review service on the real embedded KV and the real access service (temp directory per
 * test); plan content comes from a fixture instead of a live room, events from a recorder.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileKv } from '../storage/kv-file';
import type { KvStore } from '../storage/kv';
import { createAccessService } from '../auth/service';
import type { AccessService, Principal } from '../auth/types';
import { createLogger } from '../log';
import type { EventArgs, EventName, ReviewEmitter } from './emitter';
import type { ItemInfo, PlanItems } from './items';
import { createReviewService, type Caller, type ReviewService } from './service';

type User = Principal & { kind: 'user' };

let dir: string;
let kv: KvStore;
let access: AccessService;
let review: ReviewService;
let clock: number;
const events: Array<{ to: string; event: EventName; args: unknown[] }> = [];
const plans = new Map<string, PlanItems>();

const recorder: ReviewEmitter = {
	toPlan<E extends EventName>(planId: string, event: E, ...args: EventArgs<E>) {
		events.push({ to: `plan:${planId}`, event, args });
	},
	toUser<E extends EventName>(userId: string, event: E, ...args: EventArgs<E>) {
		events.push({ to: `user:${userId}`, event, args });
	}
};

function plan(id: string): PlanItems {
	const items = new Map<string, ItemInfo>([
		['f1', { type: 'field', parentId: null, title: 'Bildung' }],
		['g1', { type: 'goal', parentId: 'f1', title: 'Mehr Kita-Plätze' }],
		['m1', { type: 'measure', parentId: 'g1', title: 'Sprachkurse' }],
		['f2', { type: 'field', parentId: null, title: 'Arbeit' }],
		['g2', { type: 'goal', parentId: 'f2', title: 'Ausbildung' }],
		['p1', { type: 'principle', parentId: null, title: 'Teilhabe' }]
	]);
	const p = { title: 'Integrationskonzept', items };
	plans.set(id, p);
	return p;
}

async function user(name: string): Promise<User> {
	const created = await access.createUser({
		email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 7)}@mitplan.test`,
		name,
		password: 'passwort-1234567'
	});
	if (!created.ok) throw new Error(created.error.message);
	const u = created.value;
	return { kind: 'user', id: u.id, name: u.name, email: u.email, isAdmin: u.isAdmin };
}

let owner: User;
let rita: User;
let viktor: User;
let ed: User;
const asOwner = (): Caller => ({ principal: owner, role: 'owner' });
const asRita = (): Caller => ({ principal: rita, role: 'reviewer' });
const asEd = (): Caller => ({ principal: ed, role: 'editor' });

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mitplan-review-'));
	kv = await createFileKv({ dir, logger: { warn: () => {}, error: () => {} } });
	const log = createLogger('error');
	access = await createAccessService({ kv, log, passwordHashing: { logN: 10, r: 8, p: 1 } });
	clock = Date.parse('2026-03-01T09:00:00Z');
	events.length = 0;
	plans.clear();
	review = createReviewService({
		kv,
		access,
		readPlan: async (id) => plans.get(id) ?? null,
		emitter: recorder,
		log,
		limits: { commentsPerMinute: 5 },
		now: () => clock
	});
	plan('plan-a');
	owner = await user('Olga');
	rita = await user('Rita');
	viktor = await user('Viktor');
	ed = await user('Ed');
	await access.registerPlan('plan-a', owner);
	await access.setMember('plan-a', owner, { userId: rita.id }, 'reviewer');
	await access.setMember('plan-a', owner, { userId: viktor.id }, 'viewer');
	await access.setMember('plan-a', owner, { userId: ed.id }, 'editor');
});

afterEach(async () => {
	await kv.close();
	await fs.rm(dir, { recursive: true, force: true });
});

const inbox = async (u: User) => {
	const r = await review.inbox(u);
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
};

describe('threads', () => {
	it('mentions and replies notify the right people, never the author', async () => {
		const created = await review.createThread(asRita(), 'plan-a', {
			itemId: 'm1',
			body: 'Was kostet das? @Olga',
			mentions: [owner.id]
		});
		expect(created.ok).toBe(true);
		const thread = created.ok ? created.value : null!;
		expect((await inbox(owner)).notifications[0]).toMatchObject({
			kind: 'mention',
			itemId: 'm1',
			threadId: thread.id,
			text: 'Rita hat Sie in „Sprachkurse“ erwähnt.'
		});
		expect((await inbox(rita)).unread).toBe(0);

		await review.reply(asEd(), 'plan-a', thread.id, { body: 'Ich kläre das.' });
		// Rita (earlier participant) hears about the reply; Ed (author) does not.
		expect((await inbox(rita)).notifications[0]).toMatchObject({ kind: 'reply' });
		expect((await inbox(ed)).unread).toBe(0);
		expect(events.filter((e) => e.event === 'review:thread')).toHaveLength(2);
		expect(events.some((e) => e.to === `user:${owner.id}` && e.event === 'notification')).toBe(
			true
		);
	});

	it('refuses unknown items, non-member mentions and floods with clear codes', async () => {
		const missing = await review.createThread(asRita(), 'plan-a', { itemId: 'weg', body: 'x' });
		expect(!missing.ok && missing.error).toMatchObject({ status: 404, code: 'item_not_found' });
		const stranger = await user('Fremd');
		const mention = await review.createThread(asRita(), 'plan-a', {
			itemId: null,
			body: 'x',
			mentions: [stranger.id]
		});
		expect(!mention.ok && mention.error).toMatchObject({ status: 400, code: 'invalid_mention' });
		for (let i = 0; i < 5; i++) {
			expect(
				(await review.createThread(asRita(), 'plan-a', { itemId: null, body: `${i}` })).ok
			).toBe(true);
		}
		const flood = await review.createThread(asRita(), 'plan-a', { itemId: null, body: 'zu viel' });
		expect(!flood.ok && flood.error.code).toBe('too_many_comments');
		expect(flood.retryAfterSeconds).toBeGreaterThan(0);
		const state = await review.state('plan-a');
		expect(state.ok && state.value.threads).toHaveLength(5);
	});

	it('a thread whose comments are all deleted disappears from the list', async () => {
		const created = await review.createThread(asRita(), 'plan-a', { itemId: 'g1', body: 'Hm' });
		const id = created.ok ? created.value.id : '';
		const notMine = await review.deleteComment(
			asEd(),
			'plan-a',
			id,
			created.ok ? created.value.comments[0].id : ''
		);
		expect(!notMine.ok && notMine.error.code).toBe('not_own_comment');
		const deleted = await review.deleteComment(
			asOwner(),
			'plan-a',
			id,
			created.ok ? created.value.comments[0].id : ''
		);
		expect(deleted.ok && deleted.value.comments[0]).toMatchObject({ deleted: true, body: '' });
		const state = await review.state('plan-a');
		expect(state.ok && state.value.threads).toEqual([]);
	});
});

describe('thread limit', () => {
	it('holds under concurrent creation, counts only visible threads and applies to decisions', async () => {
		const small = createReviewService({
			kv,
			access,
			readPlan: async (id) => plans.get(id) ?? null,
			emitter: recorder,
			log: createLogger('error'),
			limits: { commentsPerMinute: 100, threadsPerPlan: 3 },
			now: () => clock
		});
		const results = await Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				small.createThread(asRita(), 'plan-a', { itemId: null, body: `Nr. ${i}` })
			)
		);
		expect(results.filter((r) => r.ok)).toHaveLength(3);
		const refused = results.filter((r) => !r.ok);
		expect(refused.map((r) => !r.ok && r.error)).toEqual(
			Array(3).fill(expect.objectContaining({ status: 409, code: 'too_many_threads' }))
		);
		let state = await small.state('plan-a');
		expect(state.ok && state.value.threads).toHaveLength(3);

		// Changes requested in a decision open a thread too: refused while the plan is full.
		const request = await small.createRequest(asOwner(), 'plan-a', {
			scope: { kind: 'plan' },
			reviewerIds: [rita.id],
			dueDate: '2026-03-20'
		});
		const requestId = request.ok ? request.value.id : '';
		const full = await small.decide(asRita(), 'plan-a', 'g1', {
			requestId,
			verdict: 'changes_requested',
			comment: 'Bitte konkreter'
		});
		expect(!full.ok && full.error).toMatchObject({ status: 409, code: 'too_many_threads' });

		// A thread whose comments are all deleted frees its slot and takes no more replies.
		const gone = results.find((r) => r.ok)!;
		const thread = gone.ok ? gone.value : null;
		const deleted = await small.deleteComment(
			asRita(),
			'plan-a',
			thread!.id,
			thread!.comments[0].id
		);
		expect(deleted.ok).toBe(true);
		const late = await small.reply(asRita(), 'plan-a', thread!.id, { body: 'Doch noch' });
		expect(!late.ok && late.error).toMatchObject({ status: 404, code: 'thread_not_found' });
		const decided = await small.decide(asRita(), 'plan-a', 'g1', {
			requestId,
			verdict: 'changes_requested',
			comment: 'Bitte konkreter'
		});
		expect(decided.ok && decided.value.threadId).toBeTruthy();
		state = await small.state('plan-a');
		expect(state.ok && state.value.threads).toHaveLength(3);
		const more = await small.createThread(asRita(), 'plan-a', { itemId: null, body: 'zu viel' });
		expect(!more.ok && more.error.code).toBe('too_many_threads');
	});
});

describe('guest rate limit', () => {
	it('guests of one invite share a budget, so joining again gives no fresh one', async () => {
		const guest = (n: number): Caller => ({
			principal: {
				kind: 'guest',
				id: `guest-${n}`,
				name: `Gast ${n}`,
				planId: 'plan-a',
				role: 'reviewer',
				inviteId: 'inv-1',
				expiresAt: clock + 1e6
			},
			role: 'reviewer'
		});
		const write = (n: number) =>
			review.createThread(guest(n), 'plan-a', { itemId: null, body: `von ${n}` });
		// Per principal 5 per minute (this suite's limit), per invite 3 × 5 = 15.
		for (let n = 1; n <= 3; n++) {
			for (let i = 0; i < 5; i++) expect((await write(n)).ok).toBe(true);
		}
		const fourth = await write(4);
		expect(!fourth.ok && fourth.error).toMatchObject({ status: 429, code: 'too_many_comments' });
		expect(fourth.retryAfterSeconds).toBeGreaterThan(0);
		const otherInvite = await review.createThread(
			{
				...guest(5),
				principal: { ...(guest(5).principal as object), inviteId: 'inv-2' }
			} as Caller,
			'plan-a',
			{ itemId: null, body: 'anderer Link' }
		);
		expect(otherInvite.ok).toBe(true);
	});
});

describe('core-group review', () => {
	async function request(scope: unknown = { kind: 'field', fieldId: 'f1' }) {
		const r = await review.createRequest(asOwner(), 'plan-a', {
			scope,
			reviewerIds: [rita.id],
			dueDate: '2026-03-10',
			message: 'Bitte bis zur Sitzung'
		});
		if (!r.ok) throw new Error(r.error.message);
		return r.value;
	}

	it('validates scope and reviewers', async () => {
		const viewer = await review.createRequest(asOwner(), 'plan-a', {
			scope: { kind: 'plan' },
			reviewerIds: [viktor.id],
			dueDate: '2026-03-10'
		});
		expect(!viewer.ok && viewer.error.code).toBe('invalid_reviewer');
		const noField = await review.createRequest(asOwner(), 'plan-a', {
			scope: { kind: 'field', fieldId: 'g1' },
			reviewerIds: [rita.id],
			dueDate: '2026-03-10'
		});
		expect(!noField.ok && noField.error.code).toBe('item_not_found');
		const badDate = await review.createRequest(asOwner(), 'plan-a', {
			scope: { kind: 'plan' },
			reviewerIds: [rita.id],
			dueDate: '2026-02-30'
		});
		expect(!badDate.ok && badDate.error.code).toBe('invalid_due_date');
		await request();
		expect((await inbox(rita)).notifications[0]).toMatchObject({ kind: 'review_requested' });
		expect((await access.listAudit('plan-a'))[0].action).toBe('review_requested');
	});

	it('decisions: named reviewers only, in scope, replaced on change, closed requests refuse', async () => {
		const r = await request();
		const ownerDecides = await review.decide(asOwner(), 'plan-a', 'g1', {
			requestId: r.id,
			verdict: 'approved'
		});
		expect(!ownerDecides.ok && ownerDecides.error.code).toBe('not_a_reviewer');
		const outOfScope = await review.decide(asRita(), 'plan-a', 'g2', {
			requestId: r.id,
			verdict: 'approved'
		});
		expect(!outOfScope.ok && outOfScope.error.code).toBe('out_of_scope');
		const noComment = await review.decide(asRita(), 'plan-a', 'g1', {
			requestId: r.id,
			verdict: 'changes_requested'
		});
		expect(!noComment.ok && noComment.error.code).toBe('comment_required');

		const changes = await review.decide(asRita(), 'plan-a', 'g1', {
			requestId: r.id,
			verdict: 'changes_requested',
			comment: 'Der Indikator fehlt.'
		});
		expect(changes.ok).toBe(true);
		const threadId = changes.ok ? changes.value.threadId : null;
		expect(threadId).toBeTruthy();
		let state = await review.state('plan-a');
		expect(state.ok && state.value.threads.find((t) => t.id === threadId)?.itemId).toBe('g1');
		expect((await inbox(owner)).notifications[0]).toMatchObject({ kind: 'review_verdict' });
		// The comment opens the discussion with lead words in the reviewer's language (German default).
		const opened = state.ok ? state.value.threads.find((t) => t.id === threadId) : undefined;
		expect(opened?.comments[0].body).toBe('Änderungen erbeten: Der Indikator fehlt.');

		clock += 60_000;
		await review.decide(asRita(), 'plan-a', 'g1', { requestId: r.id, verdict: 'approved' });
		state = await review.state('plan-a');
		expect(state.ok && state.value.decisions).toHaveLength(1);
		expect(state.ok && state.value.decisions[0]).toMatchObject({
			verdict: 'approved',
			threadId: null
		});

		// "What needs my review": the measure is still open for Rita.
		const queue = await review.queue(rita);
		expect(queue.ok && queue.value).toEqual([
			expect.objectContaining({
				kind: 'review',
				id: r.id,
				itemIds: ['m1'],
				planTitle: 'Integrationskonzept'
			})
		]);

		const english = await review.decide(
			asRita(),
			'plan-a',
			'm1',
			{ requestId: r.id, verdict: 'changes_requested', comment: 'Add a source.' },
			'en'
		);
		const enThread = english.ok ? english.value.threadId : null;
		const withEnglish = await review.state('plan-a');
		expect(
			withEnglish.ok && withEnglish.value.threads.find((t) => t.id === enThread)?.comments[0].body
		).toBe('Changes requested: Add a source.');

		plans.get('plan-a')!.items.delete('m1');
		const deleted = await review.decide(asRita(), 'plan-a', 'm1', {
			requestId: r.id,
			verdict: 'approved'
		});
		expect(!deleted.ok && deleted.error).toMatchObject({ status: 404, code: 'item_not_found' });

		await review.setRequestClosed(asOwner(), 'plan-a', r.id, { closed: true });
		const closed = await review.decide(asRita(), 'plan-a', 'g1', {
			requestId: r.id,
			verdict: 'approved'
		});
		expect(!closed.ok && closed.error).toMatchObject({ status: 409, code: 'request_closed' });
		const afterClose = await review.queue(rita);
		expect(afterClose.ok && afterClose.value).toEqual([]);
	});
});

describe('due dates in German time', () => {
	it('a request due on 1 March is overdue at 00:30 on 2 March in Berlin (23:30 UTC)', async () => {
		const r = await review.createRequest(asOwner(), 'plan-a', {
			scope: { kind: 'plan' },
			reviewerIds: [rita.id],
			dueDate: '2026-03-01'
		});
		expect(r.ok).toBe(true);
		clock = Date.parse('2026-03-01T23:30:00Z'); // still 1 March in UTC
		const queue = await review.queue(rita);
		expect(queue.ok && queue.value[0]).toMatchObject({ dueDate: '2026-03-01', overdue: true });
		clock = Date.parse('2026-03-01T22:30:00Z'); // 23:30 in Berlin: due today, not overdue
		const before = await review.queue(rita);
		expect(before.ok && before.value[0]).toMatchObject({ overdue: false });
	});
});

describe('administrative check', () => {
	it('assign, replace, verdict by the department only, deleted measure → 404', async () => {
		const notMeasure = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['g1'],
			departmentUserId: rita.id,
			dueDate: '2026-03-20'
		});
		expect(!notMeasure.ok && notMeasure.error.code).toBe('not_a_measure');
		const viewerDept = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			departmentUserId: viktor.id,
			dueDate: '2026-03-20'
		});
		expect(!viewerDept.ok && viewerDept.error.code).toBe('invalid_department');

		const first = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			departmentUserId: rita.id,
			dueDate: '2026-03-20',
			note: 'Haushalt prüfen'
		});
		const second = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			departmentUserId: ed.id,
			dueDate: '2026-03-21'
		});
		expect(first.ok && second.ok).toBe(true);
		const checkId = second.ok ? second.value[0].id : '';
		let state = await review.state('plan-a');
		expect(state.ok && state.value.checks.map((c) => c.id)).toEqual([checkId]);
		expect(events.some((e) => e.event === 'review:check-removed')).toBe(true);
		expect((await inbox(ed)).notifications[0]).toMatchObject({ kind: 'check_assigned' });

		const verdict = {
			outcome: 'conditional',
			reasons: 'Sinnvoll, aber teuer',
			conditions: 'Haushaltsvorbehalt',
			responsibleOffice: 'Amt für Soziales'
		};
		const wrong = await review.recordCheckVerdict(asRita(), 'plan-a', checkId, verdict);
		expect(!wrong.ok && wrong.error).toMatchObject({ status: 403, code: 'not_department' });
		const ok = await review.recordCheckVerdict(asEd(), 'plan-a', checkId, verdict);
		expect(ok.ok && ok.value.verdict).toMatchObject({ outcome: 'conditional', by: { id: ed.id } });
		expect((await inbox(owner)).notifications[0].text).toBe(
			'Ed hat „Sprachkurse“ geprüft: Umsetzbar unter Bedingungen.'
		);
		expect(await review.checksByMeasure('plan-a')).toHaveProperty(
			'm1.verdict.outcome',
			'conditional'
		);

		plans.get('plan-a')!.items.delete('m1');
		const gone = await review.recordCheckVerdict(asEd(), 'plan-a', checkId, verdict);
		expect(!gone.ok && gone.error).toMatchObject({ status: 404, code: 'item_not_found' });

		await review.forgetPlan('plan-a');
		state = await review.state('plan-a');
		expect(state.ok && state.value).toEqual({
			threads: [],
			requests: [],
			decisions: [],
			checks: []
		});
	});
});

describe('inbox', () => {
	it('guests have none; marking read answers the unread count and pushes it', async () => {
		const guest: Principal = {
			kind: 'guest',
			id: 'guest-1',
			name: 'Gast',
			planId: 'plan-a',
			role: 'reviewer',
			inviteId: 'i',
			expiresAt: clock + 1e6
		};
		const g = await review.inbox(guest);
		expect(!g.ok && g.error).toMatchObject({ status: 403, code: 'accounts_only' });
		await review.createThread(asRita(), 'plan-a', {
			itemId: null,
			body: 'a',
			mentions: [owner.id]
		});
		await review.createThread(asRita(), 'plan-a', {
			itemId: null,
			body: 'b',
			mentions: [owner.id]
		});
		const box = await inbox(owner);
		expect(box.unread).toBe(2);
		expect(await review.markRead(owner, { ids: [box.notifications[0].id] })).toEqual({
			ok: true,
			value: { unread: 1 }
		});
		expect(events.at(-1)).toEqual({
			to: `user:${owner.id}`,
			event: 'notifications:unread',
			args: [1]
		});
		const bad = await review.markRead(owner, { ids: 'alle' });
		expect(!bad.ok && bad.error.code).toBe('invalid_input');
	});

	it('answers 404 for inherited property names used as ids, without emitting anything', async () => {
		const assigned = await review.assignChecks(asOwner(), 'plan-a', {
			measureIds: ['m1'],
			departmentUserId: ed.id,
			dueDate: '2026-03-20'
		});
		expect(assigned.ok).toBe(true);
		const thread = await review.createThread(asRita(), 'plan-a', { itemId: null, body: 'x' });
		const threadId = thread.ok ? thread.value.id : '';
		const verdict = {
			outcome: 'approved',
			reasons: 'gut',
			conditions: '',
			responsibleOffice: 'Amt'
		};
		events.length = 0;
		for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'a/b', '']) {
			const removed = await review.removeCheck(asOwner(), 'plan-a', id);
			expect(!removed.ok && removed.error).toMatchObject({ status: 404, code: 'check_not_found' });
			const decided = await review.recordCheckVerdict(asEd(), 'plan-a', id, verdict);
			expect(!decided.ok && decided.error).toMatchObject({ status: 404, code: 'check_not_found' });
			const reply = await review.reply(asRita(), 'plan-a', id, { body: 'y' });
			expect(!reply.ok && reply.error).toMatchObject({ status: 404, code: 'thread_not_found' });
			const edit = await review.editComment(asRita(), 'plan-a', threadId, id, { body: 'y' });
			expect(!edit.ok && edit.error).toMatchObject({ status: 404, code: 'comment_not_found' });
			const del = await review.deleteComment(asRita(), 'plan-a', threadId, id);
			expect(!del.ok && del.error).toMatchObject({ status: 404, code: 'comment_not_found' });
			const closed = await review.setRequestClosed(asOwner(), 'plan-a', id, { closed: true });
			expect(!closed.ok && closed.error).toMatchObject({ status: 404, code: 'request_not_found' });
			const decide = await review.decide(asRita(), 'plan-a', 'g1', {
				requestId: id,
				verdict: 'approved'
			});
			expect(!decide.ok && decide.error).toMatchObject({ status: 404, code: 'request_not_found' });
		}
		expect(events).toEqual([]);
		const state = await review.state('plan-a');
		expect(state.ok && state.value.checks).toHaveLength(1);
	});
});

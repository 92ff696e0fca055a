import { describe, expect, it } from 'vitest';
import {
	mentionSegments,
	applyDecision,
	applyThread,
	checkFor,
	commentCountLabel,
	emptyReviewState,
	isOverdue,
	matchMembers,
	mentionQuery,
	mentionedIds,
	myOpenRequestsFor,
	openCommentCounts,
	requestProgress,
	reviewSummary,
	reviewSummaryLabel,
	threadsFor
} from './derive';
import type { AdminCheck, Comment, ReviewDecision, ReviewRequest, Thread } from './types';

const actor = (id: string) => ({ id, name: `Person ${id}`, kind: 'user' as const });

function comment(id: string, deleted = false): Comment {
	return {
		id,
		author: actor('a'),
		body: deleted ? '' : `Text ${id}`,
		mentions: [],
		createdAt: '2026-11-01T10:00:00.000Z',
		editedAt: null,
		deleted
	};
}

function thread(
	id: string,
	itemId: string | null,
	comments: Comment[],
	extra: Partial<Thread> = {}
): Thread {
	return {
		id,
		planId: 'p',
		itemId,
		comments,
		resolved: false,
		resolvedBy: null,
		resolvedAt: null,
		createdAt: '2026-11-01T10:00:00.000Z',
		updatedAt: '2026-11-01T10:00:00.000Z',
		...extra
	};
}

function request(
	id: string,
	reviewerIds: string[],
	extra: Partial<ReviewRequest> = {}
): ReviewRequest {
	return {
		id,
		planId: 'p',
		scope: { kind: 'field', fieldId: 'f1' },
		reviewerIds,
		dueDate: '2026-12-01',
		message: '',
		createdBy: actor('owner'),
		createdAt: '2026-11-01T10:00:00.000Z',
		closed: false,
		...extra
	};
}

function decision(
	requestId: string,
	itemId: string,
	reviewer: string,
	verdict: ReviewDecision['verdict'],
	at = '2026-11-02T10:00:00.000Z'
): ReviewDecision {
	return {
		requestId,
		planId: 'p',
		itemId,
		reviewer: actor(reviewer),
		verdict,
		comment: verdict === 'changes_requested' ? 'Bitte ändern' : '',
		threadId: null,
		at
	};
}

// m1, g1 are in field f1; m2 in field f2
const FIELD: Record<string, string> = { m1: 'f1', g1: 'f1', m2: 'f2', f1: 'f1', f2: 'f2' };
const fieldOf = (id: string) => FIELD[id] ?? null;

describe('openCommentCounts', () => {
	it('counts visible comments of open threads per item, the plan under ""', () => {
		const counts = openCommentCounts([
			thread('t1', 'm1', [comment('c1'), comment('c2'), comment('c3', true)]),
			thread('t2', 'm1', [comment('c4')]),
			thread('t3', 'm1', [comment('c5')], { resolved: true }),
			thread('t4', null, [comment('c6')])
		]);
		expect(counts.get('m1')).toBe(3);
		expect(counts.get('')).toBe(1);
		expect(counts.has('m2')).toBe(false);
	});

	it('labels singular and plural', () => {
		expect(commentCountLabel(1)).toBe('1 offener Kommentar');
		expect(commentCountLabel(3)).toBe('3 offene Kommentare');
	});
});

describe('threadsFor', () => {
	it('lists open threads first, newest first', () => {
		const list = threadsFor(
			[
				thread('old', 'm1', [comment('a')], { updatedAt: '2026-11-01T00:00:00.000Z' }),
				thread('done', 'm1', [comment('b')], {
					resolved: true,
					updatedAt: '2026-11-09T00:00:00.000Z'
				}),
				thread('new', 'm1', [comment('c')], { updatedAt: '2026-11-05T00:00:00.000Z' }),
				thread('other', 'm2', [comment('d')])
			],
			'm1'
		);
		expect(list.map((t) => t.id)).toEqual(['new', 'old', 'done']);
	});
});

describe('applyThread and applyDecision', () => {
	it('replaces by id, ignores older versions, and is idempotent', () => {
		const v1 = thread('t1', 'm1', [comment('c1')], { updatedAt: '2026-11-01T10:00:00.000Z' });
		const v2 = thread('t1', 'm1', [comment('c1'), comment('c2')], {
			updatedAt: '2026-11-01T11:00:00.000Z'
		});
		let state = applyThread(emptyReviewState(), v1);
		state = applyThread(state, v2);
		state = applyThread(state, v1); // late event
		state = applyThread(state, v2);
		expect(state.threads).toHaveLength(1);
		expect(state.threads[0].comments).toHaveLength(2);
	});

	it('keeps one decision per request, item and reviewer', () => {
		let state = emptyReviewState();
		state = applyDecision(
			state,
			decision('r1', 'm1', 'x', 'changes_requested', '2026-11-02T00:00:00.000Z')
		);
		state = applyDecision(state, decision('r1', 'm1', 'x', 'approved', '2026-11-03T00:00:00.000Z'));
		state = applyDecision(state, decision('r1', 'm1', 'y', 'approved'));
		expect(state.decisions).toHaveLength(2);
		expect(state.decisions.find((d) => d.reviewer.id === 'x')?.verdict).toBe('approved');
	});
});

describe('reviewSummary', () => {
	it('counts approvals of the named reviewers: "2 von 3 freigegeben"', () => {
		const s = reviewSummary(
			{
				requests: [request('r1', ['x', 'y', 'z'])],
				decisions: [
					decision('r1', 'm1', 'x', 'approved'),
					decision('r1', 'm1', 'y', 'approved'),
					decision('r1', 'm2', 'z', 'approved'), // other item
					decision('r9', 'm1', 'z', 'approved') // other request
				]
			},
			'm1',
			fieldOf
		);
		expect(s).toMatchObject({ approved: 2, total: 3, changesRequested: 0, state: 'pending' });
		expect(reviewSummaryLabel(s)).toBe('2 von 3 freigegeben');
	});

	it('a change request wins; all approvals make it approved', () => {
		const requests = [request('r1', ['x', 'y'])];
		const changes = reviewSummary(
			{
				requests,
				decisions: [
					decision('r1', 'm1', 'x', 'approved'),
					decision('r1', 'm1', 'y', 'changes_requested')
				]
			},
			'm1',
			fieldOf
		);
		expect(changes.state).toBe('changes_requested');
		expect(reviewSummaryLabel(changes)).toBe('Änderungen erbeten');
		const approved = reviewSummary(
			{
				requests,
				decisions: [decision('r1', 'm1', 'x', 'approved'), decision('r1', 'm1', 'y', 'approved')]
			},
			'm1',
			fieldOf
		);
		expect(approved.state).toBe('approved');
		expect(reviewSummaryLabel(approved)).toBe('Freigegeben (2 von 2)');
	});

	it('field requests cover only their field; plan requests cover everything', () => {
		const state = { requests: [request('r1', ['x'])], decisions: [] };
		expect(reviewSummary(state, 'm1', fieldOf).state).toBe('pending');
		expect(reviewSummary(state, 'm2', fieldOf).state).toBe('none');
		const plan = { requests: [request('r2', ['x'], { scope: { kind: 'plan' } })], decisions: [] };
		expect(reviewSummary(plan, 'm2', fieldOf).total).toBe(1);
	});

	it('uses the open requests when there are any, else the closed ones', () => {
		const closed = request('old', ['x'], { closed: true });
		const open = request('new', ['y']);
		const decisions = [decision('old', 'm1', 'x', 'approved')];
		expect(reviewSummary({ requests: [closed, open], decisions }, 'm1', fieldOf)).toMatchObject({
			total: 1,
			approved: 0
		});
		expect(reviewSummary({ requests: [closed], decisions }, 'm1', fieldOf).state).toBe('approved');
	});

	it('finds the open requests in which I may decide', () => {
		const requests = [
			request('r1', ['me']),
			request('r2', ['me'], { closed: true }),
			request('r3', ['other']),
			request('r4', ['me'], { scope: { kind: 'field', fieldId: 'f2' } })
		];
		expect(myOpenRequestsFor(requests, 'me', 'm1', fieldOf).map((r) => r.id)).toEqual(['r1']);
	});

	it('lists several open requests for one item newest first', () => {
		const requests = [
			request('old', ['me'], { createdAt: '2026-10-01T10:00:00.000Z' }),
			request('plan', ['me'], { scope: { kind: 'plan' }, createdAt: '2026-11-05T10:00:00.000Z' }),
			request('mid', ['me'], { createdAt: '2026-11-01T10:00:00.000Z' })
		];
		expect(myOpenRequestsFor(requests, 'me', 'm1', fieldOf).map((r) => r.id)).toEqual([
			'plan',
			'mid',
			'old'
		]);
	});

	it('measures the progress of a request', () => {
		const r = request('r1', ['x', 'y']);
		const p = requestProgress(
			r,
			[
				decision('r1', 'm1', 'x', 'approved'),
				decision('r1', 'g1', 'y', 'changes_requested'),
				decision('r1', 'm1', 'intruder', 'approved')
			],
			['m1', 'g1']
		);
		expect(p).toEqual({ done: 2, total: 4, approved: 1, changesRequested: 1 });
	});
});

describe('checkFor and due dates', () => {
	it('takes the latest check of a measure', () => {
		const check = (id: string, measureId: string, assignedAt: string): AdminCheck => ({
			id,
			planId: 'p',
			measureId,
			department: actor('d'),
			dueDate: '2026-12-01',
			note: '',
			assignedBy: actor('owner'),
			assignedAt,
			verdict: null
		});
		const checks = [
			check('c1', 'm1', '2026-11-01T00:00:00.000Z'),
			check('c2', 'm1', '2026-11-05T00:00:00.000Z'),
			check('c3', 'm2', '2026-11-09T00:00:00.000Z')
		];
		expect(checkFor(checks, 'm1')?.id).toBe('c2');
		expect(checkFor(checks, 'm9')).toBeNull();
	});

	it('marks a due date before today as overdue', () => {
		const now = new Date(2026, 10, 21, 12);
		expect(isOverdue('2026-11-20', now)).toBe(true);
		expect(isOverdue('2026-11-21', now)).toBe(false);
	});
});

describe('@mentions', () => {
	const members = [
		{ userId: 'u1', name: 'Aylin Demir' },
		{ userId: 'u2', name: 'Ben Muster' }
	];

	it('finds the query at the caret', () => {
		expect(mentionQuery('Hallo @Ay', 9)).toEqual({ start: 6, query: 'Ay' });
		expect(mentionQuery('@', 1)).toEqual({ start: 0, query: '' });
		expect(mentionQuery('mail@example', 12)).toBeNull();
		expect(mentionQuery('Hallo @Ay und', 13)).toBeNull();
	});

	it('matches members by the start of any name part', () => {
		expect(matchMembers(members, 'dem').map((m) => m.userId)).toEqual(['u1']);
		expect(matchMembers(members, '').map((m) => m.userId)).toEqual(['u1', 'u2']);
	});

	it('resolves @Full Name in the text to ids', () => {
		expect(mentionedIds('Danke @Ben Muster, und @Aylin Demir!', members)).toEqual(['u1', 'u2']);
		expect(mentionedIds('Danke Ben Muster', members)).toEqual([]);
	});
});

describe('mentionSegments', () => {
	it('marks @mentions of members, the longest name first, and nothing else', () => {
		const names = ['Anna', 'Anna Maria Schulz', 'Rita'];
		expect(
			mentionSegments('Danke @Anna Maria Schulz und @Rita! Mail: a@Rita.de @Unbekannt', names)
		).toEqual([
			{ text: 'Danke ', mention: false },
			{ text: '@Anna Maria Schulz', mention: true },
			{ text: ' und ', mention: false },
			{ text: '@Rita', mention: true },
			{ text: '! Mail: a@Rita.de @Unbekannt', mention: false }
		]);
		expect(mentionSegments('ohne', names)).toEqual([{ text: 'ohne', mention: false }]);
	});
});

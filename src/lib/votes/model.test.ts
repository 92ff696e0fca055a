/** Dot voting, pure: ballot checks, tally and ranking with ties, hidden results, suggestions. */
import { describe, expect, it } from 'vitest';
import type { VoteRecord } from '../contract/votes';
import { checkBallot, statusOf, suggestPriorities, tally, viewOf } from './model';

const actor = { id: 'u1', name: 'Mira', kind: 'user' as const };
function vote(over: Partial<VoteRecord> = {}): VoteRecord {
	const targets = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({
		itemId: id,
		type: 'measure' as const,
		title: `Maßnahme ${id}`,
		fieldTitle: 'Wohnen'
	}));
	return {
		id: 'abst-1',
		planId: 'p',
		sessionId: null,
		title: 'T',
		targets,
		dotsPerPerson: 3,
		maxPerItem: 2,
		hideResults: true,
		viewersMayVote: false,
		endsAt: null,
		createdAt: '2027-03-12T18:00:00.000Z',
		createdBy: actor,
		closedAt: null,
		closedBy: null,
		ballots: {},
		handCounts: {},
		handCountLog: [],
		applications: [],
		...over
	};
}
const ballot = (dots: Record<string, number>) => ({
	voter: actor,
	dots,
	revision: 1,
	updatedAt: '2027-03-12T18:01:00.000Z'
});

describe('checkBallot', () => {
	it('takes whole dots within the limits and drops zeros', () => {
		expect(checkBallot(vote(), { a: 2, b: 0, c: 1 })).toEqual({ ok: true, value: { a: 2, c: 1 } });
	});
	it('refuses too many dots, too many on one item, unknown items and odd values', () => {
		expect(checkBallot(vote(), { a: 2, b: 2 })).toMatchObject({ ok: false, code: 'too_many_dots' });
		expect(checkBallot(vote(), { a: 3 })).toMatchObject({ ok: false, code: 'too_many_dots_item' });
		expect(checkBallot(vote(), { z: 1 })).toMatchObject({ ok: false, code: 'unknown_target' });
		expect(checkBallot(vote(), { a: 1.5 })).toMatchObject({ ok: false, code: 'invalid_ballot' });
		expect(checkBallot(vote(), [1])).toMatchObject({ ok: false, code: 'invalid_ballot' });
		expect(checkBallot(vote(), null)).toMatchObject({ ok: false, code: 'invalid_ballot' });
	});
});

describe('tally and view', () => {
	it('adds online and room dots, shares ranks on ties, keeps board order within a tie', () => {
		const rows = tally(
			vote({
				ballots: { x: ballot({ a: 1, b: 2 }), y: ballot({ b: 1, c: 2 }) },
				handCounts: { a: 1, d: 4 }
			})
		);
		expect(rows.map((r) => [r.itemId, r.total, r.rank])).toEqual([
			['d', 4, 1],
			['b', 3, 2],
			['a', 2, 3],
			['c', 2, 3],
			['e', 0, 5],
			['f', 0, 5]
		]);
		expect(rows.find((r) => r.itemId === 'b')).toMatchObject({ online: 3, room: 0, voters: 2 });
	});
	it('hides results while open when set, shows them when closed or by the clock', () => {
		const now = Date.parse('2027-03-12T18:05:00.000Z');
		const v = vote({ ballots: { x: ballot({ a: 1 }) }, endsAt: '2027-03-12T18:10:00.000Z' });
		expect(viewOf(v, now)).toMatchObject({ status: 'open', results: null, voterCount: 1 });
		const later = now + 5 * 60_000;
		expect(statusOf(v, later)).toBe('closed');
		expect(viewOf(v, later).results?.[0]).toMatchObject({ itemId: 'a', total: 1 });
		expect(viewOf(v, later).closedAt).toBe('2027-03-12T18:10:00.000Z');
		expect(viewOf({ ...v, hideResults: false }, now).results).not.toBeNull();
	});
});

describe('suggestPriorities', () => {
	it('top third hoch, middle mittel, rest and undotted niedrig; ties stay together', () => {
		const rows = tally(
			vote({
				ballots: { x: ballot({ a: 2, b: 1 }), y: ballot({ b: 1, c: 2 }), z: ballot({ d: 1 }) }
			})
		);
		expect(suggestPriorities(rows)).toEqual({
			a: 'hoch',
			b: 'hoch',
			c: 'hoch',
			d: 'mittel',
			e: 'niedrig',
			f: 'niedrig'
		});
	});
	it('four measures: one hoch, then mittel (a tie with the last mittel stays mittel)', () => {
		const four = vote();
		four.targets = four.targets.slice(0, 4);
		four.ballots = { x: ballot({ a: 2, b: 1 }), y: ballot({ c: 1 }), z: ballot({ a: 1, d: 2 }) };
		expect(suggestPriorities(tally(four))).toEqual({
			a: 'hoch',
			d: 'mittel',
			b: 'mittel',
			c: 'mittel'
		});
	});
});

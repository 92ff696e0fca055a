import { describe, expect, it } from 'vitest';
import {
	MAX_COMMENT_LENGTH,
	MAX_COMMENTS_PER_THREAD,
	MAX_INBOX_ENTRIES,
	type Actor,
	type AdminCheck,
	type Notification
} from '../../src/lib/review/types';
import {
	ReviewError,
	addReply,
	assignChecks,
	daysUntil,
	deleteComment,
	editComment,
	inboxAdd,
	inboxMarkRead,
	isVisibleThread,
	newComment,
	newThread,
	parseBody,
	parseCheckOffice,
	parseCheckVerdict,
	parseMentions,
	participants,
	recordVerdict,
	setResolved,
	unreadCount,
	upsertDecision
} from './model';

const anna: Actor = { id: 'anna', name: 'Anna', kind: 'user' };
const ben: Actor = { id: 'ben', name: 'Ben', kind: 'user' };
const at = '2026-03-01T10:00:00.000Z';

function code(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (error instanceof ReviewError) return error.code;
		throw error;
	}
	return 'no error';
}

const thread = () => newThread('t1', 'p1', 'm1', newComment('c1', anna, 'Erste Frage', [], at));

describe('comment input', () => {
	it('trims bodies and refuses empty or oversized ones', () => {
		expect(parseBody('  Hallo \r\n Welt ')).toBe('Hallo \n Welt');
		expect(code(() => parseBody('   '))).toBe('comment_empty');
		expect(code(() => parseBody(42))).toBe('comment_empty');
		expect(parseBody('x'.repeat(MAX_COMMENT_LENGTH))).toHaveLength(MAX_COMMENT_LENGTH);
		expect(code(() => parseBody('x'.repeat(MAX_COMMENT_LENGTH + 1)))).toBe('comment_too_long');
	});

	it('accepts mentions of members only and names the others', () => {
		const members = new Map([
			['anna', {}],
			['ben', {}]
		]);
		expect(parseMentions(undefined, members)).toEqual([]);
		expect(parseMentions(['ben', 'ben', 'anna'], members)).toEqual(['ben', 'anna']);
		try {
			parseMentions(['ben', 'fremd'], members);
			expect.unreachable();
		} catch (error) {
			expect((error as ReviewError).code).toBe('invalid_mention');
			expect((error as ReviewError).status).toBe(400);
			expect((error as ReviewError).message).toContain('„fremd“ ist keines');
		}
		expect(code(() => parseMentions('ben', members))).toBe('invalid_mention');
		expect(
			code(() =>
				parseMentions(
					Array.from({ length: 21 }, (_, i) => `u${i}`),
					members
				)
			)
		).toBe('too_many_mentions');
	});
});

describe('thread transitions', () => {
	it('resolves and reopens; a reply reopens a resolved thread', () => {
		const resolved = setResolved(thread(), true, ben, at);
		expect(resolved).toMatchObject({ resolved: true, resolvedBy: ben, resolvedAt: at });
		expect(setResolved(resolved, true, anna, at)).toBe(resolved);
		expect(setResolved(resolved, false, anna, at)).toMatchObject({
			resolved: false,
			resolvedBy: null
		});
		const replied = addReply(resolved, newComment('c2', ben, 'Antwort', [], at));
		expect(replied.resolved).toBe(false);
		expect(replied.comments.map((c) => c.id)).toEqual(['c1', 'c2']);
	});

	it('caps the comments of a thread', () => {
		let t = thread();
		for (let i = 1; i < MAX_COMMENTS_PER_THREAD; i++) {
			t = addReply(t, newComment(`c${i + 1}`, ben, 'x', [], at));
		}
		expect(code(() => addReply(t, newComment('zu-viel', ben, 'x', [], at)))).toBe('thread_full');
	});

	it('only the author edits; deleted comments keep their place and cannot be edited', () => {
		expect(code(() => editComment(thread(), 'c1', ben, 'Neu', [], at))).toBe('not_own_comment');
		expect(code(() => editComment(thread(), 'nope', anna, 'Neu', [], at))).toBe(
			'comment_not_found'
		);
		const edited = editComment(thread(), 'c1', anna, 'Neu', ['ben'], at);
		expect(edited.comments[0]).toMatchObject({ body: 'Neu', mentions: ['ben'], editedAt: at });

		const withReply = addReply(thread(), newComment('c2', ben, 'Antwort', [], at));
		expect(code(() => deleteComment(withReply, 'c1', ben, false, at))).toBe('not_own_comment');
		const deleted = deleteComment(withReply, 'c1', anna, false, at);
		expect(deleted.comments[0]).toMatchObject({ id: 'c1', body: '', deleted: true });
		expect(deleted.comments[1].body).toBe('Antwort');
		expect(isVisibleThread(deleted)).toBe(true);
		expect(participants(deleted)).toEqual(['ben']);
		expect(code(() => editComment(deleted, 'c1', anna, 'wieder da', [], at))).toBe(
			'comment_deleted'
		);
		// The owner moderates: may delete anyone's comment.
		const moderated = deleteComment(deleted, 'c2', anna, true, at);
		expect(isVisibleThread(moderated)).toBe(false);
	});
});

describe('review decisions and admin checks', () => {
	it("a reviewer's new decision replaces their earlier one; others stay", () => {
		const base = { requestId: 'r', planId: 'p', comment: '', threadId: null, at };
		let list = upsertDecision([], { ...base, itemId: 'g1', reviewer: anna, verdict: 'approved' });
		list = upsertDecision(list, { ...base, itemId: 'g1', reviewer: ben, verdict: 'approved' });
		list = upsertDecision(list, {
			...base,
			itemId: 'g1',
			reviewer: anna,
			verdict: 'changes_requested',
			comment: 'Indikator fehlt'
		});
		expect(list).toHaveLength(2);
		expect(list.find((d) => d.reviewer.id === 'anna')?.verdict).toBe('changes_requested');
	});

	const check = (id: string, measureId: string): AdminCheck => ({
		id,
		planId: 'p',
		measureId,
		department: ben,
		dueDate: '2026-04-01',
		note: '',
		assignedBy: anna,
		assignedAt: at,
		verdict: null
	});

	it('re-assigning a measure replaces its check', () => {
		const first = assignChecks({}, [check('k1', 'm1'), check('k2', 'm2')]);
		const second = assignChecks(first.checks, [check('k3', 'm1')]);
		expect(second.replaced).toEqual(['k1']);
		expect(Object.keys(second.checks).sort()).toEqual(['k2', 'k3']);
	});

	it('office as Prüfende Stelle: trimmed, ≤ 120; an office alone is answered by an owner', () => {
		expect(parseCheckOffice('  Sozialamt ')).toBe('Sozialamt');
		expect(parseCheckOffice(undefined)).toBe('');
		expect(parseCheckOffice('x'.repeat(120))).toHaveLength(120);
		expect(code(() => parseCheckOffice('x'.repeat(121)))).toBe('check_office_too_long');
		expect(code(() => parseCheckOffice(['Sozialamt']))).toBe('invalid_input');
		const verdict = parseCheckVerdict(
			{ outcome: 'feasible', reasons: 'Passt', responsibleOffice: 'Sozialamt' },
			anna,
			at
		);
		const officeOnly: AdminCheck = { ...check('k', 'm'), office: 'Sozialamt', department: null };
		expect(code(() => recordVerdict(officeOnly, anna, verdict))).toBe('not_department');
		expect(recordVerdict(officeOnly, anna, verdict, true).verdict).toEqual(verdict);
		// With a named member only that member answers, even against an owner.
		expect(code(() => recordVerdict(check('k', 'm'), anna, verdict, true))).toBe('not_department');
	});

	it('verdicts: department only, conditions required for "conditional"', () => {
		const input = {
			outcome: 'conditional',
			reasons: 'Passt in den Haushalt 2027',
			conditions: 'Haushaltsvorbehalt',
			responsibleOffice: 'Amt für Soziales'
		};
		const verdict = parseCheckVerdict(input, ben, at);
		expect(verdict).toMatchObject({ outcome: 'conditional', by: ben, at });
		expect(recordVerdict(check('k', 'm'), ben, verdict).verdict).toEqual(verdict);
		expect(code(() => recordVerdict(check('k', 'm'), anna, verdict))).toBe('not_department');
		expect(code(() => parseCheckVerdict({ ...input, conditions: ' ' }, ben, at))).toBe(
			'conditions_required'
		);
		expect(code(() => parseCheckVerdict({ ...input, outcome: 'maybe' }, ben, at))).toBe(
			'invalid_outcome'
		);
		expect(code(() => parseCheckVerdict({ ...input, reasons: '' }, ben, at))).toBe(
			'reasons_required'
		);
		expect(code(() => parseCheckVerdict({ ...input, responsibleOffice: '' }, ben, at))).toBe(
			'office_required'
		);
		expect(
			parseCheckVerdict({ ...input, outcome: 'feasible', conditions: '' }, ben, at)
		).toMatchObject({ outcome: 'feasible', conditions: '' });
	});
});

describe('inbox', () => {
	const note = (id: string): Notification => ({
		id,
		kind: 'mention',
		planId: 'p',
		planTitle: 'Plan',
		itemId: null,
		threadId: null,
		actor: anna,
		text: 'Anna hat Sie erwähnt.',
		createdAt: at,
		read: false
	});

	it('keeps the newest MAX_INBOX_ENTRIES, counts unread, marks read by id or all', () => {
		let list: Notification[] = [];
		for (let i = 0; i < MAX_INBOX_ENTRIES + 5; i++) list = inboxAdd(list, note(`n${i}`));
		expect(list).toHaveLength(MAX_INBOX_ENTRIES);
		expect(list[0].id).toBe(`n${MAX_INBOX_ENTRIES + 4}`);
		expect(inboxAdd(list, note(list[3].id))).toBe(list);
		expect(unreadCount(list)).toBe(MAX_INBOX_ENTRIES);
		list = inboxMarkRead(list, [list[0].id, 'unbekannt']);
		expect(unreadCount(list)).toBe(MAX_INBOX_ENTRIES - 1);
		expect(unreadCount(inboxMarkRead(list, 'all'))).toBe(0);
	});

	it('counts days until a due date', () => {
		expect(daysUntil('2026-03-03', '2026-03-01')).toBe(2);
		expect(daysUntil('2026-02-28', '2026-03-01')).toBe(-1);
	});
});

/**
 * The Sitzungsprotokoll model: entry validation, the comment window (phase from the time) and the
 * protocol builder's sections (head, attendance, agenda with actual times, votes with written-back
 * priorities, entries with their anchors, plan changes inside the session only, ideas when wired).
 */
import { describe, expect, it } from 'vitest';
import { AT, protocolInput } from './minutes-fixtures';
import {
	MINUTES_LIMITS,
	buildProtocol,
	longDate,
	protocolPhase,
	validateCommentDays,
	validateEntry
} from './minutes-model';

describe('validateEntry', () => {
	it('accepts a decision with an anchor and drops task fields', () => {
		const v = validateEntry({
			kind: 'decision',
			text: '  Beschlossen.  ',
			itemId: 'm1',
			assigneeName: 'X'
		});
		expect(v).toEqual({
			ok: true,
			value: {
				kind: 'decision',
				text: 'Beschlossen.',
				itemId: 'm1',
				assigneeId: null,
				assigneeName: '',
				dueDate: ''
			}
		});
	});

	it('needs someone for a task and a real due date', () => {
		const none = validateEntry({ kind: 'task', text: 'Räume anfragen' });
		expect(none.ok).toBe(false);
		if (!none.ok) expect(none.field).toBe('assigneeName');
		const bad = validateEntry({
			kind: 'task',
			text: 'x',
			assigneeName: 'Ali',
			dueDate: '2027-02-30'
		});
		expect(bad.ok || bad.field).toBe('dueDate');
		const ok = validateEntry({
			kind: 'task',
			text: 'x',
			assigneeName: ' Ali ',
			dueDate: '2027-04-01'
		});
		expect(ok.ok && ok.value).toMatchObject({ assigneeName: 'Ali', dueDate: '2027-04-01' });
	});

	it('refuses unknown kinds, empty or too long text, control characters and bad ids', () => {
		expect(validateEntry({ kind: 'memo', text: 'x' }).ok).toBe(false);
		expect(validateEntry({ kind: 'decision', text: '   ' }).ok).toBe(false);
		const long = validateEntry({ kind: 'decision', text: 'a'.repeat(MINUTES_LIMITS.text + 1) });
		expect(!long.ok && long.message).toContain('höchstens 2.000');
		expect(validateEntry({ kind: 'decision', text: 'a\u0007b' }).ok).toBe(false);
		expect(validateEntry({ kind: 'decision', text: 'Zeile 1\nZeile 2' }).ok).toBe(true);
		expect(validateEntry({ kind: 'decision', text: 'x', itemId: '../etc' }).ok).toBe(false);
	});

	it('merges an edit onto the entry before it', () => {
		const before = validateEntry({ kind: 'task', text: 'Alt', assigneeName: 'Ali' });
		if (!before.ok) throw new Error(before.message);
		const edit = validateEntry({ text: 'Neu' }, before.value);
		expect(edit.ok && edit.value).toMatchObject({ kind: 'task', text: 'Neu', assigneeName: 'Ali' });
	});

	it('comment days are 1–60', () => {
		expect(validateCommentDays(7).ok).toBe(true);
		expect(validateCommentDays(0).ok).toBe(false);
		expect(validateCommentDays(61).ok).toBe(false);
		expect(validateCommentDays(2.5).ok).toBe(false);
	});
});

describe('protocolPhase (comment window from the time)', () => {
	const ended = { status: 'beendet' as const, endedAt: '2027-03-12T17:50:00.000Z' };
	const end = Date.parse(ended.endedAt);
	it('is a draft until the session ends', () => {
		expect(protocolPhase({ status: 'laufend', endedAt: null }, 7, end + 1e10)).toEqual({
			phase: 'entwurf',
			commentsUntil: null
		});
	});
	it('takes comments for the set days after the end, then is final', () => {
		const day = 86_400_000;
		expect(protocolPhase(ended, 7, end + 1).phase).toBe('kommentierung');
		expect(protocolPhase(ended, 7, end + 7 * day - 1).phase).toBe('kommentierung');
		expect(protocolPhase(ended, 7, end + 7 * day)).toEqual({
			phase: 'endgueltig',
			commentsUntil: new Date(end + 7 * day).toISOString()
		});
		expect(protocolPhase(ended, 2, end + 3 * day).phase).toBe('endgueltig');
	});
});

describe('buildProtocol', () => {
	it('words the head, the phase and the comment window in the plan time zone', () => {
		const p = buildProtocol(protocolInput());
		expect(p.title).toBe('AG Bildung');
		expect(p.dateLabel).toBe('Freitag, 12. März 2027');
		expect(longDate('2027-03-11')).toBe('Donnerstag, 11. März 2027');
		expect(p.timeLabel).toBe('18:00–18:50 Uhr');
		expect(p.facilitator).toBe('Mona Moderation');
		expect(p.noteTakers).toEqual(['Emil Editor']);
		expect(p.phase).toBe('kommentierung');
		expect(p.commentsUntilLabel).toBe('bis 19.03.2027 18:50 Uhr');
		const final = buildProtocol(protocolInput({ now: AT(50) + 7 * 86_400_000 }));
		expect(final.phase).toBe('endgueltig');
		expect(final.phaseLabel).toBe('Endgültig');
	});

	it('lists each person online once with all their times, the room and the head count', () => {
		const p = buildProtocol(protocolInput());
		expect(p.attendance.online).toEqual([
			{ name: 'Gül Gast', guest: true, times: '18:05–18:40' },
			{ name: 'Vera Viewer', guest: false, times: '18:01–18:20, 18:22–18:50' }
		]);
		expect(p.attendance.inRoom).toEqual([{ name: 'Paul Papier', organisation: 'Elternbeirat' }]);
		expect(p.attendance.total).toBe(2 + 1 + 3);
	});

	it('shows planned and actual times of the agenda', () => {
		const p = buildProtocol(protocolInput());
		expect(p.agenda).toEqual([
			{ title: 'Begrüßung', planned: '10 Min.', actual: '18:00–18:12 (12 Min.)' },
			{ title: 'Priorisierung', planned: '30 Min.', actual: '18:12–18:50 (38 Min.)' },
			{ title: 'Verschiedenes', planned: '5 Min.', actual: 'nicht behandelt' }
		]);
	});

	it('ranks vote results and names the written-back priorities', () => {
		const [vote] = buildProtocol(protocolInput()).votes;
		expect(vote.results.map((r) => [r.rank, r.title, r.total])).toEqual([
			[1, 'Sprachcafé', 9],
			[2, 'Lernpaten', 3]
		]);
		expect(vote.priorities).toEqual(['Maßnahme „Sprachcafé“: hoch']);
	});

	it('sorts entries into decisions, tasks and questions with their anchors', () => {
		const p = buildProtocol(protocolInput());
		expect(p.decisions).toEqual([
			expect.objectContaining({
				text: 'Das Sprachcafé startet im Mai.',
				item: 'Maßnahme „Sprachcafé“'
			})
		]);
		expect(p.tasks).toEqual([
			expect.objectContaining({
				text: 'Räume anfragen',
				assignee: 'Emil Editor',
				due: '01.04.2027',
				item: ''
			})
		]);
		expect(p.questions[0].item).toBe('(gelöschtes Element)');
	});

	it('takes only plan changes made during the session', () => {
		const p = buildProtocol(protocolInput());
		expect(p.changes).toEqual([
			{
				time: '18:26',
				who: 'Mona Moderation',
				item: 'Maßnahme „Sprachcafé“',
				what: 'geändert: Priorität (aus der Abstimmung „Prioritäten Bildung“)'
			}
		]);
		const notStarted = protocolInput();
		notStarted.meeting = {
			...notStarted.meeting,
			status: 'geplant',
			startedAt: null,
			endedAt: null
		};
		expect(buildProtocol(notStarted).changes).toEqual([]);
	});

	it('leaves the ideas section out unless an idea source is wired', () => {
		expect(buildProtocol(protocolInput()).ideas).toBeNull();
		const ideas = [{ text: 'Nachtcafé', outcome: 'als Maßnahme übernommen' }];
		expect(buildProtocol(protocolInput({ ideas })).ideas).toEqual(ideas);
	});

	it('carries the comments with author and time', () => {
		expect(buildProtocol(protocolInput()).comments).toEqual([
			{ who: 'Vera Viewer', at: '12.03.2027 19:00 Uhr', text: 'Bitte Ort ergänzen.' }
		]);
	});
});

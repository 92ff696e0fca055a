/**
 * The Sitzungsprotokoll model in English (issue 15): every generated word (dates, times, phases,
 * agenda states, vote states, item references, priorities, plan changes, idea outcomes) comes in
 * the requested language; typed content stays as typed. The German-word check strips the typed
 * content from the model and fails on any German word or typography left.
 */
import { describe, expect, it } from 'vitest';
import type { ProtocolModel } from '../contract/minutes';
import { AT, protocolInput } from './minutes-fixtures';
import { buildProtocol, itemWording, longDate, type ProtocolInput } from './minutes-model';
import { protocolWords } from './protocol-words';

const DAY = 86_400_000;

/** An input with every state: an open and a closed vote, a step run twice, one not covered,
 * a deleted item, a plan-level change and one to an item deleted since. */
function richInput(over: Partial<ProtocolInput> = {}): ProtocolInput {
	const input = protocolInput(over);
	const [closed] = input.votes;
	input.votes = [
		closed,
		{
			...closed,
			id: 'v2',
			title: 'Zweite Runde',
			status: 'open',
			results: null,
			createdAt: new Date(AT(30)).toISOString(),
			applications: [
				{
					at: new Date(AT(31)).toISOString(),
					by: closed.createdBy,
					priorities: { m2: 'mittel', gone: '', m1: 'niedrig' },
					skipped: []
				}
			]
		}
	];
	input.history = [
		...input.history,
		{
			id: 'h-plan',
			at: new Date(AT(27)).toISOString(),
			since: new Date(AT(27)).toISOString(),
			actor: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
			itemId: '_plan',
			itemType: null,
			action: 'changed',
			fields: [],
			note: undefined
		},
		{
			id: 'h-gone',
			at: new Date(AT(28)).toISOString(),
			since: new Date(AT(28)).toISOString(),
			actor: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
			itemId: 'g9',
			itemType: 'goal',
			action: 'deleted',
			fields: [],
			note: undefined
		},
		{
			id: 'h-new',
			at: new Date(AT(29)).toISOString(),
			since: new Date(AT(29)).toISOString(),
			actor: { id: 'u-mod', name: 'Mona Moderation', kind: 'user' },
			itemId: 'm2',
			itemType: 'measure',
			action: 'created',
			fields: [],
			note: undefined
		}
	];
	input.live = {
		...input.live,
		steps: [
			...input.live.steps,
			{ stepId: 's1', title: 'Begrüßung', startedAt: AT(45), endedAt: null }
		]
	};
	return input;
}

/** The typed content of the input (titles, names, texts, notes): it stays as typed. */
function typed(input: ProtocolInput): string[] {
	const m = input.meeting;
	return [
		m.title,
		m.room,
		m.facilitatorName ?? '',
		input.planTitle,
		input.municipality,
		...input.noteTakerNames,
		...m.agenda.map((s) => s.title),
		...input.record.entries.flatMap((e) => [e.text, e.assigneeName]),
		...input.record.comments.flatMap((c) => [c.text, c.by.name]),
		...input.votes.flatMap((v) => [v.title, ...v.targets.map((t) => t.title)]),
		...[...input.items.values()].map((i) => i.title),
		...input.history.flatMap((h) => [h.note ?? '', h.actor.name]),
		...input.attendance.online.map((o) => o.name),
		...input.attendance.inRoom.flatMap((r) => [r.name, r.organisation]),
		...(input.ideas ?? []).flatMap((i) => [i.text, i.outcome])
	]
		.filter(Boolean)
		.sort((a, b) => b.length - a.length);
}

const GERMAN =
	/[äöüÄÖÜß„‚]|\b(Uhr|Min|nicht|behandelt|jetzt|läuft|beendet|geplant|gelöscht|gelöschtes|Element|Maßnahme|Ziel|Priorität|hoch|mittel|niedrig|keine|bis|Kommentierung|Endgültig|Entwurf|Sitzung|Prozesssteuerung|ehemaliges|Mitglied|geändert|angelegt|verschoben|wiederhergestellt|Ohne|Titel|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember|übernommen|Gruppe)\b/g;

/** German words left in the model once the typed content is taken out. */
function germanLeft(p: ProtocolModel, input: ProtocolInput): string[] {
	let json = JSON.stringify(p);
	for (const s of typed(input)) json = json.split(JSON.stringify(s).slice(1, -1)).join('');
	return json.match(GERMAN) ?? [];
}

describe('buildProtocol in English', () => {
	it('leaves no German word in a protocol with every phase, vote and agenda state', () => {
		const planned = richInput();
		planned.meeting = { ...planned.meeting, status: 'geplant', startedAt: null, endedAt: null };
		const running = richInput();
		running.meeting = { ...running.meeting, status: 'laufend', endedAt: null };
		running.meeting.facilitatorName = null;
		const inputs = [
			planned,
			running,
			richInput(), // comment window
			richInput({ now: AT(50) + 8 * DAY }) // final
		];
		for (const input of inputs) {
			const en = buildProtocol(input, 'en');
			expect(en.locale).toBe('en');
			expect(germanLeft(en, input), JSON.stringify(en)).toEqual([]);
			// the check has teeth: the same protocol in German is caught
			expect(germanLeft(buildProtocol(input, 'de'), input).length).toBeGreaterThan(0);
		}
		expect(inputs.map((i) => buildProtocol(i, 'en').phaseLabel)).toEqual([
			'Draft (meeting running or planned)',
			'Draft (meeting running or planned)',
			'Open for comments',
			'Final'
		]);
	});

	it('words head, agenda, votes, entries and changes in English', () => {
		const input = richInput();
		const p = buildProtocol(input, 'en');
		expect(p.dateLabel).toMatch(/^Friday,? 12 March 2027$/);
		expect(longDate('2027-03-11', 'en')).toMatch(/^Thursday,? 11 March 2027$/);
		expect(p.timeLabel).toBe('18:00–18:50');
		expect(p.commentsUntilLabel).toBe('until 19/03/2027 18:50');
		expect(p.agenda).toEqual([
			{ title: 'Begrüßung', planned: '10 min', actual: '18:00–18:12, 18:45–18:50 (17 min)' },
			{ title: 'Priorisierung', planned: '30 min', actual: '18:12–18:50 (38 min)' },
			{ title: 'Verschiedenes', planned: '5 min', actual: 'not covered' }
		]);
		expect(p.votes.map((v) => v.status)).toEqual(['closed', 'still open']);
		expect(p.votes[0].priorities).toEqual(['Measure “Sprachcafé”: high']);
		expect(p.votes[1].priorities).toEqual([
			'Measure “Lernpaten”: medium',
			'“gone”: no priority',
			'Measure “Sprachcafé”: low'
		]);
		expect(p.decisions[0].item).toBe('Measure “Sprachcafé”');
		expect(p.tasks[0].due).toBe('01/04/2027');
		expect(p.questions[0].item).toBe('(deleted item)');
		expect(p.changes.map((c) => [c.item, c.what])).toEqual([
			['Measure “Sprachcafé”', 'changed: Priority (aus der Abstimmung „Prioritäten Bildung“)'],
			['Plan', 'changed'],
			['Goal (deleted)', 'deleted'],
			['Measure “Lernpaten”', 'created']
		]);
		expect(p.comments[0]).toEqual({
			who: 'Vera Viewer',
			at: '12/03/2027 19:00',
			text: 'Bitte Ort ergänzen.'
		});
	});

	it('says "running" and "now" while the session runs, "planned" before it starts', () => {
		const running = richInput();
		running.meeting = { ...running.meeting, status: 'laufend', endedAt: null };
		const p = buildProtocol(running, 'en');
		expect(p.timeLabel).toBe('18:00–running');
		expect(p.agenda[0].actual).toBe('18:00–18:12, 18:45–now (12 min)');
		const planned = richInput();
		planned.meeting = { ...planned.meeting, status: 'geplant', startedAt: null, endedAt: null };
		expect(buildProtocol(planned, 'en').timeLabel).toBe('18:00 (planned)');
		expect(buildProtocol(planned, 'de').timeLabel).toBe('18:00 Uhr (geplant)');
	});

	it('words item references, idea outcomes and names it gives in English', () => {
		const items = new Map([['g1', { type: 'goal' as const, title: ' ' }]]);
		expect(itemWording(items, 'g1', 'en')).toBe('Goal “Untitled”');
		expect(itemWording(items, 'g1')).toBe('Ziel „Ohne Titel“');
		const w = protocolWords('en');
		expect(w.ideaOutcome({ itemType: 'goal', itemTitle: 'Nachtcafé', via: 'cluster' })).toBe(
			'taken over as goal “Nachtcafé” (with the group)'
		);
		expect(w.ideaOutcome(null)).toBe('not taken over');
		expect(w.formerMember()).toBe('former member');
		expect(w.facilitator()).toBe('Process management');
		expect(
			protocolWords('de').ideaOutcome({ itemType: 'measure', itemTitle: 'X', via: 'idea' })
		).toBe('als Maßnahme „X“ übernommen');
	});

	it("words notes stored as kind + params and system actors in the protocol's language", () => {
		const input = richInput();
		input.history = [
			...input.history,
			{
				id: 'h-sys',
				at: new Date(AT(30)).toISOString(),
				since: new Date(AT(30)).toISOString(),
				actor: { id: 'system', name: 'Mitplan (automatisch)', kind: 'system' },
				itemId: 'm1',
				itemType: 'measure',
				action: 'changed',
				fields: ['priority'],
				note: 'aus der Abstimmung „Prio“ (Priorität bestätigt)',
				noteParams: { kind: 'vote', vote: 'Prio', confirmed: true }
			}
		];
		const en = JSON.stringify(buildProtocol(input, 'en'));
		expect(en).toContain('from the vote “Prio” (priority confirmed)');
		expect(en).toContain('Mitplan (automatic)');
		expect(en).not.toContain('Priorität bestätigt');
		const de = JSON.stringify(buildProtocol(input, 'de'));
		expect(de).toContain('aus der Abstimmung „Prio“ (Priorität bestätigt)');
		expect(de).toContain('Mitplan (automatisch)');
	});
});

/**
 * History words per reader: notes stored as kind + params in German (the sentence stored before)
 * and English, old free-text notes as stored, system actors (old and new entries) localized.
 */
import { describe, expect, it } from 'vitest';
import { actorLabel, historyNoteText, noteText, sideName, versionName } from './history-text';

describe('history notes', () => {
	it('words a structured note per reader, German as stored before', () => {
		const idea = { kind: 'idea_session', session: 'AG Bildung', date: '2027-03-12' } as const;
		expect(noteText(idea, 'de')).toBe('aus der Sitzung „AG Bildung“ vom 12.03.2027');
		expect(noteText(idea, 'en')).toBe('from the session “AG Bildung” on 12/03/2027');
		const vote = { kind: 'vote', vote: 'Was packen wir an?', confirmed: false } as const;
		expect(noteText(vote, 'de')).toBe('aus der Abstimmung „Was packen wir an?“');
		expect(noteText(vote, 'en')).toBe('from the vote “Was packen wir an?”');
		const same = { ...vote, confirmed: true };
		expect(noteText(same, 'de')).toBe(
			'aus der Abstimmung „Was packen wir an?“ (Priorität bestätigt)'
		);
		expect(noteText(same, 'en')).toBe('from the vote “Was packen wir an?” (priority confirmed)');
	});

	it('prefers the params; old entries keep their stored sentence', () => {
		const stored = {
			note: 'aus der Abstimmung „X“',
			noteParams: { kind: 'vote', vote: 'X', confirmed: false } as const
		};
		expect(historyNoteText(stored, 'en')).toBe('from the vote “X”');
		expect(historyNoteText({ note: 'aus der Abstimmung „X“' }, 'en')).toBe(
			'aus der Abstimmung „X“'
		);
		expect(historyNoteText({}, 'en')).toBe('');
	});
});

describe('actorLabel', () => {
	it('localizes system actors, also those stored with their German name', () => {
		expect(actorLabel({ name: 'Mitplan (automatisch)', kind: 'system' }, 'en')).toBe(
			'Mitplan (automatic)'
		);
		expect(actorLabel({ name: 'Mitplan (automatisch)', kind: 'system' }, 'de')).toBe(
			'Mitplan (automatisch)'
		);
		expect(actorLabel({ name: 'System', kind: 'system' }, 'en')).toBe('System');
		expect(actorLabel({ name: 'System', kind: 'system' }, 'de')).toBe('System');
		expect(actorLabel({ name: '', kind: 'system' }, 'en')).toBe('System');
		// a person's name stays, even one that reads like a system word
		expect(actorLabel({ name: 'Mitplan (automatisch)', kind: 'user' }, 'en')).toBe(
			'Mitplan (automatisch)'
		);
	});

	it('words a person without a name per reader (stored empty, or „Unbekannt“ before)', () => {
		expect(actorLabel({ name: '', kind: 'user' }, 'en')).toBe('Unknown');
		expect(actorLabel({ name: '', kind: 'user' }, 'de')).toBe('Unbekannt');
		expect(actorLabel({ name: 'Unbekannt', kind: 'user' }, 'en')).toBe('Unknown');
		expect(actorLabel({ name: '', kind: 'guest' }, 'en')).toBe('Guest');
		expect(actorLabel({ name: '', kind: 'guest' }, 'de')).toBe('Gast');
		expect(actorLabel({ name: 'Dora Weber', kind: 'guest' }, 'en')).toBe('Dora Weber');
	});
});

describe('versionName', () => {
	it('words automatic versions per reader; typed names and German stay', () => {
		const auto = { kind: 'auto', name: 'Automatisch gesichert, 05.12.26, 14:30' };
		expect(versionName(auto, 'en', '05/12/2026, 14:30')).toBe(
			'Saved automatically, 05/12/2026, 14:30'
		);
		expect(versionName(auto, 'de', '05.12.2026, 14:30')).toBe(auto.name);
		const typed = { kind: 'named', name: 'Automatisch gesichert, von Hand' };
		expect(versionName(typed, 'en', 'x')).toBe(typed.name);
	});
});

describe('sideName', () => {
	it("takes a compared version's name from the reader's version list, else the stored one", () => {
		const side = { id: 'v1', name: 'Automatisch gesichert, 05.12.26, 14:30' };
		const shown = [{ id: 'v1', name: 'Saved automatically, 05/12/2026, 14:30' }];
		expect(sideName(side, shown)).toBe('Saved automatically, 05/12/2026, 14:30');
		expect(sideName({ id: 'v2', name: 'Beschluss' }, shown)).toBe('Beschluss');
	});
});

/**
 * The inbox sentence per reader language: built from kind + params in German and English, and
 * old notices (only a stored German sentence) keep showing that sentence.
 */
import { describe, expect, it } from 'vitest';
import { noticeText, withNoticeText } from './notice-text';
import type { Notification } from './types';

const base = {
	planTitle: 'Leitbild 2030',
	actor: { name: 'Aylin Demir' } as { name: string } | null,
	text: undefined
};
type N = Parameters<typeof noticeText>[0];
const n = (kind: Notification['kind'], params: Notification['params'], extra?: Partial<N>): N => ({
	...base,
	kind,
	params,
	...extra
});

describe('noticeText', () => {
	it('builds each kind in German (the former wording) and in English', () => {
		const cases: [N, string, string][] = [
			[
				n('mention', { item: 'Sprachkurse' }),
				'Aylin Demir hat Sie in „Sprachkurse“ erwähnt.',
				'Aylin Demir mentioned you in “Sprachkurse”.'
			],
			[
				n('reply', { item: '' }),
				'Aylin Demir hat in der Diskussion zu „Eintrag ohne Titel“ geantwortet.',
				'Aylin Demir replied in the discussion on “Untitled entry”.'
			],
			[
				n('review_requested', { due: '2027-03-01' }),
				'Aylin Demir bittet Sie bis 01.03.2027 um Ihre Prüfung von „Leitbild 2030“.',
				'Aylin Demir asks you to review “Leitbild 2030” by 01/03/2027.'
			],
			[
				n('review_verdict', { item: 'Bildung', verdict: 'approved' }),
				'Aylin Demir hat „Bildung“ freigegeben.',
				'Aylin Demir approved “Bildung”.'
			],
			[
				n('review_verdict', { item: 'Bildung', verdict: 'changes_requested' }),
				'Aylin Demir erbittet Änderungen an „Bildung“.',
				'Aylin Demir requests changes to “Bildung”.'
			],
			[
				n('check_assigned', { count: 3, due: '2027-01-31', office: 'Sozialamt' }),
				'Aylin Demir bittet Sie (Sozialamt) bis 31.01.2027 um die Verwaltungsprüfung von 3 Maßnahmen.',
				'Aylin Demir asks you (Sozialamt) for the administrative check of 3 measures by 31/01/2027.'
			],
			[
				n('check_assigned', { item: 'Kita', due: '2027-01-31' }),
				'Aylin Demir bittet Sie bis 31.01.2027 um die Verwaltungsprüfung von „Kita“.',
				'Aylin Demir asks you for the administrative check of “Kita” by 31/01/2027.'
			],
			[
				n('check_verdict', { item: 'Kita', outcome: 'conditional' }),
				'Aylin Demir hat „Kita“ geprüft: Umsetzbar unter Bedingungen.',
				'Aylin Demir checked “Kita”: Feasible with conditions.'
			],
			[
				n(
					'due_soon',
					{ item: 'Kita', due: '2027-02-02', of: 'check', holder: '' },
					{ actor: null }
				),
				'Die Verwaltungsprüfung von „Kita“ durch Unbekannte Stelle ist am 02.02.2027 fällig.',
				'The administrative check of “Kita” by Unknown office is due on 02/02/2027.'
			],
			[
				n('due_soon', { due: '2027-02-02', of: 'review' }, { actor: null }),
				'Ihre Prüfung von „Leitbild 2030“ ist am 02.02.2027 fällig.',
				'Your review of “Leitbild 2030” is due on 02/02/2027.'
			],
			[
				n('update_due', { item: 'Kita', due: '2027-02-02' }, { actor: null }),
				'Sachstand fällig: „Kita“ (fällig am 02.02.2027).',
				'Status update due: “Kita” (due on 02/02/2027).'
			],
			[
				n('weekly_digest', { overdue: 1, changed: 2 }, { actor: null }),
				'Wochenüberblick Umsetzung: 1 Sachstand überfällig, 2 Maßnahmen in den letzten 7 Tagen aktualisiert.',
				'Weekly implementation overview: 1 status update overdue, 2 measures updated in the last 7 days.'
			]
		];
		for (const [notice, de, en] of cases) {
			expect(noticeText(notice, 'de')).toBe(de);
			expect(noticeText(notice, 'en')).toBe(en);
		}
	});

	it('shows the stored sentence of an old notice (no params) in every language', () => {
		const old = n('mention', undefined, { text: 'Aylin Demir hat Sie in „Bildung“ erwähnt.' });
		expect(noticeText(old, 'en')).toBe('Aylin Demir hat Sie in „Bildung“ erwähnt.');
		expect(noticeText(old, 'de')).toBe('Aylin Demir hat Sie in „Bildung“ erwähnt.');
		// A meeting task stored before it had params keeps its German sentence.
		const task = n('meeting_task', {}, { text: 'Aufgabe aus der Sitzung' });
		expect(noticeText(task, 'en')).toBe('Aufgabe aus der Sitzung');
		expect(withNoticeText(n('mention', undefined), 'en').text).toBe('');
	});

	it("builds a meeting task in the reader's language (German as stored before)", () => {
		const task = n('meeting_task', {
			meeting: 'AG „Bildung“',
			task: 'Räume anfragen',
			due: '2027-04-01'
		});
		expect(noticeText(task, 'de')).toBe(
			'Aufgabe aus der Sitzung „AG ‚Bildung‘“: „Räume anfragen“ (bis 01.04.2027).'
		);
		expect(noticeText(task, 'en')).toBe(
			'Task from the session “AG „Bildung“”: “Räume anfragen” (by 01/04/2027).'
		);
		const open = n('meeting_task', { meeting: 'AG Bildung', task: 'Räume anfragen' });
		expect(noticeText(open, 'de')).toBe('Aufgabe aus der Sitzung „AG Bildung“: „Räume anfragen“.');
		expect(noticeText(open, 'en')).toBe('Task from the session “AG Bildung”: “Räume anfragen”.');
	});
});

/**
 * The calendar feed's own words per language: German as before (default), English with
 * `locale: 'en'` — names, notes, categories, untitled fields and automatic entries; typed titles
 * stay as they are.
 */
import { describe, expect, it } from 'vitest';
import type { AutoEntry, Schedule } from '../../src/lib/domain/schedule';
import { buildCalendar } from './ical';

const schedule: Schedule = {
	phases: [{ id: 'ph1', title: 'Auftakt', start: '2027-03-01', end: '2027-03-05', fieldId: 'f2' }],
	milestones: [
		{
			id: 'ms1',
			title: 'Sondersitzung',
			date: '2027-06-15',
			time: null,
			place: 'Rathaus',
			fieldId: 'f1'
		}
	]
};
const automatic: AutoEntry[] = [
	{
		id: 'feedback_end:r1',
		kind: 'feedback_end',
		title: 'Beteiligungsrunde „Wohnen“ endet (Frist)',
		source: 'Wohnen',
		closed: false,
		date: '2027-04-10',
		time: '18:00',
		fieldId: null
	},
	{
		id: 'review_due:q1',
		kind: 'review_due',
		title: 'Prüfanfrage an die Kerngruppe fällig',
		closed: false,
		date: '2027-05-01',
		time: null,
		fieldId: null
	}
];
const input = {
	planId: 'p1',
	planTitle: '',
	fields: [
		{ id: 'f1', title: 'Bildung' },
		{ id: 'f2', title: '' }
	],
	schedule,
	automatic,
	timeZone: 'Europe/Berlin'
};
/** The unfolded text (iCal folds long lines at 75 octets). */
const ics = (locale?: 'de' | 'en') =>
	buildCalendar({ ...input, ...(locale ? { locale } : {}) }).replace(/\r\n[ \t]/g, '');

describe('buildCalendar', () => {
	it('words the calendar in German by default', () => {
		const text = ics();
		expect(text).toBe(ics('de'));
		for (const s of [
			'X-WR-CALNAME:Zeitplan – Plan ohne Titel',
			'X-WR-CALDESC:Zeitplan des Plans „Plan ohne Titel“ aus Mitplan',
			'PRODID:-//Mitplan//Zeitplan//DE',
			'DESCRIPTION:Handlungsfeld: Ohne Titel\\nPhase im Zeitplan',
			'DESCRIPTION:Handlungsfeld: Bildung\\nTermin im Zeitplan',
			'CATEGORIES:Termin',
			'SUMMARY:Beteiligungsrunde „Wohnen“ endet (Frist)',
			'DESCRIPTION:Uhrzeit: 18:00 Uhr\\nAutomatisch: Beteiligungsrunde endet',
			'CATEGORIES:Automatisch'
		])
			expect(text).toContain(s);
	});

	it('words the calendar in English, keeping typed titles', () => {
		const text = ics('en');
		for (const s of [
			'X-WR-CALNAME:Schedule – Untitled plan',
			'X-WR-CALDESC:Schedule of the plan “Untitled plan” from Mitplan',
			'PRODID:-//Mitplan//Schedule//EN',
			'DESCRIPTION:Field of action: Untitled\\nPhase in the schedule',
			'DESCRIPTION:Field of action: Bildung\\nEvent in the schedule',
			'SUMMARY:Sondersitzung',
			'CATEGORIES:Event',
			'SUMMARY:Feedback round “Wohnen” ends (deadline)',
			'SUMMARY:Review request to the core group due',
			'DESCRIPTION:Time: 18:00\\nAutomatic: Feedback round ends',
			'CATEGORIES:Automatic'
		])
			expect(text).toContain(s);
		for (const german of [
			'Zeitplan',
			'Ohne Titel',
			'Handlungsfeld',
			'Termin',
			'Uhr',
			'Automatisch'
		])
			expect(text).not.toContain(german);
	});
});

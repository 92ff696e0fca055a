/**
 * The public progress page's texts per interface language: German word for word as before the
 * page was translated (the former table, kept here), English without German words.
 */
import { describe, expect, it } from 'vitest';
import { IMPL_STATUSES } from '../domain/monitoring';
import { publicTexts, type PublicTexts } from './public-texts';

const FORMER_GERMAN: Partial<Record<keyof PublicTexts, string>> = {
	heading: 'Umsetzungsstand',
	intro:
		'Diese Seite zeigt, wie weit die Maßnahmen des beschlossenen Plans umgesetzt sind. Sie wird von der Kommune gepflegt.',
	overview: 'Überblick',
	reportPdf: 'Umsetzungsbericht seit dem Beschluss als PDF herunterladen',
	averageProgress: 'Durchschnittlicher Fortschritt (Maßnahmen mit Angabe)',
	noProgress: 'noch kein Fortschritt erfasst',
	statusCounts: 'Maßnahmen nach Umsetzungsstand',
	status: 'Umsetzungsstand',
	count: 'Anzahl',
	contents: 'Handlungsfelder',
	field: 'Handlungsfeld',
	goal: 'Ziel',
	indicators: 'Indikatoren',
	measures: 'Maßnahmen',
	noMeasures: 'Zu diesem Ziel sind keine Maßnahmen veröffentlicht.',
	progress: 'Fortschritt',
	office: 'Zuständiges Amt',
	noNote: 'Noch kein Sachstand veröffentlicht.',
	description: 'Beschreibung',
	baseline: 'Ausgangswert',
	target: 'Zielwert',
	measured: 'Messwert',
	date: 'Datum',
	value: 'Wert',
	kind: 'Art / Quelle',
	notFoundTitle: 'Seite nicht gefunden',
	errorTitle: 'Die Seite kann gerade nicht angezeigt werden',
	error: 'Bitte versuchen Sie es in einigen Minuten erneut.',
	notFound:
		'Diese öffentliche Seite gibt es nicht (mehr). Vielleicht wurde der Link zurückgezogen oder nicht vollständig kopiert. Bitte fragen Sie bei Ihrer Kommune nach dem aktuellen Link.'
};

describe('publicTexts', () => {
	it('keeps the German wording (default and unknown languages)', () => {
		const t = publicTexts();
		for (const [key, text] of Object.entries(FORMER_GERMAN))
			expect(t[key as keyof PublicTexts]).toBe(text);
		expect(publicTexts('tr').heading).toBe('Umsetzungsstand');
		expect(t.pageTitle('Leitbild')).toBe('Umsetzungsstand: Leitbild');
		expect(t.adopted('01.12.2026', 'Stadtrat', 'SR-1')).toBe(
			'Beschlossen am 01.12.2026 durch Stadtrat (SR-1).'
		);
		expect(t.asOf('05.12.2026')).toBe('Stand: 05.12.2026');
		expect(t.measuresShown(1)).toBe('1 veröffentlichte Maßnahme');
		expect(t.measuresShown(1234)).toBe('1.234 veröffentlichte Maßnahmen');
		expect(t.milestones(1, 3)).toBe('1 von 3 Meilensteinen erreicht');
		expect(t.latestNote('01.05.2026')).toBe('Sachstand vom 01.05.2026');
		expect(t.valuesCaption('Kurse')).toBe('Werte: Kurse');
		expect(t.day('2026-12-05')).toBe('05.12.2026');
		expect(t.untitled).toBe('Ohne Titel');
		expect(t.statusLabel('in_umsetzung')).toBe('in Umsetzung');
	});

	it('speaks English without German words', () => {
		const t = publicTexts('en');
		expect(t.pageTitle('Leitbild')).toBe('Implementation status: Leitbild');
		expect(t.measuresShown(1234)).toBe('1,234 published measures');
		expect(t.milestones(1, 3)).toBe('1 of 3 milestones reached');
		expect(t.day('2026-12-05')).toBe('05/12/2026');
		expect(t.untitled).toBe('Untitled');
		const all = [
			...Object.values(t).filter((v) => typeof v === 'string'),
			t.adopted('05/12/2026', 'Council', 'SR-1'),
			t.asOf('05/12/2026'),
			t.latestNote('05/12/2026'),
			t.valuesCaption('x'),
			...IMPL_STATUSES.map((s) => t.statusLabel(s))
		].join(' ');
		for (const german of ['Maßnahme', 'Umsetzung', 'Stand', 'Ziel', 'Seite', 'Ohne', 'Amt', 'Wert'])
			expect(all).not.toContain(german);
	});
});

/**
 * Every text of the public progress page (/umsetzung/<token>) and its API errors in one place,
 * so a later language switch (issue 15) only adds a second table here. Status labels come from
 * the shared vocabulary (IMPL_STATUS_LABELS in src/lib/domain/monitoring.ts).
 */
import { IMPL_STATUS_LABELS, type ImplStatus } from '../domain/monitoring';

const de = {
	pageTitle: (plan: string) => `Umsetzungsstand: ${plan}`,
	heading: 'Umsetzungsstand',
	intro:
		'Diese Seite zeigt, wie weit die Maßnahmen des beschlossenen Plans umgesetzt sind. Sie wird von der Kommune gepflegt.',
	adopted: (date: string, body: string, reference: string) =>
		`Beschlossen am ${date} durch ${body} (${reference}).`,
	asOf: (date: string) => `Stand: ${date}`,
	overview: 'Überblick',
	reportPdf: 'Umsetzungsbericht seit dem Beschluss als PDF herunterladen',
	measuresShown: (n: number) =>
		n === 1
			? '1 veröffentlichte Maßnahme'
			: `${n.toLocaleString('de-DE')} veröffentlichte Maßnahmen`,
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
	milestones: (done: number, total: number) => `${done} von ${total} Meilensteinen erreicht`,
	office: 'Zuständiges Amt',
	latestNote: (date: string) => `Sachstand vom ${date}`,
	noNote: 'Noch kein Sachstand veröffentlicht.',
	description: 'Beschreibung',
	baseline: 'Ausgangswert',
	target: 'Zielwert',
	measured: 'Messwert',
	valuesCaption: (name: string) => `Werte: ${name}`,
	date: 'Datum',
	value: 'Wert',
	kind: 'Art / Quelle',
	notFoundTitle: 'Seite nicht gefunden',
	errorTitle: 'Die Seite kann gerade nicht angezeigt werden',
	error: 'Bitte versuchen Sie es in einigen Minuten erneut.',
	notFound:
		'Diese öffentliche Seite gibt es nicht (mehr). Vielleicht wurde der Link zurückgezogen oder nicht vollständig kopiert. Bitte fragen Sie bei Ihrer Kommune nach dem aktuellen Link.',
	statusLabel: (s: ImplStatus) => IMPL_STATUS_LABELS[s]
};

export type PublicTexts = typeof de;

export const PUBLIC_TEXTS: Record<'de', PublicTexts> = { de };

/** The texts for a language (only German so far). */
export function publicTexts(lang: string = 'de'): PublicTexts {
	return PUBLIC_TEXTS[lang as 'de'] ?? de;
}

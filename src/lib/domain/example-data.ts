/**
 * Content of the "Beispielplan" (example plan seeded on first start). Fields of action, process
 * and questionnaire follow the planning concept of Brandenburg an der Havel (seed 003); the
 * measures are those the Hessian municipalities put into practice (seed 004: Stadtspaziergänge,
 * Familienzentrum, Charta der Vielfalt, Vereinsmesse, Willkommensfest, Integrationslots:innen …).
 * The plan itself is illustrative: it contains no official figures and no real persons.
 */
import type { Measure, Phase } from './types';

/** A measure of the example plan: the Measure's content without its place in the tree. */
export type ExampleMeasure = Omit<Measure, 'id' | 'type' | 'parentId' | 'order'>;

export type ExampleGoal = {
	title: string;
	/** The goal's public text */
	description: string;
	specific: string;
	benefit: string;
	attractiveness: string;
	indicator: string;
	realism: string;
	/** Indexes into EXAMPLE_PRINCIPLES */
	principles: number[];
	measures: ExampleMeasure[];
};

export type ExampleField = {
	title: string;
	situation: string;
	workingGroup: string;
	phase: Phase;
	goals: ExampleGoal[];
};

export const EXAMPLE_TITLE = 'Beispielplan: Integrationskonzept Brandenburg an der Havel';
export const EXAMPLE_MUNICIPALITY = 'Brandenburg an der Havel';

export const EXAMPLE_PRINCIPLES = [
	{
		title: 'Teilhabe für alle',
		statement:
			'Alle Menschen, die in unserer Stadt leben, können gleichberechtigt am gesellschaftlichen, wirtschaftlichen und kulturellen Leben teilhaben – unabhängig von Herkunft, Aufenthaltsstatus, Sprache oder Religion.',
		rationale:
			'Integration gelingt nur, wenn Zugewanderte nicht nur versorgt werden, sondern mitgestalten können. Eine Stadtgesellschaft, die Menschen ausschließt, verliert ihre Fähigkeiten und ihr Engagement.',
		evidence:
			'Zugewanderte sind in Vereinen, Elternvertretungen, Beiräten und der Verwaltung selbstverständlich vertreten. Angebote der Stadt werden von allen Bevölkerungsgruppen genutzt.',
		vision:
			'Die Begriffe „wir“ und „die Neuen“ haben an Bedeutung verloren. Menschen mit Migrationsgeschichte übernehmen Verantwortung in Politik, Ehrenamt und Wirtschaft.',
		implications:
			'Jedes Handlungsfeld prüft seine Ziele darauf, wer bisher nicht erreicht wird, und plant Maßnahmen so, dass Zugewanderte nicht nur Zielgruppe, sondern Mitwirkende sind.'
	},
	{
		title: 'Vielfalt als Stärke',
		statement:
			'Unsere Stadt versteht die Vielfalt ihrer Bewohnerinnen und Bewohner als Bereicherung und Ressource, nicht als Problem.',
		rationale:
			'Die Stadt wird durch Zuwanderung vielfältiger. Wer Vielfalt wertschätzt, gewinnt Fachkräfte, Ideen und Zusammenhalt; wer sie nur verwaltet, erzeugt Konflikte.',
		evidence:
			'Die Stadt hat die Charta der Vielfalt unterzeichnet, Feste und Veranstaltungen zeigen die Vielfalt der Stadtgesellschaft, Diskriminierung wird offen angesprochen.',
		vision:
			'Vielfalt ist ein Standortfaktor: Unternehmen, Schulen und Verwaltung werben mit ihrer offenen Kultur und finden so Personal und Nachwuchs.',
		implications:
			'Die Handlungsfelder benennen, welche Vielfaltsdimensionen (z. B. Alter, Religion, Behinderung, soziale Herkunft) ihre Ziele berühren.'
	},
	{
		title: 'Beteiligung und Transparenz',
		statement:
			'Jede Person der Stadtgesellschaft kann sich an der Fortschreibung und Umsetzung des Integrationskonzepts beteiligen und erhält alle Arbeitsstände – auch aus Arbeitsgruppen, in denen sie nicht mitarbeitet.',
		rationale:
			'Nur was gemeinsam erarbeitet wurde, wird auch gemeinsam umgesetzt. Wer nichts mehr von der Umsetzung hört, verliert das Vertrauen in den Prozess.',
		evidence:
			'Termine, Ergebnisse und der Umsetzungsstand der Maßnahmen sind öffentlich einsehbar; Rückmelderunden werden rechtzeitig angekündigt.',
		vision:
			'Das Integrationskonzept ist ein lebendiges Arbeitsinstrument, das regelmäßig überprüft und fortgeschrieben wird – nicht ein Papier in der Schublade.',
		implications:
			'Jede Maßnahme nennt eine Federführung und einen Zeitraum, damit Erfolge gemessen und dargestellt werden können.'
	},
	{
		title: 'Zugänge ohne Barrieren',
		statement:
			'Informationen, Beratung und Angebote sind sprachlich, räumlich und digital barrierefrei zugänglich.',
		rationale:
			'Sprachbarrieren, fehlende Kinderbetreuung, Stufen oder komplizierte Formulare schließen Menschen aus, bevor sie ein Angebot überhaupt kennenlernen.',
		evidence:
			'Wichtige Informationen gibt es in Leichter Sprache und in den häufigsten Herkunftssprachen; Sprachmittlung ist bei Beratungen selbstverständlich; Gebäude sind stufenlos erreichbar.',
		vision:
			'Niemand muss mehr ein Familienmitglied zum Übersetzen mitbringen; öffentliche Gebäude und Webseiten sind barrierefrei.',
		implications:
			'Jede Maßnahme beantwortet, wie die Zielgruppe von ihr erfährt und welche Barrieren abgebaut werden müssen.'
	}
];

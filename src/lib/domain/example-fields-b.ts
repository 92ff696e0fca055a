/** Beispielplan, fields 4–5 (Soziale Teilhabe …; Erwachsenenbildung & Arbeitsmarkt). */
import type { ExampleField } from './example-data';

export const EXAMPLE_FIELDS_B: ExampleField[] = [
	{
		title: 'Soziale Teilhabe, Sport, Kultur und Religion',
		workingGroup: 'AG Soziale Teilhabe',
		phase: 'B',
		situation:
			'Viele Vereine suchen Mitglieder und Ehrenamtliche, erreichen Zugewanderte aber kaum. Das ehrenamtliche Engagement in der Flüchtlingshilfe ist seit 2016 zurückgegangen. Religionsgemeinschaften und Migrantenorganisationen sind bisher wenig mit städtischen Gremien vernetzt.',
		goals: [
			{
				title: 'Vereine gewinnen neue Mitglieder aus allen Teilen der Stadtgesellschaft',
				description:
					'Sport-, Kultur- und andere Vereine sollen Menschen aus allen Teilen der Stadtgesellschaft als Mitglieder gewinnen.',
				specific:
					'Bis Ende 2026 beteiligen sich mindestens zwanzig Vereine an gemeinsamen Aktionen, um Neuzugezogene zu gewinnen.',
				benefit: 'Vereine sind Orte der Teilhabe und Begegnung.',
				attractiveness:
					'Attraktiv für Vereine mit Nachwuchssorgen; Vereine ohne Kapazitäten brauchen Unterstützung.',
				indicator: 'Zahl beteiligter Vereine; neue Mitglieder mit Migrationsgeschichte.',
				realism: 'Realistisch, wenn der Stadtsportbund und die Ehrenamtsagentur mitziehen.',
				principles: [0, 1],
				measures: [
					{
						title: 'Vereinsmesse',
						description:
							'Eine jährliche Messe, auf der sich Sport-, Kultur- und Sozialvereine vorstellen, mit Mitmach-Angeboten und Sprachmittlung.',
						effect: 'Neuzugezogene lernen Vereine kennen; Vereine gewinnen Mitglieder.',
						targetGroup: 'Neuzugezogene, Familien, Jugendliche',
						benefit: 'Direkter Weg zu neuen Mitgliedern.',
						lead: 'Ehrenamtsagentur',
						contributors: 'Stadtsportbund, Kulturvereine, Integrationsbeauftragte',
						resources: 'Halle oder Bürgerhaus, Werbung, Sachmittel',
						startDate: '2026-03-01',
						endDate: '2026-09-30',
						priority: 'mittel',
						status: 'geplant'
					},
					{
						title: 'Engagementlots:innen',
						description:
							'Ehrenamtliche Lots:innen vermitteln Interessierte in passende Vereine und Ehrenämter und begleiten die ersten Besuche.',
						effect: 'Mehr Zugewanderte engagieren sich selbst ehrenamtlich.',
						targetGroup: 'Zugewanderte, die sich engagieren möchten',
						benefit: 'Verbindet Interessierte und Vereine persönlich.',
						lead: 'Ehrenamtsagentur',
						contributors: 'Migrantenorganisationen, Vereine',
						resources: 'Schulung, Aufwandsentschädigungen, Koordination',
						startDate: '2025-11-01',
						endDate: '2027-10-31',
						priority: 'hoch',
						status: 'idee'
					}
				]
			},
			{
				title: 'Vielfalt wird in der Stadt sichtbar gefeiert',
				description:
					'Die Stadt zeigt mit Festen und Aktionen, dass die Vielfalt ihrer Bewohnerinnen und Bewohner zu ihr gehört.',
				specific:
					'Jedes Jahr gibt es ein Willkommensfest und Aktionen zur Interkulturellen Woche, die gemeinsam mit Migrantenorganisationen gestaltet werden.',
				benefit: 'Macht „Vielfalt als Stärke“ öffentlich erlebbar.',
				attractiveness:
					'Attraktiv für Neubürgerinnen und Neubürger und für die Vereine, die sich zeigen können; für skeptische Teile der Bevölkerung eine Einladung.',
				indicator: 'Zahl der Besucherinnen und Besucher; Zahl mitgestaltender Organisationen.',
				realism: 'Abhängig von der pandemischen Lage und von Sponsoren.',
				principles: [1, 2],
				measures: [
					{
						title: 'Willkommensfest für Neubürger:innen',
						description:
							'Ein jährliches Fest im Rathaus, zu dem alle im Vorjahr Zugezogenen persönlich eingeladen werden.',
						effect:
							'Neubürgerinnen und Neubürger fühlen sich willkommen und lernen Ansprechpersonen kennen.',
						targetGroup: 'Alle Neuzugezogenen des Vorjahres',
						benefit: 'Sichtbares Zeichen der Willkommenskultur.',
						lead: 'Büro des Oberbürgermeisters',
						contributors: 'Integrationsbeauftragte, Vereine, Migrantenorganisationen',
						resources: 'Einladungen, Bewirtung, Kulturprogramm',
						startDate: '2026-06-01',
						endDate: '2026-06-30',
						priority: 'mittel',
						status: 'geplant'
					},
					{
						title: 'Aktionen zur Interkulturellen Woche',
						description:
							'Ein gemeinsames Programm von Vereinen, Religionsgemeinschaften, Schulen und Migrantenorganisationen.',
						effect: 'Begegnung und Dialog über kulturelle und religiöse Grenzen hinweg.',
						targetGroup: 'Gesamte Stadtgesellschaft',
						benefit: 'Bündelt die Aktivitäten zu einem sichtbaren Programm.',
						lead: 'Integrationsbeauftragte der Stadt',
						contributors: 'Kirchengemeinden, Moscheegemeinde, Schulen, Kulturvereine',
						resources: 'Programmheft, Öffentlichkeitsarbeit, kleine Zuschüsse',
						startDate: '2025-09-01',
						endDate: '2025-10-15',
						priority: 'niedrig',
						status: 'umgesetzt'
					}
				]
			}
		]
	},
	{
		title: 'Erwachsenenbildung & Arbeitsmarkt',
		workingGroup: 'AG Bildung und Arbeit',
		phase: 'B',
		situation:
			'Viele Zugewanderte bringen Berufserfahrung mit, deren Abschlüsse nicht anerkannt sind. Sprachkurse sind für Eltern ohne Kinderbetreuung kaum erreichbar. Die Stadtverwaltung selbst spiegelt die Vielfalt der Bevölkerung in ihrem Personal noch nicht wider.',
		goals: [
			{
				title: 'Mehr Zugewanderte finden eine Arbeit, die ihrer Qualifikation entspricht',
				description:
					'Zugewanderte sollen Arbeit finden, die zu ihrer Ausbildung und Erfahrung passt.',
				specific:
					'Bis 2027 steigt die Zahl der Zugewanderten in Ausbildung und sozialversicherungspflichtiger Beschäftigung messbar.',
				benefit: 'Eigenes Einkommen ist Grundlage der Teilhabe.',
				attractiveness:
					'Attraktiv für Arbeitsuchende und Betriebe mit Fachkräftemangel; Betriebe scheuen teils den Aufwand.',
				indicator: 'Vermittlungen durch Jobcenter und Agentur; Teilnehmende der Sprachkurse.',
				realism: 'Abhängig von Kursangeboten des Bundes und der Konjunktur.',
				principles: [0, 3],
				measures: [
					{
						title: 'Sprachkurse mit Kinderbetreuung',
						description: 'Integrations- und Berufssprachkurse mit paralleler Kinderbetreuung.',
						effect: 'Auch Mütter und Väter kleiner Kinder können Deutsch lernen.',
						targetGroup: 'Eltern mit Kindern unter drei Jahren',
						benefit: 'Beseitigt eine der größten Hürden auf dem Weg in Arbeit.',
						lead: 'Volkshochschule',
						contributors: 'Jobcenter, Träger der Kindertagespflege',
						resources: 'Betreuungskräfte, zweiter Raum neben dem Kursraum',
						startDate: '2025-08-01',
						endDate: '2026-07-31',
						priority: 'hoch',
						status: 'in_umsetzung'
					},
					{
						title: 'Ausbildungs- und Jobbörse mit Betrieben',
						description:
							'Eine Börse, bei der Betriebe und Zugewanderte direkt ins Gespräch kommen.',
						effect: 'Kontakte zwischen Betrieben und Bewerberinnen und Bewerbern entstehen.',
						targetGroup: 'Arbeitsuchende Zugewanderte, regionale Betriebe',
						benefit: 'Führt Angebot und Nachfrage zusammen.',
						lead: 'Jobcenter',
						contributors: 'Industrie- und Handelskammer, Handwerkskammer, Wirtschaftsförderung',
						resources: 'Veranstaltungsort, Werbung, Sprachmittlung',
						startDate: '2026-02-01',
						endDate: '2026-04-30',
						priority: 'mittel',
						status: 'idee'
					}
				]
			},
			{
				title: 'Die Stadtverwaltung wird als Arbeitgeberin vielfältiger',
				description:
					'Die Beschäftigten der Stadtverwaltung sollen die Vielfalt der Stadtgesellschaft besser abbilden.',
				specific:
					'Die Stadt bekennt sich öffentlich zur Vielfalt und qualifiziert bis 2026 Beschäftigte als Vielfaltsmanager:innen.',
				benefit: 'Die Verwaltung geht mit gutem Beispiel voran.',
				attractiveness:
					'Attraktiv für Bewerberinnen und Bewerber und für die Personalgewinnung; Teile der Belegschaft sehen Mehraufwand.',
				indicator: 'Unterzeichnung der Charta; Zahl ausgebildeter Vielfaltsmanager:innen.',
				realism:
					'Realistisch, da mit geringen Kosten und nach Vorgesprächen mit der Politik möglich.',
				principles: [1, 2],
				measures: [
					{
						title: 'Charta der Vielfalt unterzeichnen',
						description:
							'Die Stadt unterzeichnet nach Vorgesprächen mit den Fraktionen die Charta der Vielfalt und berichtet jährlich über die Umsetzung.',
						effect:
							'Ein öffentliches Bekenntnis, auf das sich Beschäftigte und Bürger berufen können.',
						targetGroup: 'Beschäftigte der Stadt, Bewerberinnen und Bewerber, Öffentlichkeit',
						benefit: 'Setzt den Rahmen für die weiteren Schritte.',
						lead: 'Personalamt',
						contributors: 'Oberbürgermeister, Personalrat, Fraktionen der SVV',
						resources: 'Keine nennenswerten Sachkosten; Zeit für Vorgespräche',
						startDate: '2025-03-01',
						endDate: '2025-05-31',
						priority: 'hoch',
						status: 'umgesetzt'
					},
					{
						title: 'Vielfaltsmanager:innen ausbilden',
						description:
							'Beschäftigte aus mehreren Fachbereichen nehmen an der Ausbildung zu Vielfaltsmanager:innen teil und wirken danach als Multiplikator:innen.',
						effect:
							'Wissen über Vielfalt und Diskriminierungsschutz ist in allen Fachbereichen vorhanden.',
						targetGroup: 'Beschäftigte der Stadtverwaltung',
						benefit: 'Verankert das Ziel im Alltag der Verwaltung.',
						lead: 'Personalamt',
						contributors: 'Integrationsbeauftragte, externer Bildungsträger',
						resources: 'Teilnahmegebühren, Freistellung der Teilnehmenden',
						startDate: '2025-09-01',
						endDate: '2026-06-30',
						priority: 'mittel',
						status: 'zurueckgestellt'
					}
				]
			}
		]
	}
];

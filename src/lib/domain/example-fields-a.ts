/** Beispielplan, fields 1–3 (Gesundheit; Wohnen und Unterkunft; Kinder und Familie). */
import type { ExampleField } from './example-data';

export const EXAMPLE_FIELDS_A: ExampleField[] = [
	{
		title: 'Gesundheit',
		workingGroup: 'AG Gesundheit',
		phase: 'D',
		situation:
			'Zugewanderte nutzen Vorsorge und Regelversorgung seltener als andere Gruppen; in Praxen und Beratungsstellen fehlt oft Sprachmittlung, Angehörige oder Kinder übersetzen. Asylsuchende haben nach dem Asylbewerberleistungsgesetz in den ersten Monaten nur eingeschränkten Anspruch auf Leistungen. Die bisherige Konzeption von 2012 enthielt zum Thema Gesundheit kaum Maßnahmen. Die Verwaltung stellt zum ersten AG-Treffen die Eckdaten zu Versorgung und Beratungsangeboten vor.',
		goals: [
			{
				title: 'Sprachmittlung in Gesundheitsversorgung und Beratung ist gesichert',
				description:
					'Wer krank ist oder Rat sucht, soll sich verständigen können: Beratungsstellen und Praxen können schnell eine Sprachmittlung hinzuziehen.',
				specific:
					'Bis Ende 2026 können alle städtischen Beratungsstellen und die teilnehmenden Arztpraxen bei Bedarf kurzfristig eine qualifizierte Sprachmittlung anfordern.',
				benefit:
					'Setzt „Zugänge ohne Barrieren“ unmittelbar um und ermöglicht Teilhabe an gesundheitlicher Versorgung.',
				attractiveness:
					'Attraktiv für Patientinnen und Patienten sowie für Praxen, die Zeit und Missverständnisse sparen. Weniger attraktiv für Praxen, die zusätzlichen Organisationsaufwand fürchten.',
				indicator: 'Anzahl vermittelter Einsätze pro Quartal; Anzahl teilnehmender Praxen.',
				realism:
					'Abhängig von Fördermitteln für Honorare und davon, ob genügend Sprachmittler:innen gewonnen werden.',
				principles: [3, 0],
				measures: [
					{
						title: 'Dolmetscherpool für Arztbesuche und Beratung',
						description:
							'Aufbau eines Pools geschulter Sprachmittler:innen, die über eine zentrale Stelle telefonisch oder vor Ort angefordert werden können.',
						effect:
							'Gespräche über Diagnose und Behandlung werden verstanden; Kinder müssen nicht mehr übersetzen.',
						targetGroup:
							'Zugewanderte mit geringen Deutschkenntnissen, Arztpraxen, Beratungsstellen',
						benefit: 'Kern des Ziels: macht Sprachmittlung überhaupt erst verfügbar.',
						lead: 'Integrationsbeauftragte der Stadt',
						contributors:
							'Gesundheitsamt, Migrationsberatung der Wohlfahrtsverbände, Migrantenorganisationen',
						resources:
							'Honorarmittel für Einsätze, eine halbe Koordinationsstelle, Schulungsraum für die Qualifizierung',
						startDate: '2025-03-01',
						endDate: '2026-12-31',
						priority: 'hoch',
						status: 'in_umsetzung'
					},
					{
						title: 'Mehrsprachiger Gesundheitswegweiser',
						description:
							'Ein Wegweiser zu Praxen, Notdiensten und Beratungsangeboten in Leichter Sprache und sechs weiteren Sprachen, gedruckt und online.',
						effect: 'Zugewanderte finden selbstständig das passende Angebot.',
						targetGroup: 'Neuzugezogene, Menschen mit geringen Deutschkenntnissen',
						benefit: 'Ergänzt den Dolmetscherpool um schriftliche Orientierung.',
						lead: 'Gesundheitsamt',
						contributors: 'Integrationsbeauftragte, Übersetzungsbüro, Migrantenorganisationen',
						resources: 'Übersetzungs- und Druckkosten, Pflege der Online-Fassung',
						startDate: '2025-09-01',
						endDate: '2026-03-31',
						priority: 'mittel',
						status: 'geplant'
					}
				]
			},
			{
				title: 'Gesundheitsangebote sind stufenlos und wohnortnah erreichbar',
				description:
					'Gesundheitsamt, Beratungsstellen und Gesundheitsangebote sollen ohne Stufen und in der Nähe der Wohnung erreichbar sein.',
				specific:
					'Die Beratungsstellen des Gesundheitsamts sind bis 2027 stufenlos zugänglich, und in zwei Stadtteilen finden jährlich Gesundheitstage statt.',
				benefit: 'Baut räumliche Barrieren ab und bringt Angebote zu den Menschen.',
				attractiveness:
					'Attraktiv für ältere Menschen, Familien mit Kinderwagen und Menschen mit Behinderung – also weit über die Zielgruppe Zugewanderter hinaus.',
				indicator: 'Anzahl barrierefreier Zugänge; Besucherzahlen der Gesundheitstage.',
				realism:
					'Die Umbauten hängen vom Haushalt und vom Denkmalschutz ab; die Gesundheitstage sind mit vorhandenen Partnern realistisch.',
				principles: [3, 1],
				measures: [
					{
						title: 'Rampenbau am Gesundheitsamt und an Beratungsstellen',
						description:
							'Bau von Rampen und automatischen Türen an den Eingängen von Gesundheitsamt und zwei Beratungsstellen.',
						effect: 'Stufenloser Zugang für alle Besucherinnen und Besucher.',
						targetGroup: 'Menschen mit Behinderung, ältere Menschen, Eltern mit Kinderwagen',
						benefit: 'Erfüllt den baulichen Teil des Ziels.',
						lead: 'Gebäudemanagement der Stadt',
						contributors: 'Gesundheitsamt, Behindertenbeirat, Denkmalschutzbehörde',
						resources: 'Investitionsmittel im Haushalt 2026, Planungsleistungen',
						startDate: '2026-04-01',
						endDate: '2027-06-30',
						priority: 'mittel',
						status: 'geplant'
					},
					{
						title: 'Gesundheitstage im Stadtteil',
						description:
							'Jährliche Gesundheitstage in zwei Stadtteilen mit Impfberatung, Vorsorgeangeboten und Informationsständen – mit Sprachmittlung.',
						effect: 'Menschen lernen Angebote kennen, die sie sonst nicht aufsuchen würden.',
						targetGroup: 'Bewohnerinnen und Bewohner der Stadtteile, besonders Familien',
						benefit: 'Bringt Angebote wohnortnah zu den Menschen.',
						lead: 'Gesundheitsamt',
						contributors: 'Krankenkassen, Quartiersmanagement, Sportvereine',
						resources: 'Sachmittel für Stände und Werbung, Räume im Bürgerhaus',
						startDate: '2025-05-01',
						endDate: '2025-10-31',
						priority: 'niedrig',
						status: 'umgesetzt'
					}
				]
			}
		]
	},
	{
		title: 'Wohnen und Unterkunft',
		workingGroup: 'AG Wohnen',
		phase: 'C',
		situation:
			'Geflüchtete leben in Gemeinschaftsunterkünften (GUs), in Verbundwohnungen oder in eigenen Wohnungen. Für das erste AG-Treffen legt die Verwaltung vor: Wie viele Personen aus welchen Ländern leben derzeit in den GUs, in Verbundwohnungen und in eigenen Wohnungen? Wie viele Sozialarbeiterinnen und Sozialarbeiter gibt es in den Unterkünften? Der rechtliche Rahmen (Wohnsitzauflage, Kosten der Unterkunft) wird von der Verwaltung erläutert.',
		goals: [
			{
				title: 'Der Umzug aus der Gemeinschaftsunterkunft in eine eigene Wohnung gelingt schneller',
				description:
					'Geflüchtete sollen früher aus der Gemeinschaftsunterkunft in eine eigene Wohnung ziehen können und dabei Unterstützung bekommen.',
				specific:
					'Die durchschnittliche Verweildauer in Gemeinschaftsunterkünften sinkt bis Ende 2027 deutlich; jede ausziehende Familie wird beim Umzug begleitet.',
				benefit: 'Eigener Wohnraum ist Voraussetzung für Teilhabe und Privatsphäre.',
				attractiveness:
					'Attraktiv für Bewohnerinnen und Bewohner der GUs und für die Stadt (Kosten). Vermieter sind zurückhaltend; für sie braucht es Ansprechpartner.',
				indicator: 'Durchschnittliche Verweildauer in GUs; Zahl begleiteter Umzüge pro Jahr.',
				realism:
					'Begrenzt durch den angespannten Wohnungsmarkt; die Begleitung ist mit Ehrenamtlichen realistisch.',
				principles: [0, 3],
				measures: [
					{
						title: 'Integrationslots:innen begleiten den Umzug',
						description:
							'Geschulte Integrationslots:innen begleiten Familien bei Wohnungssuche, Besichtigung, Mietvertrag und den ersten Wochen in der neuen Nachbarschaft.',
						effect: 'Familien finden schneller eine Wohnung und kommen in der Nachbarschaft an.',
						targetGroup: 'Bewohnerinnen und Bewohner von Gemeinschaftsunterkünften',
						benefit: 'Verkürzt die Verweildauer und stärkt das Vertrauen der Vermieter.',
						lead: 'Fachbereich Soziales',
						contributors: 'Ehrenamtliche, Wohnungsbaugesellschaft, Sozialarbeit in den GUs',
						resources:
							'Aufwandsentschädigungen für Lots:innen, Schulungen, eine Koordinationsstelle (50 %)',
						startDate: '2025-01-15',
						endDate: '2027-12-31',
						priority: 'hoch',
						status: 'in_umsetzung'
					},
					{
						title: 'Wohnungsführerschein',
						description:
							'Kurs in mehreren Sprachen zu Mietrecht, Hausordnung, Heizen und Lüften, Mülltrennung; mit Zertifikat für die Bewerbung bei Vermietern.',
						effect:
							'Mieterinnen und Mieter kennen Rechte und Pflichten; Vermieter gewinnen Vertrauen.',
						targetGroup: 'Wohnungssuchende Geflüchtete',
						benefit: 'Erleichtert den Zugang zum Wohnungsmarkt.',
						lead: 'Volkshochschule',
						contributors: 'Mieterverein, Wohnungsbaugesellschaft, Sprachmittler:innen',
						resources: 'Kursleitung, Unterrichtsraum, Übersetzung der Materialien',
						startDate: '2025-10-01',
						endDate: '2026-06-30',
						priority: 'mittel',
						status: 'geplant'
					}
				]
			},
			{
				title: 'Neuzugezogene fühlen sich in ihrem Wohnviertel zu Hause',
				description:
					'Wer neu in die Stadt zieht, soll das eigene Viertel, die Nachbarschaft und die Angebote vor Ort schnell kennenlernen.',
				specific:
					'In jedem Stadtteil gibt es mindestens einmal jährlich ein Angebot, bei dem Neuzugezogene und Alteingesessene sich kennenlernen.',
				benefit: 'Fördert Begegnung und macht Vielfalt im Alltag erlebbar.',
				attractiveness:
					'Attraktiv für alle, die neu in der Stadt sind – nicht nur Geflüchtete. Schwer erreichbar sind Menschen, die wenig Zeit haben.',
				indicator: 'Zahl der Angebote je Stadtteil; Teilnehmende; Rückmeldungen der Teilnehmenden.',
				realism: 'Realistisch mit Quartiersmanagement und Ehrenamtlichen.',
				principles: [1, 0],
				measures: [
					{
						title: 'Stadtspaziergänge für Neuzugezogene',
						description:
							'Geführte Spaziergänge zu Rathaus, Bücherei, Beratungsstellen, Vereinen und Treffpunkten – auch für Seniorinnen und Senioren und Familien.',
						effect: 'Neuzugezogene kennen die wichtigsten Orte und Ansprechpersonen.',
						targetGroup: 'Neuzugezogene aller Herkunft, Familien, Seniorinnen und Senioren',
						benefit: 'Schafft Orientierung und erste Kontakte im Viertel.',
						lead: 'Büro für Integration und Vielfalt',
						contributors: 'Stadtführer:innen, Seniorenbeirat, Vereine',
						resources: 'Geringe Sachmittel, Ehrenamtliche als Begleitung',
						startDate: '2025-04-01',
						endDate: '2025-09-30',
						priority: 'mittel',
						status: 'umgesetzt'
					},
					{
						title: 'Nachbarschaftsfeste in den Quartieren',
						description: 'Jährliche Feste in den Quartieren mit Gemeinschaftsunterkünften.',
						effect: 'Begegnung und Abbau von Vorbehalten in der Nachbarschaft.',
						targetGroup: 'Nachbarschaft, Bewohnerinnen und Bewohner der GUs',
						benefit: 'Stärkt das Ankommen im Wohnviertel.',
						lead: 'Quartiersmanagement',
						contributors: 'Träger der Unterkünfte, Kirchengemeinden, Vereine',
						resources: 'Sachmittel, Genehmigungen, Ehrenamtliche',
						startDate: '2026-05-01',
						endDate: '2026-09-30',
						priority: 'niedrig',
						status: 'idee'
					}
				]
			}
		]
	},
	{
		title: 'Kinder und Familie',
		workingGroup: 'AG Kinder und Familie',
		phase: 'C',
		situation:
			'Kinder aus zugewanderten Familien besuchen seltener eine Kita; Eltern kennen Anmeldeverfahren und Beratungsangebote oft nicht. Beratung für Familien ist über die Stadt verteilt. Die Verwaltung berichtet zum ersten AG-Treffen über Kita-Plätze, Wartelisten und Schulanmeldungen.',
		goals: [
			{
				title: 'Familien finden wohnortnah Beratung und Begegnung',
				description:
					'Familien sollen in ihrem Stadtteil einen Ort finden, an dem sie Beratung bekommen und andere Familien treffen.',
				specific:
					'Bis 2027 gibt es ein Familienzentrum, das Beratung, Elternbildung und offene Treffs unter einem Dach bündelt.',
				benefit: 'Ein Ort für alle Familien fördert Teilhabe und Begegnung.',
				attractiveness:
					'Attraktiv für alle Familien; Träger müssen bereit sein, Angebote zu verlagern.',
				indicator:
					'Eröffnung des Familienzentrums; Besuche pro Woche; Anteil zugewanderter Familien.',
				realism:
					'Realistisch mit Landesförderung; bindet aber viele kommunale Ressourcen, daher klare Priorisierung nötig.',
				principles: [0, 2],
				measures: [
					{
						title: 'Familienzentrum eröffnen',
						description:
							'Ein Familienzentrum mit Erziehungs- und Migrationsberatung, Elterncafé, Hebammensprechstunde und Räumen für Elterninitiativen.',
						effect: 'Familien erhalten Unterstützung an einem bekannten, leicht erreichbaren Ort.',
						targetGroup: 'Alle Familien, besonders neu zugewanderte Familien',
						benefit: 'Setzt das Ziel unmittelbar um.',
						lead: 'Fachbereich Jugend',
						contributors:
							'Freie Träger der Jugendhilfe, Kitas, Migrationsberatung, Gebäudemanagement',
						resources: 'Räume, zwei Fachkräfte, Ausstattung, Landesfördermittel',
						startDate: '2025-01-01',
						endDate: '2026-08-31',
						priority: 'hoch',
						status: 'in_umsetzung'
					},
					{
						title: 'Elterncafés an Kitas',
						description: 'Monatliche Elterncafés an drei Kitas mit Sprachmittlung.',
						effect: 'Eltern vernetzen sich und erfahren von Angeboten.',
						targetGroup: 'Eltern von Kita-Kindern',
						benefit: 'Bringt das Angebot des Familienzentrums in die Stadtteile.',
						lead: 'Kita-Fachberatung',
						contributors: 'Kita-Leitungen, Elternvertretungen, Familienzentrum',
						resources: 'Sachmittel für Bewirtung, Sprachmittlung',
						startDate: '2025-09-01',
						endDate: '2026-07-31',
						priority: 'mittel',
						status: 'geplant'
					}
				]
			},
			{
				title: 'Kinder mit Fluchterfahrung kommen schnell in Kita und Schule an',
				description:
					'Kinder, die geflüchtet sind, sollen ohne lange Wartezeit einen Platz in Kita oder Schule bekommen.',
				specific:
					'Neu zugezogene Kinder erhalten innerhalb von drei Monaten ein Kita- oder Schulangebot.',
				benefit: 'Frühe Bildung ist der Schlüssel zur Teilhabe.',
				attractiveness:
					'Attraktiv für Familien und Schulen; Kitas mit Wartelisten sehen zusätzliche Belastung.',
				indicator: 'Zeit zwischen Zuzug und erstem Kita- bzw. Schultag.',
				realism: 'Abhängig vom Platzangebot; Brückenangebote überbrücken Wartezeiten.',
				principles: [0, 3],
				measures: [
					{
						title: 'Kita-Einstiegsgruppen als Brückenangebot',
						description:
							'Spielgruppen in Unterkünften und Familienzentrum für Kinder ohne Kita-Platz.',
						effect:
							'Kinder lernen Deutsch und Gruppenalltag; Eltern lernen das Kita-System kennen.',
						targetGroup: 'Kinder von 3 bis 6 Jahren ohne Kita-Platz und ihre Eltern',
						benefit: 'Überbrückt Wartezeiten bis zum Kita-Platz.',
						lead: 'Fachbereich Jugend',
						contributors: 'Freie Träger, Ehrenamtliche',
						resources: 'Pädagogische Fachkraft, Räume, Spielmaterial',
						startDate: '2025-06-01',
						endDate: '2026-12-31',
						priority: 'hoch',
						status: 'geplant'
					},
					{
						title: 'Mehrsprachige Elterninformation zur Kita- und Schulanmeldung',
						description:
							'Faltblatt und Erklärvideo zum Anmeldeverfahren in Leichter Sprache und sechs Sprachen.',
						effect: 'Eltern melden ihre Kinder rechtzeitig an.',
						targetGroup: 'Zugewanderte Eltern',
						benefit: 'Verkürzt die Zeit bis zur Anmeldung.',
						lead: 'Schulverwaltungsamt',
						contributors: 'Kita-Fachberatung, Migrantenorganisationen',
						resources: 'Übersetzung, Produktion des Videos',
						startDate: '2025-02-01',
						endDate: '2025-06-30',
						priority: 'mittel',
						status: 'umgesetzt'
					}
				]
			}
		]
	}
];

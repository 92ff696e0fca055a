/**
 * German labels for the UI and the PDF export, in one place so that board, Steckbrief and export
 * use the same words. Field labels are short (column headers, form labels); questions are the
 * questionnaire wording from the planning concept (seed 003), shown as hints in the forms.
 */
import type { ItemType, MeasureStatus, Phase, PlanStatus, Priority } from './types';

export const ITEM_TYPE_LABELS: Record<ItemType, { singular: string; plural: string }> = {
	principle: { singular: 'Leitlinie', plural: 'Leitlinien' },
	field: { singular: 'Handlungsfeld', plural: 'Handlungsfelder' },
	goal: { singular: 'Ziel', plural: 'Ziele' },
	measure: { singular: 'Maßnahme', plural: 'Maßnahmen' }
};

/** Short labels of every field per item type (text, scalar and link fields). */
export const FIELD_LABELS = {
	principle: {
		title: 'Titel',
		statement: 'Leitsatz',
		rationale: 'Warum ist er wichtig?',
		evidence: 'Woran sieht man, dass er gelebt wird?',
		vision: 'Was hat er in 10 Jahren bewirkt?',
		implications: 'Bedeutung für die Handlungsfelder'
	},
	field: {
		title: 'Titel',
		situation: 'Ausgangslage',
		workingGroup: 'Arbeitsgruppe',
		phase: 'Phase'
	},
	goal: {
		title: 'Titel',
		description: 'Beschreibung',
		specific: 'Spezifisch und verständlich',
		benefit: 'Nutzen für die Leitlinien',
		attractiveness: 'Attraktiv – für wen, für wen nicht?',
		indicator: 'Messbar (Indikator)',
		realism: 'Realistisch',
		principleIds: 'Verknüpfte Leitlinien'
	},
	measure: {
		title: 'Titel',
		description: 'Beschreibung',
		effect: 'Beabsichtigte Wirkung',
		targetGroup: 'Zielgruppe',
		benefit: 'Nutzen für das Ziel',
		lead: 'Federführung',
		contributors: 'Beteiligte',
		resources: 'Ressourcen (Geld, Personal, Räume)',
		startDate: 'Beginn',
		endDate: 'Abschluss',
		priority: 'Priorität',
		status: 'Status'
	}
} as const satisfies Record<ItemType, Record<string, string>>;

/** Questionnaire questions (hints under the form fields), numbered as in the questionnaire. */
export const FIELD_QUESTIONS: Record<ItemType, Record<string, string>> = {
	principle: {
		statement: '(1) Wie lautet die Leitlinie?',
		rationale: '(2) Warum ist diese Leitlinie wichtig?',
		evidence:
			'(3) Woran ist in der Stadtgesellschaft sofort zu erkennen, dass die Leitlinie umgesetzt wird?',
		vision:
			'(4) Was hat die Umsetzung der Leitlinie in 10 Jahren in der Stadtgesellschaft bewirkt?',
		implications: '(5) Was bedeutet diese Leitlinie konkret für die Handlungsfelder des Konzepts?'
	},
	field: {
		situation:
			'Wie ist die Ausgangslage? Zentrale Zahlen, rechtlicher Rahmen, was sagte das bisherige Konzept?',
		workingGroup: 'Welche Arbeitsgruppe bearbeitet dieses Handlungsfeld?'
	},
	goal: {
		description: 'Worum geht es bei diesem Ziel? (öffentlicher Text des Ziels)',
		specific: '(1) Ist das Ziel spezifisch formuliert? Ist es verständlich?',
		benefit: '(2) Welchen Nutzen hat das Ziel für die Leitlinien?',
		attractiveness: '(3) Ist die Erreichung des Ziels attraktiv? Für wen? Für wen nicht?',
		indicator: '(4) Ist die Erreichung des Ziels messbar? Woran?',
		realism: '(5) Ist die Erreichung des Ziels realistisch? Wodurch wird das bestimmt?'
	},
	measure: {
		description: 'Worum geht es bei dieser Maßnahme?',
		effect: '(1) Was soll die Maßnahme bewirken?',
		targetGroup: '(1) Für wen?',
		benefit: '(2) Welchen Nutzen hat die Maßnahme für das Ziel, zu dem sie gehört?',
		lead: '(3) Wer ist für die Umsetzung verantwortlich?',
		contributors: '(3) Wer muss daran mitwirken?',
		resources: '(4) Was wird zur Umsetzung der Maßnahme benötigt (Geld, Personal, Räume)?',
		startDate: '(5) Wann soll die Maßnahme beginnen?',
		endDate: '(5) Bis wann soll die Maßnahme umgesetzt sein?'
	}
};

/** Label of any field of an item type; falls back to the raw name for unknown fields. */
export function fieldLabel(type: ItemType, field: string): string {
	return (FIELD_LABELS[type] as Record<string, string>)[field] ?? field;
}

export const PHASE_LABELS: Record<Phase, string> = {
	A: 'A – Ausgangslage',
	B: 'B – Ziele',
	C: 'C – Maßnahmen',
	D: 'D – Verwaltungsprüfung'
};

export const PRIORITY_LABELS: Record<Priority, string> = {
	'': 'ohne Priorität',
	hoch: 'hoch',
	mittel: 'mittel',
	niedrig: 'niedrig'
};

export const MEASURE_STATUS_LABELS: Record<MeasureStatus, string> = {
	idee: 'Idee',
	geplant: 'geplant',
	in_umsetzung: 'in Umsetzung',
	umgesetzt: 'umgesetzt',
	zurueckgestellt: 'zurückgestellt'
};

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = {
	entwurf: 'Entwurf',
	in_beratung: 'in Beratung',
	beschlossen: 'beschlossen'
};

/**
 * Labels of the plan PDF per reader language (`sprache`, issue 15 item 5): English readers get
 * English labels (item types, field names, statuses, priorities, phases, plan status and a few
 * words of the measure pages); every other language keeps the German labels of the official
 * document (only the content is translated). Headings of the cover, contents and appendices stay
 * German for now.
 */
import {
	FIELD_LABELS,
	ITEM_TYPE_LABELS,
	MEASURE_STATUS_LABELS,
	PHASE_LABELS,
	PLAN_STATUS_LABELS,
	PRIORITY_LABELS
} from '../domain/labels';
import type { ItemType, MeasureStatus, Phase, PlanStatus, Priority } from '../domain/types';

type FieldLabels = {
	[T in keyof typeof FIELD_LABELS]: Record<keyof (typeof FIELD_LABELS)[T], string>;
};

export interface ExportLabels {
	ITEM_TYPE_LABELS: Record<ItemType, { singular: string; plural: string }>;
	FIELD_LABELS: FieldLabels;
	MEASURE_STATUS_LABELS: Record<MeasureStatus, string>;
	PHASE_LABELS: Record<Phase, string>;
	PLAN_STATUS_LABELS: Record<PlanStatus, string>;
	PRIORITY_LABELS: Record<Priority, string>;
	/** "Maßnahmensteckbrief" */
	measureProfile: string;
	/** "Zeitraum" of a measure */
	period: string;
	/** an open start or end of the period */
	open: string;
}

const GERMAN: ExportLabels = {
	ITEM_TYPE_LABELS,
	FIELD_LABELS,
	MEASURE_STATUS_LABELS,
	PHASE_LABELS,
	PLAN_STATUS_LABELS,
	PRIORITY_LABELS,
	measureProfile: 'Maßnahmensteckbrief',
	period: 'Zeitraum',
	open: 'offen'
};

const ENGLISH: ExportLabels = {
	ITEM_TYPE_LABELS: {
		principle: { singular: 'Guiding principle', plural: 'Guiding principles' },
		field: { singular: 'Field of action', plural: 'Fields of action' },
		goal: { singular: 'Goal', plural: 'Goals' },
		measure: { singular: 'Measure', plural: 'Measures' }
	},
	FIELD_LABELS: {
		principle: {
			title: 'Title',
			statement: 'Principle',
			rationale: 'Why does it matter?',
			evidence: 'How can you tell it is lived?',
			vision: 'What will it have achieved in 10 years?',
			implications: 'Meaning for the fields of action'
		},
		field: {
			title: 'Title',
			situation: 'Starting point',
			workingGroup: 'Working group',
			phase: 'Phase'
		},
		goal: {
			title: 'Title',
			description: 'Description',
			specific: 'Specific and understandable',
			benefit: 'Benefit for the guiding principles',
			attractiveness: 'Attractive – for whom, for whom not?',
			indicator: 'Measurable (indicator)',
			realism: 'Realistic',
			principleIds: 'Linked guiding principles'
		},
		measure: {
			title: 'Title',
			description: 'Description',
			effect: 'Intended effect',
			targetGroup: 'Target group',
			benefit: 'Benefit for the goal',
			lead: 'Lead',
			contributors: 'Partners',
			resources: 'Resources (money, staff, rooms)',
			startDate: 'Start',
			endDate: 'End',
			priority: 'Priority',
			status: 'Status'
		}
	},
	MEASURE_STATUS_LABELS: {
		idee: 'idea',
		geplant: 'planned',
		in_umsetzung: 'in progress',
		umgesetzt: 'implemented',
		zurueckgestellt: 'postponed'
	},
	PHASE_LABELS: {
		A: 'A – Starting point',
		B: 'B – Goals',
		C: 'C – Measures',
		D: 'D – Administrative review'
	},
	PLAN_STATUS_LABELS: { entwurf: 'draft', in_beratung: 'under discussion', beschlossen: 'adopted' },
	PRIORITY_LABELS: { '': 'no priority', hoch: 'high', mittel: 'medium', niedrig: 'low' },
	measureProfile: 'Measure profile',
	period: 'Period',
	open: 'open'
};

/** The labels for a PDF in `sprache` (undefined = German). */
export function exportLabels(sprache: string | undefined): ExportLabels {
	return sprache === 'en' ? ENGLISH : GERMAN;
}

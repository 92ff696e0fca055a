/**
 * An open point's message ("what is missing") built from its check code and `missing` fields in a
 * given language: the Vollständigkeit page words it in the interface language (labels.ts), the
 * PDF's "Offene Punkte" appendix in the PDF's label language (export/open-points.ts). The
 * completeness_* messages it is made of are listed here once (POINT_MESSAGES) for both.
 */
import type { ItemType } from '../domain/types';
import type { OpenPoint } from '../domain/completeness';
import * as m from '../paraglide/messages/_index.js';

/** The completeness_* messages a point's sentence is made of (the page and the PDF read them). */
export const POINT_MESSAGES = {
	completeness_field_working_group: m.completeness_field_working_group,
	completeness_field_situation: m.completeness_field_situation,
	completeness_field_goals: m.completeness_field_goals,
	completeness_goal_measures: m.completeness_goal_measures,
	completeness_goal_indicator: m.completeness_goal_indicator,
	completeness_measure_lead: m.completeness_measure_lead,
	completeness_measure_resources: m.completeness_measure_resources,
	completeness_measure_target_group: m.completeness_measure_target_group,
	completeness_measure_date_order: m.completeness_measure_date_order,
	completeness_measure_verdict: m.completeness_measure_verdict,
	completeness_title_missing: m.completeness_title_missing,
	completeness_measure_dates_both: m.completeness_measure_dates_both,
	completeness_measure_dates_start: m.completeness_measure_dates_start,
	completeness_measure_dates_end: m.completeness_measure_dates_end,
	completeness_quoted: m.completeness_quoted,
	completeness_answers_missing: m.completeness_answers_missing,
	completeness_answer_missing: m.completeness_answer_missing
};

export type PointKey = keyof typeof POINT_MESSAGES;

export interface PointWords {
	say(key: PointKey, params?: Record<string, string>): string;
	typeName(type: ItemType): string;
	fieldName(type: ItemType, field: string): string;
}

const FIXED: Partial<Record<OpenPoint['code'], PointKey>> = {
	'field.workingGroup': 'completeness_field_working_group',
	'field.situation': 'completeness_field_situation',
	'field.goals': 'completeness_field_goals',
	'goal.measures': 'completeness_goal_measures',
	'goal.indicator': 'completeness_goal_indicator',
	'measure.lead': 'completeness_measure_lead',
	'measure.resources': 'completeness_measure_resources',
	'measure.targetGroup': 'completeness_measure_target_group',
	'measure.dateOrder': 'completeness_measure_date_order',
	'measure.verdict': 'completeness_measure_verdict'
};

/** What is missing, as `point.message` says it in German, in the words' language. */
export function pointMessageIn(p: OpenPoint, w: PointWords): string {
	const fixed = FIXED[p.code];
	if (fixed) return w.say(fixed);
	const missing = p.missing ?? [];
	switch (p.code) {
		case 'title':
			return w.say('completeness_title_missing', { type: w.typeName(p.itemType) });
		case 'measure.dates':
			return w.say(
				missing.length !== 1
					? 'completeness_measure_dates_both'
					: missing[0] === 'startDate'
						? 'completeness_measure_dates_start'
						: 'completeness_measure_dates_end'
			);
		default: {
			if (missing.length === 0) return p.message;
			const fields = missing
				.map((f) => w.say('completeness_quoted', { text: w.fieldName(p.itemType, f) }))
				.join(', ');
			return w.say(
				missing.length > 1 ? 'completeness_answers_missing' : 'completeness_answer_missing',
				{ fields }
			);
		}
	}
}

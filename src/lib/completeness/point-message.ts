/**
 * An open point's message ("what is missing") built from its check code and `missing` fields in a
 * given language: the Vollständigkeit page words it in the interface language (labels.ts), the
 * PDF's "Offene Punkte" appendix in the PDF's label language (export/open-points.ts).
 */
import type { ItemType } from '../domain/types';
import type { OpenPoint } from '../domain/completeness';

/** The completeness_* messages a point's sentence is made of. */
export type PointKey =
	| 'completeness_field_working_group'
	| 'completeness_field_situation'
	| 'completeness_field_goals'
	| 'completeness_goal_measures'
	| 'completeness_goal_indicator'
	| 'completeness_measure_lead'
	| 'completeness_measure_resources'
	| 'completeness_measure_target_group'
	| 'completeness_measure_date_order'
	| 'completeness_measure_verdict'
	| 'completeness_title_missing'
	| 'completeness_measure_dates_both'
	| 'completeness_measure_dates_start'
	| 'completeness_measure_dates_end'
	| 'completeness_quoted'
	| 'completeness_answers_missing'
	| 'completeness_answer_missing';

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

/**
 * Vollständigkeit in the interface language: the open points' messages and the readiness
 * counts. $lib/domain/completeness keeps its German messages for the server and the PDF (open
 * points export); the page builds the same sentences from the point's code and `missing` fields.
 */
import { m } from '$lib/i18n';
import { fieldLabel, typeLabel } from '$lib/board/labels';
import type { OpenPoint, ReadinessCount } from '$lib/domain/completeness';

const FIXED: Partial<Record<OpenPoint['code'], () => string>> = {
	'field.workingGroup': m.completeness_field_working_group,
	'field.situation': m.completeness_field_situation,
	'field.goals': m.completeness_field_goals,
	'goal.measures': m.completeness_goal_measures,
	'goal.indicator': m.completeness_goal_indicator,
	'measure.lead': m.completeness_measure_lead,
	'measure.resources': m.completeness_measure_resources,
	'measure.targetGroup': m.completeness_measure_target_group,
	'measure.dateOrder': m.completeness_measure_date_order,
	'measure.verdict': m.completeness_measure_verdict
};

/** What is missing, as `point.message` says it in German. */
export function pointMessage(p: OpenPoint): string {
	const fixed = FIXED[p.code];
	if (fixed) return fixed();
	const missing = p.missing ?? [];
	switch (p.code) {
		case 'title':
			return m.completeness_title_missing({ type: typeLabel(p.itemType) });
		case 'measure.dates':
			return missing.length !== 1
				? m.completeness_measure_dates_both()
				: missing[0] === 'startDate'
					? m.completeness_measure_dates_start()
					: m.completeness_measure_dates_end();
		default: {
			if (missing.length === 0) return p.message;
			const fields = missing
				.map((f) => m.completeness_quoted({ text: fieldLabel(p.itemType, f) }))
				.join(', ');
			return missing.length > 1
				? m.completeness_answers_missing({ fields })
				: m.completeness_answer_missing({ fields });
		}
	}
}

/** The item's name in a point: "Maßnahme „Sprachkurse“". */
export function pointItem(p: OpenPoint): string {
	const title = p.untitled ? m.completeness_untitled() : p.itemTitle;
	return m.completeness_item({ type: typeLabel(p.itemType), title });
}

/** "Gesundheit: 3 offene Punkte" / "Gesundheit: vollständig" (+ " (2 bewusst offen)"). */
export function readinessText(name: string, r: ReadinessCount): string {
	const open =
		r.open === 0 ? m.completeness_complete({ name }) : m.completeness_open({ name, count: r.open });
	return r.acknowledged > 0 ? open + m.completeness_ack_count({ count: r.acknowledged }) : open;
}

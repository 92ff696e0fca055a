/**
 * Vollständigkeit in the interface language: the open points' messages and the readiness
 * counts. $lib/domain/completeness keeps its German messages for the server and the PDF (open
 * points export); the page builds the same sentences from the point's code and `missing` fields.
 */
import { m } from '$lib/i18n';
import { fieldLabel, typeLabel } from '$lib/board/labels';
import type { OpenPoint, ReadinessCount } from '$lib/domain/completeness';
import { pointMessageIn, type PointKey, type PointWords } from './point-message';

const KEYS = {
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
} satisfies Record<PointKey, unknown>;

const UI_WORDS: PointWords = {
	say: (key, params) => (KEYS[key] as (p: Record<string, string>) => string)(params ?? {}),
	typeName: (type) => typeLabel(type),
	fieldName: fieldLabel
};

/** What is missing, as `point.message` says it in German, in the interface language. */
export function pointMessage(p: OpenPoint): string {
	return pointMessageIn(p, UI_WORDS);
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

/**
 * Board labels in the interface language: item types, fields, questionnaire hints, phases,
 * priorities, statuses and roles. The German tables in $lib/domain/labels and $lib/contract/roles
 * stay as they are for the PDF export and the server; the board UI uses these instead.
 */
import { m } from '$lib/i18n';
import type { ItemType, MeasureStatus, Phase, PlanStatus, Priority } from '$lib/domain';
import type { PlanRole } from '$lib/contract/roles';

type Text = () => string;

const TYPES: Record<ItemType, { singular: Text; plural: Text }> = {
	principle: { singular: m.board_type_principle, plural: m.board_type_principle_plural },
	field: { singular: m.board_type_field, plural: m.board_type_field_plural },
	goal: { singular: m.board_type_goal, plural: m.board_type_goal_plural },
	measure: { singular: m.board_type_measure, plural: m.board_type_measure_plural }
};

/** "Maßnahme" / "Measure" (or the plural). */
export function typeLabel(type: ItemType, number: 'singular' | 'plural' = 'singular'): string {
	return TYPES[type][number]();
}

const FIELDS: Record<ItemType, Record<string, Text>> = {
	principle: {
		title: m.board_field_principle_title,
		statement: m.board_field_principle_statement,
		rationale: m.board_field_principle_rationale,
		evidence: m.board_field_principle_evidence,
		vision: m.board_field_principle_vision,
		implications: m.board_field_principle_implications
	},
	field: {
		title: m.board_field_field_title,
		situation: m.board_field_field_situation,
		workingGroup: m.board_field_field_working_group,
		phase: m.board_field_field_phase
	},
	goal: {
		title: m.board_field_goal_title,
		description: m.board_field_goal_description,
		specific: m.board_field_goal_specific,
		benefit: m.board_field_goal_benefit,
		attractiveness: m.board_field_goal_attractiveness,
		indicator: m.board_field_goal_indicator,
		realism: m.board_field_goal_realism,
		principleIds: m.board_field_goal_principle_ids
	},
	measure: {
		title: m.board_field_measure_title,
		description: m.board_field_measure_description,
		effect: m.board_field_measure_effect,
		targetGroup: m.board_field_measure_target_group,
		benefit: m.board_field_measure_benefit,
		lead: m.board_field_measure_lead,
		contributors: m.board_field_measure_contributors,
		resources: m.board_field_measure_resources,
		startDate: m.board_field_measure_start_date,
		endDate: m.board_field_measure_end_date,
		priority: m.board_field_measure_priority,
		status: m.board_field_measure_status
	}
};

/** Short label of a field of an item type; the raw name for unknown fields. */
export function fieldLabel(type: ItemType, field: string): string {
	return FIELDS[type][field]?.() ?? field;
}

const QUESTIONS: Record<ItemType, Record<string, Text>> = {
	principle: {
		statement: m.board_question_principle_statement,
		rationale: m.board_question_principle_rationale,
		evidence: m.board_question_principle_evidence,
		vision: m.board_question_principle_vision,
		implications: m.board_question_principle_implications
	},
	field: {
		situation: m.board_question_field_situation,
		workingGroup: m.board_question_field_working_group
	},
	goal: {
		description: m.board_question_goal_description,
		specific: m.board_question_goal_specific,
		benefit: m.board_question_goal_benefit,
		attractiveness: m.board_question_goal_attractiveness,
		indicator: m.board_question_goal_indicator,
		realism: m.board_question_goal_realism
	},
	measure: {
		description: m.board_question_measure_description,
		effect: m.board_question_measure_effect,
		targetGroup: m.board_question_measure_target_group,
		benefit: m.board_question_measure_benefit,
		lead: m.board_question_measure_lead,
		contributors: m.board_question_measure_contributors,
		resources: m.board_question_measure_resources,
		startDate: m.board_question_measure_start_date,
		endDate: m.board_question_measure_end_date
	}
};

/** The questionnaire question shown as a hint under a field (undefined: none). */
export function fieldQuestion(type: ItemType, field: string): string | undefined {
	return QUESTIONS[type][field]?.();
}

const PHASES: Record<Phase, Text> = {
	A: m.board_phase_a,
	B: m.board_phase_b,
	C: m.board_phase_c,
	D: m.board_phase_d
};

/** "A – Ausgangslage" / "A – Starting point". */
export function phaseLabel(value: Phase): string {
	return PHASES[value]();
}

const PRIORITIES: Record<Priority, Text> = {
	'': m.board_priority_none,
	hoch: m.board_priority_hoch,
	mittel: m.board_priority_mittel,
	niedrig: m.board_priority_niedrig
};

/** Priority of a measure ("ohne Priorität" for none). */
export function priorityLabel(value: Priority): string {
	return PRIORITIES[value]();
}

const STATUSES: Record<MeasureStatus, Text> = {
	idee: m.board_status_idee,
	geplant: m.board_status_geplant,
	in_umsetzung: m.board_status_in_umsetzung,
	umgesetzt: m.board_status_umgesetzt,
	zurueckgestellt: m.board_status_zurueckgestellt
};

/** Status of a measure. */
export function statusLabel(value: MeasureStatus): string {
	return STATUSES[value]();
}

const PLAN_STATUSES: Record<PlanStatus, Text> = {
	entwurf: m.board_plan_status_entwurf,
	in_beratung: m.board_plan_status_in_beratung,
	beschlossen: m.board_plan_status_beschlossen
};

/** Status of the plan. */
export function planStatusLabel(value: PlanStatus): string {
	return PLAN_STATUSES[value]();
}

const ROLES: Record<PlanRole, Text> = {
	owner: m.board_role_owner,
	editor: m.board_role_editor,
	reviewer: m.board_role_reviewer,
	viewer: m.board_role_viewer
};

/** Name of a plan role. */
export function roleLabel(value: PlanRole): string {
	return ROLES[value]();
}

const ROLE_TEXTS: Record<PlanRole, Text> = {
	owner: m.board_role_description_owner,
	editor: m.board_role_description_editor,
	reviewer: m.board_role_description_reviewer,
	viewer: m.board_role_description_viewer
};

/** What a plan role may do. */
export function roleDescriptionLabel(value: PlanRole): string {
	return ROLE_TEXTS[value]();
}

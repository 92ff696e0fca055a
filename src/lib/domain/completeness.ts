/**
 * Vollständigkeit (issue 16): automatic readiness checks over one read of the plan. Each open
 * point names the item to fix (link target), a stable check id (`<code>:<itemId>`, the key under
 * which an owner can mark it "bewusst offen", see acknowledge.ts) and a clear German message.
 * Pure and linear in the plan size: recomputed on every edit (2,000 measures ≪ 16 ms, bench).
 */
import { FIELD_LABELS, ITEM_TYPE_LABELS } from './labels';
import type { ItemType, PlanJson } from './types';

export type CheckCode =
	| 'title'
	| 'principle.questions'
	| 'field.situation'
	| 'field.workingGroup'
	| 'field.goals'
	| 'goal.measures'
	| 'goal.indicator'
	| 'goal.questions'
	| 'measure.lead'
	| 'measure.resources'
	| 'measure.targetGroup'
	| 'measure.dates'
	| 'measure.dateOrder'
	| 'measure.questions'
	| 'measure.verdict';

/** An acknowledgement ("bewusst offen") as stored in the plan's meta (acknowledge.ts). */
export interface Acknowledgement {
	reason: string;
	by: string;
	at: string;
}

export interface OpenPoint {
	/** Stable id of this check on this item: `<code>:<itemId>`. */
	id: string;
	code: CheckCode;
	itemId: string;
	itemType: ItemType;
	/** Display title of the item ('Ohne Titel' if empty: German, for the server and the PDF). */
	itemTitle: string;
	/** The item has no title: the interface names it in its own language (not by `itemTitle`). */
	untitled?: true;
	/** Field the item belongs to; null for Leitlinien. */
	fieldId: string | null;
	/** What is missing, in German, without the item's name (the list shows it next to it). */
	message: string;
	/**
	 * The fields the message is about (questionnaire answers, missing dates), so the interface
	 * can say the same in its own language (src/lib/completeness/labels.ts).
	 */
	missing?: string[];
	/** Set when an owner marked the point "bewusst offen". */
	acknowledged: Acknowledgement | null;
}

export interface ReadinessCount {
	/** Points still to fix (not acknowledged). */
	open: number;
	/** Points marked "bewusst offen". */
	acknowledged: number;
}

export interface FieldReadiness extends ReadinessCount {
	fieldId: string;
	/** 'Ohne Titel' if empty (German); `untitled` says so for the interface. */
	title: string;
	untitled?: true;
}

export interface Completeness {
	/** Every point in board order (Leitlinien, then per field: field, goals, measures). */
	points: OpenPoint[];
	/** Leitlinien (not part of any field). */
	principles: ReadinessCount;
	fields: FieldReadiness[];
	plan: ReadinessCount;
}

export interface CompletenessInput {
	/**
	 * Measures with a recorded administrative verdict (Phase D; the review data lives outside the
	 * Y.Doc). Omitted = unknown: the verdict check is skipped rather than reported falsely.
	 */
	verdicts?: { has(measureId: string): boolean };
	/** "Bewusst offen" marks keyed by check id (readAcknowledgements). */
	acknowledged?: ReadonlyMap<string, Acknowledgement>;
}

/** No visible character; stops at the first one (no copy of long texts as trim() makes). */
const NON_SPACE = /\S/;
const blank = (s: string) => !NON_SPACE.test(s);
const titleOf = (s: string) => (blank(s) ? 'Ohne Titel' : s.trim());

/** Questionnaire answers checked as "empty answers" (the others have their own checks). */
const QUESTIONS = {
	principle: ['statement', 'rationale', 'evidence', 'vision', 'implications'],
	goal: ['specific', 'benefit', 'attractiveness', 'realism'],
	measure: ['effect', 'benefit']
} as const;

function missingAnswers(type: keyof typeof QUESTIONS, item: Record<string, unknown>): string[] {
	return QUESTIONS[type].filter((f) => blank(String(item[f] ?? '')));
}

function quoted(type: keyof typeof QUESTIONS, fields: string[]): string {
	const labels = FIELD_LABELS[type] as Record<string, string>;
	return fields.map((f) => `„${labels[f]}“`).join(', ');
}

function answersMessage(missing: string): string {
	return missing.includes(',')
		? `Fragebogen: Antworten fehlen zu ${missing}.`
		: `Fragebogen: Antwort fehlt zu ${missing}.`;
}

/** Run every check over `plan`. */
export function checkCompleteness(plan: PlanJson, input: CompletenessInput = {}): Completeness {
	const points: OpenPoint[] = [];
	const acks = input.acknowledged;
	let current = { itemId: '', itemType: 'field' as ItemType, itemTitle: '', fieldId: null } as {
		itemId: string;
		itemType: ItemType;
		itemTitle: string;
		untitled?: true;
		fieldId: string | null;
	};
	const add = (code: CheckCode, message: string, missing?: string[]) => {
		const id = `${code}:${current.itemId}`;
		const point: OpenPoint = { id, code, message, ...current, acknowledged: acks?.get(id) ?? null };
		if (missing) point.missing = missing;
		points.push(point);
	};
	const at = (itemId: string, itemType: ItemType, title: string, fieldId: string | null) => {
		current = {
			itemId,
			itemType,
			itemTitle: titleOf(title),
			...(blank(title) ? { untitled: true as const } : {}),
			fieldId
		};
		if (blank(title)) add('title', `${ITEM_TYPE_LABELS[itemType].singular} ohne Titel.`);
	};

	for (const p of plan.principles) {
		at(p.id, 'principle', p.title, null);
		const missing = missingAnswers('principle', p as unknown as Record<string, unknown>);
		if (missing.length > 0) {
			add('principle.questions', answersMessage(quoted('principle', missing)), missing);
		}
	}
	for (const field of plan.fields) {
		at(field.id, 'field', field.title, field.id);
		if (blank(field.workingGroup)) add('field.workingGroup', 'Keine Arbeitsgruppe zugeordnet.');
		if (blank(field.situation)) add('field.situation', 'Die Ausgangslage ist noch leer.');
		if (field.goals.length === 0) add('field.goals', 'Das Handlungsfeld hat noch keine Ziele.');
		for (const goal of field.goals) {
			at(goal.id, 'goal', goal.title, field.id);
			if (goal.measures.length === 0) add('goal.measures', 'Das Ziel hat noch keine Maßnahme.');
			if (blank(goal.indicator)) {
				add('goal.indicator', 'Kein Indikator: Woran wird die Zielerreichung gemessen (4)?');
			}
			const missing = missingAnswers('goal', goal as unknown as Record<string, unknown>);
			if (missing.length > 0) {
				add('goal.questions', answersMessage(quoted('goal', missing)), missing);
			}
			for (const m of goal.measures) {
				at(m.id, 'measure', m.title, field.id);
				if (blank(m.lead)) add('measure.lead', 'Keine Federführung angegeben (3).');
				if (blank(m.resources)) {
					add('measure.resources', 'Keine Ressourcen angegeben: Geld, Personal, Räume (4).');
				}
				if (blank(m.targetGroup)) add('measure.targetGroup', 'Keine Zielgruppe angegeben (1).');
				if (!m.startDate || !m.endDate) {
					const which =
						!m.startDate && !m.endDate
							? 'Beginn und Abschluss fehlen'
							: !m.startDate
								? 'Der Beginn fehlt'
								: 'Der Abschluss fehlt';
					const dates = [m.startDate ? '' : 'startDate', m.endDate ? '' : 'endDate'];
					add('measure.dates', `${which} (5).`, dates.filter(Boolean));
				} else if (m.endDate < m.startDate) {
					add('measure.dateOrder', 'Der Abschluss liegt vor dem Beginn.');
				}
				const missing = missingAnswers('measure', m as unknown as Record<string, unknown>);
				if (missing.length > 0) {
					add('measure.questions', answersMessage(quoted('measure', missing)), missing);
				}
				if (field.phase === 'D' && input.verdicts && !input.verdicts.has(m.id)) {
					add('measure.verdict', 'Phase D: Die Verwaltungsprüfung hat noch kein Ergebnis.');
				}
			}
		}
	}
	return summarise(plan, points);
}

function summarise(plan: PlanJson, points: OpenPoint[]): Completeness {
	const count = (): ReadinessCount => ({ open: 0, acknowledged: 0 });
	const principles = count();
	const total = count();
	const byField = new Map<string, FieldReadiness>(
		plan.fields.map((f) => [
			f.id,
			{
				fieldId: f.id,
				title: titleOf(f.title),
				...(blank(f.title) ? { untitled: true as const } : {}),
				...count()
			}
		])
	);
	for (const p of points) {
		const target = p.fieldId === null ? principles : byField.get(p.fieldId)!;
		const key = p.acknowledged ? 'acknowledged' : 'open';
		target[key]++;
		total[key]++;
	}
	return { points, principles, fields: [...byField.values()], plan: total };
}

/** "Gesundheit: 3 offene Punkte" / "Gesundheit: vollständig" (+ "2 bewusst offen"). */
export function readinessLabel(name: string, r: ReadinessCount): string {
	const open =
		r.open === 0 ? 'vollständig' : r.open === 1 ? '1 offener Punkt' : `${r.open} offene Punkte`;
	const ack = r.acknowledged > 0 ? ` (${r.acknowledged} bewusst offen)` : '';
	return `${name}: ${open}${ack}`;
}

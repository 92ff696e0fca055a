/**
 * Plan model types. A plan is one Y.Doc:
 *   doc.getMap('meta')  – plan metadata (see PlanMeta)
 *   doc.getMap('items') – flat map id → Y.Map, one per Leitlinie / Handlungsfeld / Ziel / Maßnahme
 * See docs/data-model.md for the full schema and its migrations.
 */

/** Bump when the document layout changes; add a migration in migrations.ts. */
export const SCHEMA_VERSION = 3;

export type ItemType = 'principle' | 'field' | 'goal' | 'measure';

/** Phase of a field of action: A Ausgangslage → B Ziele → C Maßnahmen → D Verwaltungsprüfung. */
export type Phase = 'A' | 'B' | 'C' | 'D';
export const PHASES: readonly Phase[] = ['A', 'B', 'C', 'D'];

export type Priority = '' | 'hoch' | 'mittel' | 'niedrig';
export const PRIORITIES: readonly Priority[] = ['', 'hoch', 'mittel', 'niedrig'];

export type MeasureStatus = 'idee' | 'geplant' | 'in_umsetzung' | 'umgesetzt' | 'zurueckgestellt';
export const MEASURE_STATUSES: readonly MeasureStatus[] = [
	'idee',
	'geplant',
	'in_umsetzung',
	'umgesetzt',
	'zurueckgestellt'
];

export type PlanStatus = 'entwurf' | 'in_beratung' | 'beschlossen';
export const PLAN_STATUSES: readonly PlanStatus[] = ['entwurf', 'in_beratung', 'beschlossen'];

/** Collaborative text fields (Y.Text in the document) per item type, in questionnaire order. */
export const TEXT_FIELDS = {
	principle: ['title', 'statement', 'rationale', 'evidence', 'vision', 'implications'],
	field: ['title', 'situation', 'workingGroup'],
	goal: ['title', 'description', 'specific', 'benefit', 'attractiveness', 'indicator', 'realism'],
	measure: [
		'title',
		'description',
		'effect',
		'targetGroup',
		'benefit',
		'lead',
		'contributors',
		'resources'
	]
} as const satisfies Record<ItemType, readonly string[]>;

export type TextField<T extends ItemType> = (typeof TEXT_FIELDS)[T][number];

/** Which parent type each item type must have (null = top level). */
export const PARENT_TYPE: Record<ItemType, ItemType | null> = {
	principle: null,
	field: null,
	goal: 'field',
	measure: 'goal'
};

export interface PlanMeta {
	schemaVersion: number;
	title: string;
	municipality: string;
	status: PlanStatus;
	createdAt: string; // ISO timestamp
	/** Förderhinweis for the PDF footer, set by the owner; '' = no notice (no default wording). */
	fundingNotice: string;
}

interface ItemBase {
	id: string;
	type: ItemType;
	parentId: string | null;
	order: string;
	title: string;
}

export interface Principle extends ItemBase {
	type: 'principle';
	/** (1) Der Leitsatz */
	statement: string;
	/** (2) Warum ist er wichtig? */
	rationale: string;
	/** (3) Woran sieht man sofort, dass er gelebt wird? */
	evidence: string;
	/** (4) Was hat er in 10 Jahren bewirkt? */
	vision: string;
	/** (5) Was bedeutet er für die Handlungsfelder? */
	implications: string;
}

export interface Field extends ItemBase {
	type: 'field';
	/** Ausgangslage */
	situation: string;
	/** Name of the Arbeitsgruppe */
	workingGroup: string;
	phase: Phase;
}

export interface Goal extends ItemBase {
	type: 'goal';
	parentId: string;
	/** The goal's public text (board, public page, PDF); the answers below stay answers. */
	description: string;
	/** (1) Spezifisch und verständlich? */
	specific: string;
	/** (2) Nutzen für die Leitlinien? */
	benefit: string;
	/** (3) Attraktiv – für wen, für wen nicht? */
	attractiveness: string;
	/** (4) Messbar – woran (Indikator)? */
	indicator: string;
	/** (5) Realistisch – was entscheidet darüber? */
	realism: string;
	/** Ids of linked Leitlinien (sorted) */
	principleIds: string[];
}

export interface Measure extends ItemBase {
	type: 'measure';
	parentId: string;
	description: string;
	/** (1) Beabsichtigte Wirkung */
	effect: string;
	/** (1) Zielgruppe */
	targetGroup: string;
	/** (2) Nutzen für das Ziel */
	benefit: string;
	/** (3) Federführung */
	lead: string;
	/** (3) Beteiligte */
	contributors: string;
	/** (4) Ressourcen: Geld, Personal, Räume */
	resources: string;
	/** (5) Beginn, ISO date YYYY-MM-DD or '' */
	startDate: string;
	/** (5) Abschluss, ISO date YYYY-MM-DD or '' */
	endDate: string;
	priority: Priority;
	status: MeasureStatus;
}

export type Item = Principle | Field | Goal | Measure;

/** The JSON shape of a whole plan (GET /api/plans/<id>; a future import reads the same). */
export interface PlanJson {
	id: string;
	schemaVersion: number;
	meta: PlanMeta;
	/** Leitlinien in board order */
	principles: Principle[];
	/** Handlungsfelder in board order, each with its goals, each with its measures */
	fields: Array<Field & { goals: Array<Goal & { measures: Measure[] }> }>;
}

export interface PlanSummary {
	id: string;
	title: string;
	municipality: string;
	status: PlanStatus;
	counts: { principles: number; fields: number; goals: number; measures: number };
}

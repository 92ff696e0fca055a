/**
 * Feedback rounds (Beteiligungsrunden) and their submissions: the types shared by the server
 * (server/feedback), the API routes and the browser. See docs/api.md "Beteiligung".
 */
import type { ContentMarks, ReaderLanguageOption } from '../domain/reader-language';

/** Derived from the dates and `closedEarly`: before the start, open, or over. */
export type RoundState = 'geplant' | 'offen' | 'beendet';

export const ROUND_STATE_LABELS: Record<RoundState, string> = {
	geplant: 'Geplant',
	offen: 'Offen',
	beendet: 'Beendet'
};

export interface Round {
	id: string;
	planId: string;
	title: string;
	/** Field ids the round covers; [] = the whole plan (every field, also ones added later). */
	fieldIds: string[];
	/** ISO timestamps */
	startsAt: string;
	endsAt: string;
	intro: string;
	/** The public link's secret (random, 128 bit+); shown again to owners, never to others. */
	token: string;
	closedEarly: boolean;
	/** ISO; set when closed early */
	closedAt: string | null;
	createdBy: string;
	createdAt: string;
}

/** What the owner's list shows: the round, its state and how many submissions it has. */
export interface RoundView extends Round {
	state: RoundState;
	submissionCount: number;
	undecidedCount: number;
	/** Public link (from GET …/rounds: ORIGIN or the request's real address). */
	url?: string;
}

export const SUBMISSION_KINDS = ['proposal_goal', 'proposal_measure', 'comment'] as const;
export type SubmissionKind = (typeof SUBMISSION_KINDS)[number];

export const SUBMISSION_KIND_LABELS: Record<SubmissionKind, string> = {
	proposal_goal: 'Vorschlag für ein Ziel',
	proposal_measure: 'Vorschlag für eine Maßnahme',
	comment: 'Anmerkung'
};

export const DECISIONS = ['adopted', 'partly_adopted', 'not_adopted'] as const;
export type Decision = (typeof DECISIONS)[number];

export const DECISION_LABELS: Record<Decision, string> = {
	adopted: 'Übernommen',
	partly_adopted: 'Teilweise übernommen',
	not_adopted: 'Nicht übernommen'
};

export interface Submission {
	id: string;
	roundId: string;
	/** #1, #2 … per round */
	number: number;
	kind: SubmissionKind;
	/** A field, goal or measure inside the round */
	targetId: string;
	title: string;
	text: string;
	/** Optional; '' = anonymous. Never published. */
	name: string;
	/** Always true (refused otherwise); when the contributor agreed */
	consentAt: string;
	createdAt: string;
	// --- triage (owner) ---
	linkedItemId: string | null;
	/** The goal/measure made from this submission */
	createdItemId: string | null;
	/** Merged as a duplicate of this submission (same round); shares its decision */
	duplicateOf: string | null;
	decision: Decision | null;
	reason: string;
	decidedBy: string | null;
	decidedAt: string | null;
}

/** One row of the consideration table (Abwägungstabelle). */
export interface ConsiderationRow {
	roundId: string;
	roundTitle: string;
	submissionId: string;
	number: number;
	kind: SubmissionKind;
	/** Title of the target item in the live plan ('' if it was deleted) */
	targetTitle: string;
	title: string;
	text: string;
	/** Only for members with the owner role (and the CSV); '' otherwise */
	name: string;
	/** The effective decision (a duplicate's comes from its original) */
	decision: Decision | null;
	/** The reason; for a merged one the German sentence „Zusammengeführt mit Beitrag #n. …“ (CSV, PDF) */
	reason: string;
	/**
	 * A merged submission: the one whose decision it takes (end of the chain) and that one's own
	 * reason, so the page words „Zusammengeführt mit …“ in the reader's language. Absent otherwise.
	 */
	mergedInto?: { number: number; reason: string };
	/** Number of the submission this one was merged into */
	duplicateOfNumber: number | null;
	/** Title of the goal/measure made from it, if any */
	createdItemTitle: string;
	createdAt: string;
}

/** Where an item on the board came from (DetailPanel "Aus der Beteiligung"). */
export interface ItemOriginEntry {
	roundId: string;
	roundTitle: string;
	submissionId: string;
	number: number;
	relation: 'created' | 'linked';
}

/** The draft the public link shows: only the round's fields with their goals and measures. */
export interface PublicDraftMeasure {
	id: string;
	title: string;
	description: string;
	status: string;
}
export interface PublicDraftGoal {
	id: string;
	title: string;
	/** The goal's public text (not the answer to questionnaire question (1)). */
	description: string;
	indicator: string;
	measures: PublicDraftMeasure[];
}
export interface PublicDraftField {
	id: string;
	title: string;
	situation: string;
	goals: PublicDraftGoal[];
}

export interface PublicRound {
	planTitle: string;
	municipality: string;
	title: string;
	intro: string;
	startsAt: string;
	endsAt: string;
	/** When it really ended (closed early or the deadline) */
	endedAt: string | null;
	state: RoundState;
	fields: PublicDraftField[];
	/** The content language asked for (`?sprache=`); null = German. */
	language: { code: string; tag: string; dir: 'ltr' | 'rtl' } | null;
	/** German and the plan's languages, for the reader's choice. */
	languages: ReaderLanguageOption[];
	/** Per item and text field: language tag, direction, German fallback (null = German). */
	marks: ContentMarks | null;
	/** Only after the round has closed; without names */
	consideration: ConsiderationRow[] | null;
	limits: { titleMax: number; textMax: number; nameMax: number };
}

export const LIMITS = {
	titleMax: 200,
	textMax: 5000,
	nameMax: 80,
	roundTitleMax: 200,
	introMax: 2000,
	reasonMax: 2000,
	fieldIdsMax: 200
} as const;

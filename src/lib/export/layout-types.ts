/**
 * The types of a laid-out PDF document (layout.ts, report-layout.ts, protocol.ts → paginate.ts):
 * the document with its cover data and blocks, the layout's inputs besides plan and options,
 * and the status marker colours.
 */
import type { Indicator } from '../domain/indicators';
import type { ContentMarks } from '../domain/reader-language';
import type { MeasureStatus } from '../domain/types';
import type { ConsiderationRow } from '../feedback/types';
import type { DecisionLogRow } from '../contract/minutes';
import type { Block } from './blocks';
import type { ExportChecks } from './checks';
import type { ExportAcknowledgements } from './open-points';

export type Rgb = readonly [number, number, number];

export const STATUS_COLORS: Record<MeasureStatus, Rgb> = {
	idee: [148, 163, 184],
	geplant: [37, 99, 235],
	in_umsetzung: [217, 119, 6],
	umgesetzt: [22, 163, 74],
	zurueckgestellt: [190, 18, 60]
};

export interface LaidOutDocument {
	/** Plan title (cleaned; "Ohne Titel" if nothing printable) */
	title: string;
	/** Document type, e.g. "Zwischenbericht" */
	typeLabel: string;
	municipality: string;
	statusLabel: string;
	dateLabel: string;
	versionLabel: string;
	/** Replaces the cover's "Stand / Datum / Version" lines (e.g. the Berichtszeitraum). */
	coverInfo?: Array<[string, string]>;
	fundingNotice: string;
	draft: boolean;
	orientation: 'portrait' | 'landscape';
	/** Deepest heading level listed in the table of contents */
	tocDepth: 1 | 2 | 3;
	blocks: Block[];
	metadata: { title: string; subject: string; author: string; keywords: string };
	/** Language of the fixed words of cover, contents and footer (default German). */
	locale?: 'de' | 'en';
}

export interface LayoutEnv {
	/** Whether the font can show a code point (characters it cannot show become U+FFFD). */
	hasGlyph?: (codePoint: number) => boolean;
	/** Today (YYYY-MM-DD) when options.date is not set. */
	today?: string;
	/** Rows of the appendix "Abwägungstabelle" (used when options.consideration). */
	consideration?: readonly ConsiderationRow[];
	/** Administrative check verdicts by measure id (shown in measure blocks and Steckbriefe). */
	checks?: ExportChecks;
	/** "Bewusst offen" marks of the plan (for the annex of open points, options.openPoints). */
	acknowledged?: ExportAcknowledgements;
	/** Indicators per goal (issue 14): a chart with target line under the goal. */
	indicators?: readonly Indicator[];
	/** Decisions of all sessions (appendix, options.decisionLog). */
	decisionLog?: readonly DecisionLogRow[];
	/** Per item and text field: whether it is shown in German for want of a translation. */
	marks?: ContentMarks | null;
}

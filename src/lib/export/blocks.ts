/**
 * The blocks a laid-out PDF document consists of (headings, paragraphs, tables, grids, …): the
 * vocabulary between the layout (layout.ts, consideration.ts, checks.ts) and the paginator.
 */
import type { Indicator } from '../domain/indicators';
import type { MeasureStatus } from '../domain/types';

type Rgb = readonly [number, number, number];

export interface HeadingBlock {
	kind: 'heading';
	/** 1 chapter, 2 Leitlinie/Ziel, 3 Maßnahme */
	level: 1 | 2 | 3;
	/** "2.1.1" or '' (unnumbered) */
	number: string;
	text: string;
	/** Listed in the table of contents */
	toc: boolean;
	/** Drawn (false = invisible anchor: only TOC entry and bookmark) */
	visible: boolean;
	/** Start a new page before this heading */
	pageBreakBefore?: boolean;
	/** Larger (Steckbrief title) */
	large?: boolean;
}

export interface KeyValueRow {
	label: string;
	value: string;
	/** Draws a status marker (colour dot) before the value */
	status?: MeasureStatus;
	/** Small muted line under the label, e.g. "(nur auf Deutsch)" for a German fallback */
	note?: string;
}

export interface GridColumn {
	title: string;
	/** Relative width */
	width: number;
	align?: 'left' | 'right';
}

/** One measure of the Gantt chart ("Zeitplan der Maßnahmen"); x/width are fractions of the axis. */
export interface TimelineRow {
	/** "2.1.1 Sprachcafé" */
	label: string;
	/** The period in words, printed under the label (the chart is never colour- or bar-only). */
	range: string;
	x: number;
	width: number;
	openStart: boolean;
	openEnd: boolean;
	status: MeasureStatus;
}

export type Block =
	| HeadingBlock
	| { kind: 'paragraph'; text: string; style?: 'body' | 'muted' | 'meta' }
	| { kind: 'label'; text: string }
	| { kind: 'table'; rows: KeyValueRow[] }
	| {
			kind: 'grid';
			columns: GridColumn[];
			/** `color`: a marker colour of another status vocabulary (e.g. the Umsetzungsstand) */
			rows: Array<{
				cells: string[];
				status?: MeasureStatus;
				color?: readonly [number, number, number];
			}>;
			/** Column that shows the status marker */
			statusColumn?: number;
	  }
	| { kind: 'legend'; items: Array<{ status: MeasureStatus; label: string; description: string }> }
	| {
			kind: 'timeline';
			ticks: Array<{ x: number; label: string }>;
			rows: TimelineRow[];
			/** title of the label column (default "Maßnahme") */
			header?: string;
	  }
	/** an indicator of the goal above: name, chart with target line, values as text */
	| {
			kind: 'indicator';
			title: string;
			indicator: Indicator;
			values: string;
			/** the chart legend's words (default "Messwerte", "Zielpfad und Zielwert") */
			legend?: { values: string; target: string };
	  }
	/** stacked share bars per row (e.g. status shares per Handlungsfeld) with a colour legend */
	| {
			kind: 'shares';
			title: string;
			rows: Array<{ label: string; segments: Array<{ value: number; color: Rgb }> }>;
			legend: Array<{ label: string; color: Rgb }>;
	  }
	| { kind: 'pageBreak' }
	| { kind: 'spacer'; height: number }
	| { kind: 'group'; blocks: Block[] };

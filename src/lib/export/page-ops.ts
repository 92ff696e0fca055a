/**
 * The paginator's vocabulary: drawing operations (mm, origin top left), pages, TOC entries, the
 * boxes that blocks become before they are placed, the page frame (size, margins, footer) and
 * small helpers shared by its phases (text op, baseline, line height, shifting an op).
 */
import type { LaidOutDocument, Rgb } from './layout';
import { isRtl, truncate, wrapText, type FontStyle, type TextMetrics } from './text';

export type Op =
	| {
			t: 'text';
			x: number;
			/** baseline */
			y: number;
			text: string;
			style: FontStyle;
			size: number;
			color: Rgb;
			align?: 'left' | 'right' | 'center';
			/** right-to-left base direction (first strong character Arabic/Hebrew) */
			rtl?: boolean;
	  }
	| { t: 'rect'; x: number; y: number; w: number; h: number; fill: Rgb }
	| {
			t: 'line';
			x1: number;
			y1: number;
			x2: number;
			y2: number;
			color: Rgb;
			width: number;
			dash?: boolean;
	  }
	| { t: 'circle'; x: number; y: number; r: number; fill: Rgb }
	| { t: 'link'; x: number; y: number; w: number; h: number; page: number }
	| { t: 'watermark'; text: string }
	| { t: 'logo'; x: number; y: number; w: number; h: number };

export interface Page {
	kind: 'cover' | 'toc' | 'content';
	ops: Op[];
}

export interface TocEntry {
	level: 1 | 2 | 3;
	number: string;
	text: string;
	/** 1-based page where the section starts */
	page: number;
	/** listed in the printed table of contents (all entries are bookmarks) */
	toc: boolean;
}

export interface PaginatedDocument {
	pages: Page[];
	/** Every heading in order (bookmarks); `toc` marks the printed TOC entries */
	entries: TocEntry[];
	width: number;
	height: number;
	/** Pages of the printed table of contents (1-based, inclusive) */
	tocPages: [number, number];
}

export const PT = 25.4 / 72;
export const COLORS = {
	text: [30, 35, 45] as Rgb,
	muted: [95, 105, 120] as Rgb,
	accent: [23, 62, 120] as Rgb,
	rule: [200, 206, 215] as Rgb,
	band: [236, 241, 248] as Rgb,
	white: [255, 255, 255] as Rgb
};

export const lineHeight = (size: number, factor = 1.38) => size * PT * factor;

export interface Box {
	height: number;
	/** space above, dropped at the top of a page */
	before?: number;
	ops: Op[];
	/** keep on the same page as the next box */
	keepNext?: boolean;
	/** set for heading boxes: index into entries */
	entry?: number;
	/** box repeated at the top of a new page before this one (grid header) */
	header?: Box;
	/** first box of a keep-together group: total height of the group */
	groupHeight?: number;
	pageBreak?: boolean;
}

export const text = (
	x: number,
	y: number,
	s: string,
	style: FontStyle,
	size: number,
	color: Rgb,
	align: 'left' | 'right' | 'center' = 'left'
): Op =>
	isRtl(s)
		? { t: 'text', x, y, text: s, style, size, color, align, rtl: true }
		: { t: 'text', x, y, text: s, style, size, color, align };
/** baseline inside a line box of height lh for a font size */
export const base = (lh: number, size: number) => (lh - size * PT) / 2 + size * PT * 0.8;

/** Page size, margins and the footer's funding notice of one document. */
export interface Frame {
	landscape: boolean;
	W: number;
	H: number;
	left: number;
	right: number;
	/** content width */
	cw: number;
	top: number;
	/** lowest y of content (above the footer) */
	bottom: number;
	metrics: TextMetrics;
	measure: (style: FontStyle, size: number) => (s: string) => number;
	footSize: number;
	footLh: number;
	footTop: number;
	noticeLines: string[];
}

export function frameOf(doc: LaidOutDocument, metrics: TextMetrics): Frame {
	const landscape = doc.orientation === 'landscape';
	const W = landscape ? 297 : 210;
	const H = landscape ? 210 : 297;
	const left = landscape ? 20 : 22;
	const right = W - left;
	const cw = right - left;
	const top = 24;

	const measure = (style: FontStyle, size: number) => (s: string) => metrics.width(s, style, size);

	// footer: funding notice (wrapped, at most 3 lines) + page number
	const footSize = 7.5;
	const footLh = lineHeight(footSize, 1.3);
	const numberWidth = 32;
	let noticeLines = wrapText(doc.fundingNotice, cw - numberWidth - 4, measure('normal', footSize));
	if (noticeLines.length > 3) {
		noticeLines = noticeLines.slice(0, 3);
		noticeLines[2] = truncate(
			noticeLines[2] + ' …',
			cw - numberWidth - 4,
			measure('normal', footSize)
		);
	}
	const footBottom = H - 10;
	const footTop = footBottom - Math.max(1, noticeLines.length) * footLh;
	const bottom = footTop - 7;
	return {
		landscape,
		W,
		H,
		left,
		right,
		cw,
		top,
		bottom,
		metrics,
		measure,
		footSize,
		footLh,
		footTop,
		noticeLines
	};
}

export function shift(op: Op, dx: number, dy: number): Op {
	switch (op.t) {
		case 'text':
		case 'circle':
			return { ...op, x: op.x + dx, y: op.y + dy };
		case 'rect':
		case 'link':
		case 'logo':
			return { ...op, x: op.x + dx, y: op.y + dy };
		case 'line':
			return { ...op, x1: op.x1 + dx, y1: op.y1 + dy, x2: op.x2 + dx, y2: op.y2 + dy };
		case 'watermark':
			return op;
	}
}

/**
 * Measure timeline (issue 16, Gantt): per Handlungsfeld the measures with dates as bars over one
 * shared axis (months, quarters or years, covering the earliest to the latest date of the plan),
 * and the measures without any date listed separately ("ohne Zeitangabe"). Pure layout in
 * fractions (0..1) of the axis, used by the app page and the PDF section alike.
 *
 * Only a start: the bar runs to the end of the axis, marked "Ende offen". Only an end: it starts
 * at the beginning of the axis, marked "Beginn offen". An end before the start (the schema refuses
 * it, old or hand-edited data may still carry it) is drawn between the two dates and flagged.
 */
import { isValidDate } from './schema';
import { MEASURE_STATUSES, type MeasureStatus, type PlanJson } from './types';

export type TimelineUnit = 'month' | 'quarter' | 'year';

export interface TimelineTick {
	/** First day of the period, YYYY-MM-DD. */
	date: string;
	/** "03/2025", "Q2 2025" or "2025". */
	label: string;
	/** Position on the axis, 0..1. */
	x: number;
}

export interface TimelineAxis {
	/** First day shown (first day of a period). */
	start: string;
	/** First day after the axis (exclusive). */
	end: string;
	unit: TimelineUnit;
	ticks: TimelineTick[];
}

export interface TimelineBar {
	measureId: string;
	/** "2.1.1", the same number as in the PDF. */
	number: string;
	/** Display title ("Ohne Titel" if empty). */
	title: string;
	status: MeasureStatus;
	/** Left edge and width as fractions of the axis (width > 0). */
	x: number;
	width: number;
	openStart: boolean;
	openEnd: boolean;
	/** The end lies before the start (drawn between the two dates). */
	reversed: boolean;
	/** The period in words: "01.03.2025 – 31.12.2026", "ab 01.03.2025, Ende offen" … */
	range: string;
	/** The valid start and end dates ('' = open), for labels in the interface language. */
	start: string;
	end: string;
}

export interface TimelineUndated {
	measureId: string;
	number: string;
	title: string;
}

export interface TimelineField {
	fieldId: string;
	/** "2", "3" … (field numbering of the PDF). */
	number: string;
	title: string;
	bars: TimelineBar[];
	undated: TimelineUndated[];
}

export interface MeasureTimeline {
	/** null when no measure of the chosen fields has a date. */
	axis: TimelineAxis | null;
	fields: TimelineField[];
	dated: number;
	undated: number;
}

const DAY = 86_400_000;
const NON_SPACE = /\S/;
const titleOf = (s: string) => (NON_SPACE.test(s) ? s.trim() : 'Ohne Titel');
const validDate = (s: unknown): s is string => typeof s === 'string' && s !== '' && isValidDate(s);

const toMs = (iso: string) =>
	Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const monthStart = (y: number, m: number) => Date.UTC(y, m, 1);

/** "2025-03-01" → "01.03.2025". */
export function dateDe(value: string): string {
	return `${value.slice(8, 10)}.${value.slice(5, 7)}.${value.slice(0, 4)}`;
}

/** The period of a measure in words (also for screen-reader tables). */
export function rangeLabel(start: string, end: string): string {
	const s = validDate(start) ? start : '';
	const e = validDate(end) ? end : '';
	if (s && e) {
		return e < s
			? `${dateDe(s)} – ${dateDe(e)} (Abschluss liegt vor dem Beginn)`
			: `${dateDe(s)} – ${dateDe(e)}`;
	}
	if (s) return `ab ${dateDe(s)}, Ende offen`;
	if (e) return `bis ${dateDe(e)}, Beginn offen`;
	return 'ohne Zeitangabe';
}

function unitFor(months: number): TimelineUnit {
	if (months <= 24) return 'month';
	if (months <= 72) return 'quarter';
	return 'year';
}

const STEP: Record<TimelineUnit, number> = { month: 1, quarter: 3, year: 12 };

function tickLabel(unit: TimelineUnit, y: number, m: number): string {
	if (unit === 'year') return String(y);
	if (unit === 'quarter') return `Q${Math.floor(m / 3) + 1} ${y}`;
	return `${String(m + 1).padStart(2, '0')}/${y}`;
}

/** Axis over whole periods from the earliest to the latest date (inclusive). */
export function timelineAxis(min: string, max: string): TimelineAxis {
	const [y0, m0] = [Number(min.slice(0, 4)), Number(min.slice(5, 7)) - 1];
	const [y1, m1] = [Number(max.slice(0, 4)), Number(max.slice(5, 7)) - 1];
	const months = (y1 - y0) * 12 + (m1 - m0) + 1;
	const unit = unitFor(months);
	const step = STEP[unit];
	// snap the start down and the end up to whole periods
	const startIndex = Math.floor((y0 * 12 + m0) / step) * step;
	const endIndex = (Math.floor((y1 * 12 + m1) / step) + 1) * step;
	const startMs = monthStart(Math.floor(startIndex / 12), startIndex % 12);
	const endMs = monthStart(Math.floor(endIndex / 12), endIndex % 12);
	const span = endMs - startMs;
	const ticks: TimelineTick[] = [];
	for (let i = startIndex; i < endIndex; i += step) {
		const y = Math.floor(i / 12);
		const m = i % 12;
		const ms = monthStart(y, m);
		ticks.push({ date: iso(ms), label: tickLabel(unit, y, m), x: (ms - startMs) / span });
	}
	return { start: iso(startMs), end: iso(endMs), unit, ticks };
}

/** Lays out the measures of `plan` (optionally only the fields in `fieldIds`). */
export function measureTimeline(plan: PlanJson, fieldIds?: readonly string[]): MeasureTimeline {
	const chosen = new Set(fieldIds ?? []);
	const numbered = plan.fields
		.map((f, i) => ({ f, number: String(i + 2) }))
		.filter(({ f }) => chosen.size === 0 || chosen.has(f.id));

	let min = '';
	let max = '';
	for (const { f } of numbered) {
		for (const g of f.goals) {
			for (const m of g.measures) {
				for (const d of [m.startDate, m.endDate]) {
					if (!validDate(d)) continue;
					if (min === '' || d < min) min = d;
					if (max === '' || d > max) max = d;
				}
			}
		}
	}
	const axis = min === '' ? null : timelineAxis(min, max);
	const a0 = axis ? toMs(axis.start) : 0;
	const span = axis ? toMs(axis.end) - a0 : 1;
	const frac = (ms: number) => Math.min(1, Math.max(0, (ms - a0) / span));

	let dated = 0;
	let undated = 0;
	const fields: TimelineField[] = numbered.map(({ f, number }) => {
		const out: TimelineField = {
			fieldId: f.id,
			number,
			title: titleOf(f.title),
			bars: [],
			undated: []
		};
		f.goals.forEach((g, gi) =>
			g.measures.forEach((m, mi) => {
				const n = `${number}.${gi + 1}.${mi + 1}`;
				const s = validDate(m.startDate) ? m.startDate : '';
				const e = validDate(m.endDate) ? m.endDate : '';
				if (!s && !e) {
					undated++;
					out.undated.push({ measureId: m.id, number: n, title: titleOf(m.title) });
					return;
				}
				dated++;
				const reversed = s !== '' && e !== '' && e < s;
				const from = s && e ? (reversed ? e : s) : s;
				const to = s && e ? (reversed ? s : e) : e;
				const left = from ? frac(toMs(from)) : 0;
				// the end day is included: the bar reaches the end of that day
				const right = to ? frac(toMs(to) + DAY) : 1;
				out.bars.push({
					measureId: m.id,
					number: n,
					title: titleOf(m.title),
					status: (MEASURE_STATUSES as readonly string[]).includes(m.status) ? m.status : 'idee',
					x: left,
					width: Math.max(right - left, 0.002),
					openStart: !s,
					openEnd: !e,
					reversed,
					range: rangeLabel(s, e),
					start: s,
					end: e
				});
			})
		);
		return out;
	});
	return { axis, fields, dated, undated };
}

/**
 * Pagination of the Gantt chart block ("Zeitplan der Maßnahmen"): a header box with the axis
 * labels (repeated at the top of every page the chart continues on) and one box per measure with
 * its number, title and period as text on the left and its bar on the right. A bar without a
 * start or an end continues as a dashed line to the edge of the axis. A field's heading keeps the
 * header and the first two rows with it; the last two rows stay together.
 */
import type { Block } from './blocks';
import { STATUS_COLORS } from './layout';
import { COLORS, base, lineHeight, text, type Box, type Frame, type Op } from './page-ops';
import { truncate, wrapText } from './text';

type TimelineBlock = Extract<Block, { kind: 'timeline' }>;

const LABEL_SIZE = 8;
const RANGE_SIZE = 7;
const TICK_SIZE = 7;
/** Solid part of a bar whose start or end is open (mm). */
const OPEN_STUB = 4;

export function timelineBoxes(f: Frame, b: TimelineBlock): Box[] {
	const { cw, measure } = f;
	const labelW = cw * (f.landscape ? 0.32 : 0.4);
	const gap = 3;
	const chartX = labelW + gap;
	const chartW = cw - chartX;
	const at = (fraction: number) => chartX + fraction * chartW;
	const tickLh = lineHeight(TICK_SIZE, 1.3);

	// label every k-th tick so that the labels never overlap
	const widest = Math.max(0, ...b.ticks.map((t) => measure('normal', TICK_SIZE)(t.label)));
	const spacing = b.ticks.length > 1 ? (b.ticks[1].x - b.ticks[0].x) * chartW : chartW;
	const every = Math.max(1, Math.ceil((widest + 2) / Math.max(spacing, 0.1)));

	const gridLines = (height: number, labelledOnly = false): Op[] =>
		b.ticks
			.filter((_, i) => !labelledOnly || i % every === 0)
			.map((t) => ({
				t: 'line' as const,
				x1: at(t.x),
				y1: 0,
				x2: at(t.x),
				y2: height,
				color: COLORS.rule,
				width: 0.15
			}));

	const headerH = tickLh + 2.4;
	const header: Box = { height: headerH, ops: [] };
	header.ops.push({ t: 'rect', x: 0, y: 0, w: cw, h: headerH, fill: COLORS.band });
	header.ops.push(
		text(1.5, 1.2 + base(tickLh, TICK_SIZE), b.header ?? 'Maßnahme', 'bold', TICK_SIZE, COLORS.text)
	);
	b.ticks.forEach((t, i) => {
		if (i % every !== 0) return;
		// the last label must stay inside the chart
		const x = Math.min(at(t.x) + 0.8, cw - measure('normal', TICK_SIZE)(t.label));
		header.ops.push(
			text(x, 1.2 + base(tickLh, TICK_SIZE), t.label, 'normal', TICK_SIZE, COLORS.text)
		);
	});
	// in the header only at labelled ticks: a line never crosses a label
	header.ops.push(...gridLines(headerH, true));
	header.ops.push({
		t: 'line',
		x1: 0,
		y1: headerH,
		x2: cw,
		y2: headerH,
		color: COLORS.rule,
		width: 0.3
	});

	const labelLh = lineHeight(LABEL_SIZE, 1.25);
	const rangeLh = lineHeight(RANGE_SIZE, 1.25);
	const pad = 1.1;
	const barH = 3.2;
	const labelMeasure = measure('normal', LABEL_SIZE);

	const rows: Box[] = b.rows.map((r, i) => {
		// the title on at most two lines, the period below it
		let lines = wrapText(r.label, labelW - 1.5, labelMeasure);
		if (lines.length > 2) {
			lines = lines.slice(0, 2);
			lines[1] = truncate(lines[1] + ' …', labelW - 1.5, labelMeasure);
		}
		const rowH = pad + lines.length * labelLh + rangeLh + pad;
		const ops: Op[] = gridLines(rowH);
		lines.forEach((l, li) =>
			ops.push(
				text(
					1.5,
					pad + li * labelLh + base(labelLh, LABEL_SIZE),
					l,
					'normal',
					LABEL_SIZE,
					COLORS.text
				)
			)
		);
		const range = truncate(r.range, labelW - 1.5, measure('normal', RANGE_SIZE));
		ops.push(
			text(
				1.5,
				pad + lines.length * labelLh + base(rangeLh, RANGE_SIZE),
				range,
				'normal',
				RANGE_SIZE,
				COLORS.muted
			)
		);
		const x0 = at(r.x);
		const x1 = at(Math.min(1, r.x + r.width));
		const y = (rowH - barH) / 2;
		const color = STATUS_COLORS[r.status];
		const dashed = (from: number, to: number): Op => ({
			t: 'line',
			x1: from,
			y1: y + barH / 2,
			x2: to,
			y2: y + barH / 2,
			color,
			width: 0.6,
			dash: true
		});
		if (r.openStart && x1 - x0 > OPEN_STUB) {
			ops.push(dashed(x0, x1 - OPEN_STUB));
			ops.push({ t: 'rect', x: x1 - OPEN_STUB, y, w: OPEN_STUB, h: barH, fill: color });
		} else if (r.openEnd && x1 - x0 > OPEN_STUB) {
			ops.push({ t: 'rect', x: x0, y, w: OPEN_STUB, h: barH, fill: color });
			ops.push(dashed(x0 + OPEN_STUB, x1));
		} else {
			// at least half a millimetre: a one-day measure stays visible
			ops.push({ t: 'rect', x: x0, y, w: Math.max(x1 - x0, 0.5), h: barH, fill: color });
		}
		ops.push({ t: 'line', x1: 0, y1: rowH, x2: cw, y2: rowH, color: COLORS.rule, width: 0.15 });
		return {
			height: rowH,
			ops,
			header,
			keepNext: (i === 0 && b.rows.length > 1) || i === b.rows.length - 2
		};
	});
	return [{ ...header, keepNext: true }, ...rows];
}

/**
 * The indicator chart under a goal in the PDF (issue 14, item 3): the same geometry as the app's
 * SVG (src/lib/indicators/chart.ts: d3-scale axes, measured values, dashed target line), drawn as
 * vector lines with jsPDF ops, kept together with the indicator's name; the values follow as a
 * line of text (the chart's data alternative, copyable and read by screen readers).
 */
import type { Block } from './blocks';
import { chartGeometry } from '../indicators/chart';
import type { Rgb } from './layout';
import { COLORS, base, lineHeight, text, type Box, type Frame, type Op } from './page-ops';
import { wrapText } from './text';

type IndicatorBlock = Extract<Block, { kind: 'indicator' }>;

const NAME_SIZE = 9;
const TICK_SIZE = 6.5;
const CHART_H = 42;
const VALUE_COLOR: Rgb = [23, 62, 120];
const TARGET_COLOR: Rgb = [22, 110, 60];

export function indicatorBoxes(f: Frame, b: IndicatorBlock): Box[] {
	const width = Math.min(f.cw, 150);
	const nameLh = lineHeight(NAME_SIZE, 1.3);
	const nameLines = wrapText(b.title, f.cw, f.measure('bold', NAME_SIZE));
	const nameBox: Box = {
		height: nameLines.length * nameLh,
		before: 2,
		keepNext: true,
		ops: nameLines.map((l, i) =>
			text(0, i * nameLh + base(nameLh, NAME_SIZE), l, 'bold', NAME_SIZE, COLORS.text)
		)
	};
	const boxes: Box[] = [nameBox];
	const geo = chartGeometry(b.indicator, {
		width,
		height: CHART_H,
		left: 14,
		right: 4,
		top: 3,
		bottom: 7
	});
	if (geo) {
		const ops: Op[] = [];
		const { box } = geo;
		const right = box.width - box.right;
		const bottom = box.height - box.bottom;
		for (const t of geo.yTicks) {
			ops.push({
				t: 'line',
				x1: box.left,
				y1: t.y,
				x2: right,
				y2: t.y,
				color: COLORS.rule,
				width: 0.15
			});
			ops.push(
				text(box.left - 1.2, t.y + 0.8, t.label, 'normal', TICK_SIZE, COLORS.muted, 'right')
			);
		}
		for (const t of geo.xTicks)
			ops.push(text(t.x, bottom + 4, t.label, 'normal', TICK_SIZE, COLORS.muted, 'center'));
		ops.push({
			t: 'line',
			x1: box.left,
			y1: bottom,
			x2: right,
			y2: bottom,
			color: COLORS.muted,
			width: 0.3
		});
		if (geo.targetLine) {
			const [a, z] = geo.targetLine;
			ops.push({
				t: 'line',
				x1: a.x,
				y1: a.y,
				x2: z.x,
				y2: z.y,
				color: TARGET_COLOR,
				width: 0.5,
				dash: true
			});
		}
		if (geo.target)
			ops.push({
				t: 'rect',
				x: geo.target.x - 1,
				y: geo.target.y - 1,
				w: 2,
				h: 2,
				fill: TARGET_COLOR
			});
		geo.points.forEach((p, i) => {
			const prev = geo.points[i - 1];
			if (prev)
				ops.push({
					t: 'line',
					x1: prev.x,
					y1: prev.y,
					x2: p.x,
					y2: p.y,
					color: VALUE_COLOR,
					width: 0.6
				});
		});
		for (const p of geo.points)
			ops.push({ t: 'circle', x: p.x, y: p.y, r: 0.8, fill: VALUE_COLOR });
		// legend
		const ly = box.height + 1.5;
		ops.push({
			t: 'line',
			x1: box.left,
			y1: ly,
			x2: box.left + 6,
			y2: ly,
			color: VALUE_COLOR,
			width: 0.6
		});
		ops.push(
			text(
				box.left + 7.5,
				ly + 0.8,
				b.legend?.values ?? 'Messwerte',
				'normal',
				TICK_SIZE,
				COLORS.muted
			)
		);
		if (geo.target) {
			ops.push({
				t: 'line',
				x1: box.left + 26,
				y1: ly,
				x2: box.left + 32,
				y2: ly,
				color: TARGET_COLOR,
				width: 0.5,
				dash: true
			});
			ops.push(
				text(
					box.left + 33.5,
					ly + 0.8,
					b.legend?.target ?? 'Zielpfad und Zielwert',
					'normal',
					TICK_SIZE,
					COLORS.muted
				)
			);
		}
		boxes.push({ height: box.height + 6, ops, keepNext: true });
	}
	const sizeV = 8;
	const lh = lineHeight(sizeV, 1.3);
	const lines = wrapText(b.values, f.cw, f.measure('normal', sizeV));
	lines.forEach((l, i) =>
		boxes.push({
			height: lh,
			ops: [text(0, base(lh, sizeV), l, 'normal', sizeV, COLORS.muted)],
			keepNext: i < lines.length - 1
		})
	);
	return boxes;
}

/**
 * Stacked share bars (the Umsetzungsbericht's "Anteile der Umsetzungsstände je Handlungsfeld"):
 * per row a label and one bar split by value, then a colour legend. Decorative next to the
 * counts table above it, which carries the same numbers as text.
 */
import type { Block } from './blocks';
import { COLORS, base, lineHeight, text, type Box, type Frame, type Op } from './page-ops';
import { truncate } from './text';

type SharesBlock = Extract<Block, { kind: 'shares' }>;

const SIZE = 8;
const BAR_H = 3.6;

export function shareBoxes(f: Frame, b: SharesBlock): Box[] {
	const lh = lineHeight(SIZE, 1.3);
	const labelW = Math.min(62, f.cw * 0.38);
	const barX = labelW + 2;
	const barW = f.cw - barX;
	const boxes: Box[] = [
		{
			height: lineHeight(8.5) + 0.5,
			before: 3,
			keepNext: true,
			ops: [text(0, base(lineHeight(8.5), 8.5), b.title.toUpperCase(), 'bold', 8.5, COLORS.muted)]
		}
	];
	b.rows.forEach((row, i) => {
		const ops: Op[] = [];
		const label = truncate(row.label, labelW, f.measure('normal', SIZE));
		const h = Math.max(lh, BAR_H) + 1.2;
		ops.push(text(0, (h - lh) / 2 + base(lh, SIZE), label, 'normal', SIZE, COLORS.text));
		const total = row.segments.reduce((n, s) => n + s.value, 0);
		const y = (h - BAR_H) / 2;
		if (total === 0) {
			ops.push({ t: 'rect', x: barX, y, w: barW, h: BAR_H, fill: COLORS.band });
		} else {
			let x = barX;
			for (const s of row.segments) {
				if (s.value <= 0) continue;
				const w = (s.value / total) * barW;
				ops.push({ t: 'rect', x, y, w, h: BAR_H, fill: s.color });
				x += w;
			}
		}
		boxes.push({ height: h, ops, keepNext: i < b.rows.length - 1 });
	});
	// legend: colour square + label, wrapped into lines
	const items = b.legend.map((l) => ({ ...l, w: 4 + f.measure('normal', 7)(l.label) + 5 }));
	let lineOps: Op[] = [];
	let x = 0;
	const legendLh = lineHeight(7, 1.4);
	const flush = (last: boolean) => {
		boxes.push({
			height: legendLh,
			ops: lineOps,
			before: boxes.length === b.rows.length + 1 ? 1.5 : 0,
			keepNext: !last
		});
		lineOps = [];
		x = 0;
	};
	items.forEach((it) => {
		if (x > 0 && x + it.w > f.cw) flush(false);
		lineOps.push({ t: 'rect', x, y: legendLh / 2 - 1.2, w: 2.4, h: 2.4, fill: it.color });
		lineOps.push(text(x + 3.4, base(legendLh, 7), it.label, 'normal', 7, COLORS.muted));
		x += it.w;
	});
	if (lineOps.length) flush(true);
	return boxes;
}

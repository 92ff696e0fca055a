/**
 * Pagination phase 1: laid-out blocks (headings, paragraphs, labels, tables, grids, legends,
 * keep-together groups) → boxes of drawing operations with heights and keep rules. Headings
 * register their TOC/bookmark entry (page filled in when placed).
 */
import { STATUS_COLORS, type Block, type Rgb } from './layout';
import { isRtl, truncate, wrapText, type FontStyle } from './text';
import {
	COLORS,
	base,
	lineHeight,
	text,
	type Box,
	type Frame,
	type Op,
	type TocEntry
} from './page-ops';

export type BoxBuilder = ReturnType<typeof createBoxBuilder>;

export function createBoxBuilder(f: Frame, entries: TocEntry[]) {
	const { cw, metrics, measure } = f;

	/** Lines of a paragraph as boxes (first/last lines kept with neighbours: no orphans/widows). */
	const paragraphBoxes = (
		s: string,
		style: FontStyle,
		size: number,
		color: Rgb,
		x: number,
		width: number,
		before = 0
	): Box[] => {
		const lh = lineHeight(size);
		const lines = wrapText(s, width, measure(style, size));
		const rtl = isRtl(s);
		return lines.map((l, i) => ({
			height: lh,
			before: i === 0 ? before : 0,
			keepNext: (i === 0 && lines.length > 1) || (i === lines.length - 2 && lines.length > 2),
			ops:
				l === ''
					? []
					: [
							rtl
								? text(x + width, base(lh, size), l, style, size, color, 'right')
								: text(x, base(lh, size), l, style, size, color)
						]
		}));
	};

	const headingBoxes = (b: Extract<Block, { kind: 'heading' }>): Box[] => {
		const index = entries.length;
		entries.push({ level: b.level, number: b.number, text: b.text, page: 0, toc: b.toc });
		if (!b.visible) return [{ height: 0, ops: [], entry: index, keepNext: true }];
		const size = b.large ? 17 : b.level === 1 ? 16 : b.level === 2 ? 13 : 11;
		const color = b.level === 3 && !b.large ? COLORS.text : COLORS.accent;
		const lh = lineHeight(size, 1.25);
		const numW = b.number ? metrics.width(b.number, 'bold', size) + 3.5 : 0;
		let lines = wrapText(b.text, cw - numW, measure('bold', size));
		if (lines.length > 6) {
			lines = lines.slice(0, 6);
			lines[5] = truncate(lines[5] + ' …', cw - numW, measure('bold', size));
		}
		const before = b.level === 1 ? 6 : b.level === 2 ? 5 : 4;
		const after = b.level === 1 ? 3 : 1.8;
		const ops: Op[] = [];
		if (b.number) ops.push(text(0, base(lh, size), b.number, 'bold', size, color));
		lines.forEach((l, i) => ops.push(text(numW, i * lh + base(lh, size), l, 'bold', size, color)));
		let height = lines.length * lh + after;
		if (b.level === 1) {
			ops.push({
				t: 'line',
				x1: 0,
				y1: height - 1.2,
				x2: cw,
				y2: height - 1.2,
				color: COLORS.rule,
				width: 0.4
			});
			height += 1;
		}
		return [{ height, before, ops, keepNext: true, entry: index, pageBreak: b.pageBreakBefore }];
	};

	const labelW = Math.min(52, cw * 0.3);
	const tableBoxes = (rows: Extract<Block, { kind: 'table' }>['rows']): Box[] => {
		const out: Box[] = [];
		const vSize = 9.5;
		const lSize = 8.5;
		const lh = lineHeight(vSize);
		const pad = 1.6;
		const valueX = labelW + 3;
		const valueW = cw - valueX;
		rows.forEach((row, rowIndex) => {
			const labelLines = wrapText(row.label, labelW - 1, measure('bold', lSize));
			const marker = row.status ? 4 : 0;
			const valueLines = wrapText(row.value, valueW - marker, measure('normal', vSize));
			const rtl = isRtl(row.value);
			const n = Math.max(labelLines.length, valueLines.length, 1);
			for (let i = 0; i < n; i++) {
				const firstLine = i === 0;
				const lastLine = i === n - 1;
				const yTop = firstLine ? pad : 0;
				const ops: Op[] = [];
				if (firstLine) {
					ops.push({ t: 'line', x1: 0, y1: 0, x2: cw, y2: 0, color: COLORS.rule, width: 0.2 });
					if (row.status) {
						ops.push({
							t: 'circle',
							x: valueX + 1.4,
							y: yTop + lh / 2,
							r: 1.3,
							fill: STATUS_COLORS[row.status]
						});
					}
				}
				const l = labelLines[i];
				if (l) ops.push(text(0, yTop + base(lh, lSize), l, 'bold', lSize, COLORS.muted));
				const v = valueLines[i];
				if (v) {
					ops.push(
						rtl
							? text(cw, yTop + base(lh, vSize), v, 'normal', vSize, COLORS.text, 'right')
							: text(valueX + marker, yTop + base(lh, vSize), v, 'normal', vSize, COLORS.text)
					);
				}
				out.push({
					height: lh + (firstLine ? pad : 0) + (lastLine ? pad : 0),
					ops,
					// short rows stay together; long ones keep at least two lines on each page
					keepNext:
						(!lastLine && (n <= 6 || i === 0 || i === n - 2)) ||
						(lastLine && rowIndex === rows.length - 2)
				});
			}
		});
		if (out.length > 0) {
			out[out.length - 1].ops.push({
				t: 'line',
				x1: 0,
				y1: out[out.length - 1].height,
				x2: cw,
				y2: out[out.length - 1].height,
				color: COLORS.rule,
				width: 0.2
			});
		}
		return out;
	};

	const gridBoxes = (b: Extract<Block, { kind: 'grid' }>): Box[] => {
		const size = 8.5;
		const lh = lineHeight(size, 1.3);
		const pad = 1.4;
		const total = b.columns.reduce((n, c) => n + c.width, 0);
		const xs: number[] = [];
		let acc = 0;
		for (const c of b.columns) {
			xs.push((acc / total) * cw);
			acc += c.width;
		}
		const widths = b.columns.map((c) => (c.width / total) * cw - 3);
		const rowBox = (cells: string[], style: FontStyle, fill: Rgb | null, status?: Rgb): Box => {
			const cellLines = cells.map((c, i) => {
				const w = widths[i] - (status && i === b.statusColumn ? 3.5 : 0);
				let lines = wrapText(c, w, measure(style, size));
				if (lines.length > 6) {
					lines = lines.slice(0, 6);
					lines[5] = truncate(lines[5] + ' …', w, measure(style, size));
				}
				return lines;
			});
			const n = Math.max(1, ...cellLines.map((l) => l.length));
			const height = n * lh + 2 * pad;
			const ops: Op[] = [];
			if (fill) ops.push({ t: 'rect', x: 0, y: 0, w: cw, h: height, fill });
			cellLines.forEach((lines, ci) => {
				const col = b.columns[ci];
				const marker = status && ci === b.statusColumn ? 3.5 : 0;
				if (marker)
					ops.push({ t: 'circle', x: xs[ci] + 1.8, y: pad + lh / 2, r: 1.2, fill: status! });
				lines.forEach((l, li) => {
					const y = pad + li * lh + base(lh, size);
					if (col.align === 'right')
						ops.push(text(xs[ci] + widths[ci] + 1.5, y, l, style, size, COLORS.text, 'right'));
					else if (isRtl(l))
						ops.push(text(xs[ci] + 1.5 + widths[ci], y, l, style, size, COLORS.text, 'right'));
					else ops.push(text(xs[ci] + 1.5 + marker, y, l, style, size, COLORS.text));
				});
			});
			ops.push({
				t: 'line',
				x1: 0,
				y1: height,
				x2: cw,
				y2: height,
				color: COLORS.rule,
				width: 0.2
			});
			return { height, ops };
		};
		const header = rowBox(
			b.columns.map((c) => c.title),
			'bold',
			COLORS.band
		);
		const rows = b.rows.map((r) => {
			const box = rowBox(r.cells, 'normal', null, r.status ? STATUS_COLORS[r.status] : undefined);
			box.header = header;
			return box;
		});
		return [{ ...header, keepNext: true, header: undefined }, ...rows];
	};

	const legendBoxes = (b: Extract<Block, { kind: 'legend' }>): Box[] => {
		const size = 9.5;
		const lh = lineHeight(size);
		const labelWidth = 32;
		return b.items.flatMap((item) => {
			const lines = wrapText(item.description, cw - labelWidth - 6, measure('normal', size));
			return lines.map((l, i) => {
				const ops: Op[] = [];
				if (i === 0) {
					ops.push({ t: 'circle', x: 1.5, y: lh / 2, r: 1.4, fill: STATUS_COLORS[item.status] });
					ops.push(text(5, base(lh, size), item.label, 'bold', size, COLORS.text));
				}
				ops.push(text(labelWidth + 6, base(lh, size), l, 'normal', size, COLORS.muted));
				return { height: lh, ops, keepNext: i < lines.length - 1 };
			});
		});
	};

	const boxesOf = (b: Block): Box[] => {
		switch (b.kind) {
			case 'heading':
				return headingBoxes(b);
			case 'paragraph':
				return b.style === 'meta'
					? paragraphBoxes(b.text, 'normal', 9, COLORS.muted, 0, cw, 0).map((x, i, all) =>
							i === all.length - 1 ? { ...x, height: x.height + 2 } : x
						)
					: paragraphBoxes(
							b.text,
							'normal',
							10,
							b.style === 'muted' ? COLORS.muted : COLORS.text,
							0,
							cw,
							1
						);
			case 'label':
				return [
					{
						height: lineHeight(8.5) + 0.5,
						before: 2,
						keepNext: true,
						ops: [
							text(0, base(lineHeight(8.5), 8.5), b.text.toUpperCase(), 'bold', 8.5, COLORS.muted)
						]
					}
				];
			case 'table':
				return tableBoxes(b.rows);
			case 'grid':
				return gridBoxes(b);
			case 'legend':
				return legendBoxes(b);
			case 'pageBreak':
				return [{ height: 0, ops: [], pageBreak: true }];
			case 'spacer':
				return [{ height: b.height, ops: [] }];
			case 'group': {
				const inner = b.blocks.flatMap(boxesOf);
				if (inner.length > 0) {
					inner[0] = {
						...inner[0],
						groupHeight: inner.reduce((n, x, i) => n + x.height + (i > 0 ? (x.before ?? 0) : 0), 0)
					};
				}
				return inner;
			}
		}
	};

	return { paragraphBoxes, headingBoxes, boxesOf };
}

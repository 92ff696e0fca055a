/**
 * Pagination phase 1: laid-out blocks (headings, paragraphs, labels, tables, grids, legends,
 * keep-together groups) → boxes of drawing operations with heights and keep rules. Headings
 * register their TOC/bookmark entry (page filled in when placed).
 */
import { STATUS_COLORS, type Block, type Rgb } from './layout';
import { truncate, wrapDirected, wrapText, type FontStyle } from './text';
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
import { timelineBoxes } from './timeline-boxes';
import { indicatorBoxes } from './indicator-boxes';
import { shareBoxes } from './share-boxes';

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
		// each line keeps the direction of its paragraph (Unicode bidi), not of its first word
		const lines = wrapDirected(s, width, measure(style, size));
		return lines.map(({ text: l, rtl }, i) => ({
			height: lh,
			before: i === 0 ? before : 0,
			keepNext: (i === 0 && lines.length > 1) || (i === lines.length - 2 && lines.length > 2),
			ops:
				l === ''
					? []
					: [
							rtl
								? text(x + width, base(lh, size), l, style, size, color, 'right', true)
								: text(x, base(lh, size), l, style, size, color, 'left', false)
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
			const labelLines: Array<{ text: string; note?: boolean }> = wrapText(
				row.label,
				labelW - 1,
				measure('bold', lSize)
			).map((l) => ({ text: l }));
			if (row.note) {
				for (const l of wrapText(row.note, labelW - 1, measure('normal', 7.5))) {
					labelLines.push({ text: l, note: true });
				}
			}
			const marker = row.status ? 4 : 0;
			const valueLines = wrapDirected(row.value, valueW - marker, measure('normal', vSize));
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
				if (l?.note) ops.push(text(0, yTop + base(lh, 7.5), l.text, 'normal', 7.5, COLORS.muted));
				else if (l) ops.push(text(0, yTop + base(lh, lSize), l.text, 'bold', lSize, COLORS.muted));
				const v = valueLines[i];
				if (v?.text) {
					const y = yTop + base(lh, vSize);
					ops.push(
						v.rtl
							? text(cw, y, v.text, 'normal', vSize, COLORS.text, 'right', true)
							: text(valueX + marker, y, v.text, 'normal', vSize, COLORS.text, 'left', false)
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
		const cellWidth = (i: number, status?: Rgb) =>
			widths[i] - (status && i === b.statusColumn ? 3.5 : 0);
		const drawLine = (
			ops: Op[],
			ci: number,
			line: { text: string; rtl: boolean } | undefined,
			y: number,
			style: FontStyle,
			marker: number
		) => {
			if (!line?.text) return;
			const col = b.columns[ci];
			const l = line.text;
			if (col.align === 'right')
				ops.push(text(xs[ci] + widths[ci] + 1.5, y, l, style, size, COLORS.text, 'right'));
			else if (line.rtl)
				ops.push(text(xs[ci] + 1.5 + widths[ci], y, l, style, size, COLORS.text, 'right', true));
			else ops.push(text(xs[ci] + 1.5 + marker, y, l, style, size, COLORS.text, 'left', false));
		};
		const rule = (y: number): Op => ({
			t: 'line',
			x1: 0,
			y1: y,
			x2: cw,
			y2: y,
			color: COLORS.rule,
			width: 0.2
		});
		// header: one box, at most two lines per title
		const headerLines = b.columns.map((c, i) =>
			wrapDirected(c.title, cellWidth(i), measure('bold', size)).slice(0, 2)
		);
		const hn = Math.max(1, ...headerLines.map((l) => l.length));
		const header: Box = { height: hn * lh + 2 * pad, ops: [] };
		header.ops.push({ t: 'rect', x: 0, y: 0, w: cw, h: header.height, fill: COLORS.band });
		headerLines.forEach((lines, ci) =>
			lines.forEach((l, li) =>
				drawLine(header.ops, ci, l, pad + li * lh + base(lh, size), 'bold', 0)
			)
		);
		header.ops.push(rule(header.height));
		/**
		 * A row as one box per text line, so every cell is printed completely (a citizen's
		 * contribution in the Abwägungstabelle is never cut): short rows (up to 6 lines) stay
		 * together, a longer row may continue on the next page (header repeated) with at least two
		 * lines on each page.
		 */
		const rowBoxes = (cells: string[], status?: Rgb, beforeLast = false): Box[] => {
			const cellLines = cells.map((c, i) =>
				wrapDirected(c, cellWidth(i, status), measure('normal', size))
			);
			const n = Math.max(1, ...cellLines.map((l) => l.length));
			const out: Box[] = [];
			const token = {};
			for (let li = 0; li < n; li++) {
				const first = li === 0;
				const last = li === n - 1;
				const top = first ? pad : 0;
				const ops: Op[] = [];
				const cells: number[] = [];
				cellLines.forEach((lines, ci) => {
					const marker = status && ci === b.statusColumn ? 3.5 : 0;
					if (marker && first)
						ops.push({ t: 'circle', x: xs[ci] + 1.8, y: pad + lh / 2, r: 1.2, fill: status! });
					drawLine(ops, ci, lines[li], top + base(lh, size), 'normal', marker);
					while (cells.length < ops.length) cells.push(ci);
				});
				const height = lh + top + (last ? pad : 0);
				if (last) {
					ops.push(rule(height));
					cells.push(cells.length > 0 ? b.columns.length : 0);
				}
				out.push({
					height,
					ops,
					row: token,
					cells,
					header,
					keepNext: (!last && (n <= 6 || first || li === n - 2)) || (last && beforeLast)
				});
			}
			return out;
		};
		const rows = b.rows.flatMap((r, i) =>
			rowBoxes(
				r.cells,
				r.color ?? (r.status ? STATUS_COLORS[r.status] : undefined),
				i === b.rows.length - 2
			)
		);
		return [{ ...header, keepNext: true }, ...rows];
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
			case 'timeline':
				return timelineBoxes(f, b);
			case 'indicator':
				return indicatorBoxes(f, b);
			case 'shares':
				return shareBoxes(f, b);
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

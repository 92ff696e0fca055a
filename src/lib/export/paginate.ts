/**
 * Pagination: laid-out blocks → pages of absolute drawing operations (mm, origin top left),
 * plus the table of contents with real page numbers and the bookmark tree. Pure; text widths
 * come from the injected TextMetrics, so tests can paginate without jsPDF.
 *
 * Order of work: the content is paginated on its own first, the table of contents is then laid
 * out (its length does not depend on the numbers: a fixed column is reserved for them), and the
 * content's page numbers are shifted by cover + TOC pages. Header, footer ("Seite x von y" and
 * the funding notice) and the watermark are added last, when the page count is known.
 */
import { STATUS_COLORS, type Block, type LaidOutDocument, type Rgb } from './layout';
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
const COLORS = {
	text: [30, 35, 45] as Rgb,
	muted: [95, 105, 120] as Rgb,
	accent: [23, 62, 120] as Rgb,
	rule: [200, 206, 215] as Rgb,
	band: [236, 241, 248] as Rgb,
	white: [255, 255, 255] as Rgb
};

const lineHeight = (size: number, factor = 1.38) => size * PT * factor;

interface Box {
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

export interface PaginateOptions {
	/** Reserve space for a logo on the cover */
	logo?: { width: number; height: number };
}

export function paginate(
	doc: LaidOutDocument,
	metrics: TextMetrics,
	opts: PaginateOptions = {}
): PaginatedDocument {
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

	const entries: TocEntry[] = [];

	// ---------- blocks → boxes ----------
	const text = (
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
	const base = (lh: number, size: number) => (lh - size * PT) / 2 + size * PT * 0.8;

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

	// ---------- placing boxes on pages ----------
	const place = (boxes: Box[], startTop: number, kind: Page['kind']) => {
		const pages: Page[] = [];
		let page: Page | null = null;
		let y = startTop;
		const avail = bottom - startTop;
		const newPage = () => {
			page = { kind, ops: [] };
			pages.push(page);
			y = startTop;
		};
		newPage();
		// what must fit after box i (keep-with-next chains, capped at one page)
		const keepWith: number[] = new Array(boxes.length).fill(0);
		for (let i = boxes.length - 2; i >= 0; i--) {
			if (!boxes[i].keepNext) continue;
			const next = boxes[i + 1];
			if (next.pageBreak) continue;
			const nextH =
				next.groupHeight !== undefined && next.groupHeight <= avail
					? next.groupHeight
					: next.height + (next.before ?? 0) + (next.keepNext ? keepWith[i + 1] : 0);
			keepWith[i] = Math.min(nextH, avail);
		}
		boxes.forEach((box, i) => {
			if (box.pageBreak && y > startTop) newPage();
			const atTop = y <= startTop + 0.01;
			const before = atTop ? 0 : (box.before ?? 0);
			let need = before + box.height + keepWith[i];
			// a keep-together group (a measure) moves to the next page as a whole, unless that would
			// leave more than 40 % of this page empty: then it may break between table rows (its
			// heading stays with the first rows, the last two rows stay together)
			if (box.groupHeight !== undefined && box.groupHeight <= avail && bottom - y < 0.4 * avail) {
				need = Math.max(need, before + box.groupHeight);
			}
			if (!atTop && y + need > bottom + 0.01) {
				newPage();
				if (box.header) emit(box.header);
			} else y += before;
			emit(box);
			if (box.entry !== undefined) entries[box.entry].page = pages.length; // relative for now
		});
		function emit(box: Box) {
			for (const op of box.ops) page!.ops.push(shift(op, left, y));
			y += box.height;
		}
		return pages;
	};

	const contentBoxes = doc.blocks.flatMap(boxesOf);
	const contentPages = place(contentBoxes, top, 'content');
	const contentEntries = entries.slice();

	// ---------- table of contents ----------
	const tocBoxes: Box[] = [];
	const tocTitle = headingBoxes({
		kind: 'heading',
		level: 1,
		number: '',
		text: 'Inhalt',
		toc: false,
		visible: true
	});
	entries.pop(); // "Inhalt" itself is no section of the document
	delete tocTitle[0].entry;
	tocBoxes.push(...tocTitle);
	const tocRefs: Array<{ box: Box; entry: number; lineY: number; textEnd: number }> = [];
	contentEntries.forEach((e, index) => {
		if (!e.toc || e.level > doc.tocDepth) return;
		const size = e.level === 1 ? 10.5 : 9.5;
		const style: FontStyle = e.level === 1 ? 'bold' : 'normal';
		const lh = lineHeight(size, 1.35);
		const indent = (e.level - 1) * 7;
		const numCol = e.level === 1 ? 9 : e.level === 2 ? 11 : 13;
		const textX = indent + (e.number ? numCol : 0);
		const textW = cw - textX - 16;
		let lines = wrapText(e.text, textW, measure(style, size));
		if (lines.length > 2)
			lines = [lines[0], truncate(lines[1] + ' …', textW, measure(style, size))];
		const ops: Op[] = [];
		const before = e.level === 1 ? 2.5 : 0.4;
		if (e.number) ops.push(text(indent, base(lh, size), e.number, style, size, COLORS.text));
		lines.forEach((l, li) =>
			ops.push(text(textX, li * lh + base(lh, size), l, style, size, COLORS.text))
		);
		const lastY = (lines.length - 1) * lh + base(lh, size);
		const lastEnd = textX + metrics.width(lines[lines.length - 1] ?? '', style, size);
		const box: Box = { height: lines.length * lh, before, ops, keepNext: false };
		tocRefs.push({ box, entry: index, lineY: lastY, textEnd: lastEnd });
		tocBoxes.push(box);
	});
	if (tocRefs.length === 0) {
		tocBoxes.push(
			...paragraphBoxes('Dieses Dokument hat keine Abschnitte.', 'normal', 10, COLORS.muted, 0, cw)
		);
	}
	// page numbers are drawn after the shift is known; add placeholders as closures
	const tocPagesCount = (() => {
		// dry run to count pages (ops are copied, so the real run below starts clean)
		return place(tocBoxes, top, 'toc').length;
	})();
	const offset = 1 + tocPagesCount; // cover + TOC
	contentEntries.forEach((e) => (e.page += offset));
	for (const ref of tocRefs) {
		const e = contentEntries[ref.entry];
		const size = e.level === 1 ? 10.5 : 9.5;
		const style: FontStyle = e.level === 1 ? 'bold' : 'normal';
		const num = String(e.page);
		const numX = cw;
		const numStart = cw - metrics.width(num, style, size);
		ref.box.ops.push(text(numX, ref.lineY, num, style, size, COLORS.text, 'right'));
		if (numStart - ref.textEnd > 6) {
			ref.box.ops.push({
				t: 'line',
				x1: ref.textEnd + 2,
				y1: ref.lineY,
				x2: numStart - 2,
				y2: ref.lineY,
				color: COLORS.rule,
				width: 0.3,
				dash: true
			});
		}
		ref.box.ops.push({ t: 'link', x: 0, y: 0, w: cw, h: ref.box.height, page: e.page });
	}
	const tocPages = place(tocBoxes, top, 'toc');
	// the TOC pass must not move the headings: restore their entries
	entries.length = 0;
	entries.push(...contentEntries);

	// ---------- cover ----------
	const cover: Page = { kind: 'cover', ops: [] };
	{
		const ops = cover.ops;
		ops.push({ t: 'rect', x: 0, y: 0, w: 9, h: H, fill: COLORS.accent });
		if (opts.logo && opts.logo.width > 0 && opts.logo.height > 0) {
			const maxW = 55;
			const maxH = 28;
			const scale = Math.min(maxW / opts.logo.width, maxH / opts.logo.height);
			const w = opts.logo.width * scale;
			const h = opts.logo.height * scale;
			ops.push({ t: 'logo', x: right - w, y: 18, w, h });
		}
		let y = landscape ? 58 : 88;
		const typeSize = 14;
		ops.push(text(left, y, doc.typeLabel.toUpperCase(), 'bold', typeSize, COLORS.accent));
		y += 6;
		const tSize = landscape ? 26 : 28;
		const tLh = lineHeight(tSize, 1.18);
		let tLines = wrapText(doc.title, cw, measure('bold', tSize));
		if (tLines.length > 5) {
			tLines = tLines.slice(0, 5);
			tLines[4] = truncate(tLines[4] + ' …', cw, measure('bold', tSize));
		}
		for (const l of tLines) {
			y += tLh;
			ops.push(
				isRtl(l)
					? text(right, y, l, 'bold', tSize, COLORS.text, 'right')
					: text(left, y, l, 'bold', tSize, COLORS.text)
			);
		}
		if (doc.municipality) {
			y += 11;
			for (const l of wrapText(doc.municipality, cw, measure('normal', 16)).slice(0, 2)) {
				ops.push(text(left, y, l, 'normal', 16, COLORS.muted));
				y += lineHeight(16);
			}
		}
		y += 8;
		ops.push({
			t: 'line',
			x1: left,
			y1: y,
			x2: left + 60,
			y2: y,
			color: COLORS.accent,
			width: 0.8
		});
		y += 10;
		const info: Array<[string, string]> = [
			['Stand', doc.statusLabel],
			['Datum', doc.dateLabel]
		];
		if (doc.versionLabel) info.push(['Version', doc.versionLabel]);
		for (const [k, v] of info) {
			ops.push(text(left, y, k, 'bold', 10, COLORS.muted));
			ops.push(text(left + 24, y, v, 'normal', 11, COLORS.text));
			y += 7;
		}
	}

	// ---------- assemble, header, footer, watermark ----------
	const pages: Page[] = [cover, ...tocPages, ...contentPages];
	const total = pages.length;
	const headerTitle = truncate(doc.title, cw * 0.62, measure('normal', 8));
	const headerType = truncate(doc.typeLabel, cw * 0.34, measure('normal', 8));
	pages.forEach((page, i) => {
		const decor: Op[] = [];
		if (doc.draft) decor.push({ t: 'watermark', text: 'ENTWURF' });
		if (page.kind !== 'cover') {
			decor.push(text(left, 14, headerTitle, 'normal', 8, COLORS.muted));
			decor.push(text(right, 14, headerType, 'normal', 8, COLORS.muted, 'right'));
			decor.push({
				t: 'line',
				x1: left,
				y1: 16.5,
				x2: right,
				y2: 16.5,
				color: COLORS.rule,
				width: 0.3
			});
		}
		decor.push({
			t: 'line',
			x1: left,
			y1: footTop - 3,
			x2: right,
			y2: footTop - 3,
			color: COLORS.rule,
			width: 0.3
		});
		noticeLines.forEach((l, li) =>
			decor.push(
				text(
					left,
					footTop + li * footLh + base(footLh, footSize),
					l,
					'normal',
					footSize,
					COLORS.muted
				)
			)
		);
		decor.push(
			text(
				right,
				footTop + base(footLh, footSize),
				`Seite ${i + 1} von ${total}`,
				'normal',
				footSize,
				COLORS.muted,
				'right'
			)
		);
		page.ops = [
			...decor.slice(0, doc.draft ? 1 : 0),
			...page.ops,
			...decor.slice(doc.draft ? 1 : 0)
		];
	});

	return {
		pages,
		entries: contentEntries,
		width: W,
		height: H,
		tocPages: [2, 1 + tocPages.length]
	};
}

function shift(op: Op, dx: number, dy: number): Op {
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

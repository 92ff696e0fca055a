/**
 * Pagination phase 3: the printed table of contents. Laid out once to count its pages (its
 * length does not depend on the numbers: a fixed column is reserved for them), then the content
 * entries are shifted by cover + TOC pages and the numbers, dot leaders and links are added.
 */
import type { LaidOutDocument } from './layout';
import { truncate, wrapText, type FontStyle } from './text';
import type { BoxBuilder } from './boxes';
import {
	COLORS,
	base,
	lineHeight,
	text,
	type Box,
	type Frame,
	type Op,
	type Page,
	type TocEntry
} from './page-ops';
import { placeBoxes } from './place';
import { pdfText } from './labels';

/** The TOC pages; shifts contentEntries' pages by cover + TOC (entries ends as contentEntries). */
export function tocPages(
	f: Frame,
	doc: LaidOutDocument,
	entries: TocEntry[],
	contentEntries: TocEntry[],
	boxes: BoxBuilder
): Page[] {
	const { cw, top, metrics, measure } = f;
	const { headingBoxes, paragraphBoxes } = boxes;
	const tocBoxes: Box[] = [];
	const tocTitle = headingBoxes({
		kind: 'heading',
		level: 1,
		number: '',
		text: pdfText(doc.locale ?? 'de')('pdf_contents'),
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
			...paragraphBoxes(
				pdfText(doc.locale ?? 'de')('pdf_no_sections'),
				'normal',
				10,
				COLORS.muted,
				0,
				cw
			)
		);
	}
	// page numbers are drawn after the shift is known; add placeholders as closures
	const tocPagesCount = (() => {
		// dry run to count pages (ops are copied, so the real run below starts clean)
		return placeBoxes(f, entries, tocBoxes, top, 'toc').length;
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
	const tocPages = placeBoxes(f, entries, tocBoxes, top, 'toc');
	// the TOC pass must not move the headings: restore their entries
	entries.length = 0;
	entries.push(...contentEntries);

	return tocPages;
}

/**
 * Pagination phase 2: places boxes on pages – keep-with-next chains, keep-together groups (a
 * measure), repeated grid headers, page breaks – and notes each heading's (relative) page.
 */
import { shift, type Box, type Frame, type Page, type TocEntry } from './page-ops';

export function placeBoxes(
	f: Frame,
	entries: TocEntry[],
	boxes: Box[],
	startTop: number,
	kind: Page['kind']
): Page[] {
	const { bottom, left } = f;
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
}

/**
 * Pagination: laid-out blocks → pages of absolute drawing operations (mm, origin top left),
 * plus the table of contents with real page numbers and the bookmark tree. Pure; text widths
 * come from the injected TextMetrics, so tests can paginate without jsPDF.
 *
 * Order of work: the content is paginated on its own first, the table of contents is then laid
 * out (its length does not depend on the numbers: a fixed column is reserved for them), and the
 * content's page numbers are shifted by cover + TOC pages. Header, footer ("Seite x von y" and
 * the funding notice) and the watermark are added last, when the page count is known.
 *
 * Phases, one file each: boxes.ts (blocks → boxes), place.ts (boxes → pages), toc.ts, cover.ts,
 * decor.ts (header/footer/watermark); page-ops.ts holds the shared types and helpers.
 */
import type { LaidOutDocument } from './layout';
import type { TextMetrics } from './text';
import { createBoxBuilder } from './boxes';
import { coverPage, type PaginateOptions } from './cover';
import { decoratePages } from './decor';
import { frameOf, type PaginatedDocument, type Page, type TocEntry } from './page-ops';
import { placeBoxes } from './place';
import { tocPages } from './toc';

export { PT, type Op, type Page, type PaginatedDocument, type TocEntry } from './page-ops';
export type { PaginateOptions } from './cover';

export function paginate(
	doc: LaidOutDocument,
	metrics: TextMetrics,
	opts: PaginateOptions = {}
): PaginatedDocument {
	const f = frameOf(doc, metrics);
	const entries: TocEntry[] = [];
	const boxes = createBoxBuilder(f, entries);

	const contentBoxes = doc.blocks.flatMap(boxes.boxesOf);
	const contentPages = placeBoxes(f, entries, contentBoxes, f.top, 'content');
	const contentEntries = entries.slice();
	const toc = tocPages(f, doc, entries, contentEntries, boxes);
	const cover = coverPage(f, doc, opts);

	const pages: Page[] = [cover, ...toc, ...contentPages];
	decoratePages(f, doc, pages);

	return {
		pages,
		entries: contentEntries,
		width: f.W,
		height: f.H,
		tocPages: [2, 1 + toc.length]
	};
}

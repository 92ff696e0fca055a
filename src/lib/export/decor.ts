/**
 * Pagination phase 5: header (title, type), footer (funding notice, "Seite x von y") and the
 * draft watermark on every page, added when the page count is known.
 */
import type { LaidOutDocument } from './layout';
import { truncate } from './text';
import { pdfText } from './labels';
import { COLORS, base, text, type Frame, type Op, type Page } from './page-ops';

export function decoratePages(f: Frame, doc: LaidOutDocument, pages: Page[]): void {
	const { left, right, cw, measure, footSize, footLh, footTop, noticeLines } = f;
	const total = pages.length;
	const t = pdfText(doc.locale ?? 'de');
	const headerTitle = truncate(doc.title, cw * 0.62, measure('normal', 8));
	const headerType = truncate(doc.typeLabel, cw * 0.34, measure('normal', 8));
	pages.forEach((page, i) => {
		const decor: Op[] = [];
		if (doc.draft) decor.push({ t: 'watermark', text: t('pdf_draft') });
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
				t('pdf_page_of', { page: i + 1, total }),
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
}

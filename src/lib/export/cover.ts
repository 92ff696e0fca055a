/**
 * Pagination phase 4: the cover page (accent band, optional logo, type, title, municipality,
 * status, date and version).
 */
import type { LaidOutDocument } from './layout';
import { isRtl, truncate, wrapText } from './text';
import { pdfText } from './labels';
import { COLORS, lineHeight, text, type Frame, type Page } from './page-ops';

export interface PaginateOptions {
	/** Reserve space for a logo on the cover */
	logo?: { width: number; height: number };
}

export function coverPage(f: Frame, doc: LaidOutDocument, opts: PaginateOptions): Page {
	const { landscape, H, left, right, cw, measure } = f;
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
		const t = pdfText(doc.locale ?? 'de');
		const info: Array<[string, string]> = doc.coverInfo ?? [
			[t('pdf_cover_status'), doc.statusLabel],
			[t('pdf_cover_date'), doc.dateLabel]
		];
		if (!doc.coverInfo && doc.versionLabel) info.push([t('pdf_cover_version'), doc.versionLabel]);
		const labelW = Math.max(24, ...info.map(([k]) => measure('bold', 10)(k) + 4));
		for (const [k, v] of info) {
			ops.push(text(left, y, k, 'bold', 10, COLORS.muted));
			ops.push(
				text(
					left + labelW,
					y,
					truncate(v, cw - labelW, measure('normal', 11)),
					'normal',
					11,
					COLORS.text
				)
			);
			y += 7;
		}
	}

	return cover;
}

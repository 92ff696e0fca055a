/**
 * Render step: draws a paginated document with jsPDF. The jsPDF class and the TTF bytes are
 * passed in (Node reads the fonts from node_modules, the browser fetches them from our own
 * server), so this module runs unchanged on both sides. Plan text is only ever drawn as text.
 */
import type { jsPDF as JsPdfClass } from 'jspdf';
import type { Rgb } from './layout';
import type { Op, PaginatedDocument } from './paginate';
import { hasRtl, type FontStyle, type TextMetrics } from './text';

export const FONT_FAMILY = 'DejaVuSans';

export interface FontBytes {
	regular: Uint8Array;
	bold: Uint8Array;
}

export interface LogoInput {
	data: Uint8Array;
	format: 'PNG' | 'JPEG';
}

type JsPdf = InstanceType<typeof JsPdfClass>;

function toBinaryString(bytes: Uint8Array): string {
	let out = '';
	const chunk = 0x8000;
	for (let i = 0; i < bytes.length; i += chunk) {
		out += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + chunk)));
	}
	return out;
}

/** A jsPDF document with the DejaVu fonts registered, and metrics measured with them. */
export function createPdf(
	JsPDF: typeof JsPdfClass,
	fonts: FontBytes,
	orientation: 'portrait' | 'landscape'
): { pdf: JsPdf; metrics: Required<TextMetrics> } {
	const pdf = new JsPDF({ unit: 'mm', format: 'a4', orientation, compress: true });
	pdf.addFileToVFS('DejaVuSans.ttf', toBinaryString(fonts.regular));
	pdf.addFont('DejaVuSans.ttf', FONT_FAMILY, 'normal');
	pdf.addFileToVFS('DejaVuSans-Bold.ttf', toBinaryString(fonts.bold));
	pdf.addFont('DejaVuSans-Bold.ttf', FONT_FAMILY, 'bold');

	const codeMaps: Record<FontStyle, Record<number, number>> = {
		normal: fontCodeMap(pdf, 'normal'),
		bold: fontCodeMap(pdf, 'bold')
	};
	const hasGlyph = (cp: number, style: FontStyle = 'normal') => codeMaps[style][cp] !== undefined;
	const effective = (text: string, style: FontStyle): FontStyle => {
		if (style === 'normal') return style;
		// Arabic is drawn as presentation forms, which only the regular face has
		if (hasRtl(text)) return 'normal';
		for (const ch of text) if (!hasGlyph(ch.codePointAt(0)!, 'bold')) return 'normal';
		return style;
	};
	let current = '';
	const use = (style: FontStyle, size: number) => {
		const key = `${style}/${size}`;
		if (key === current) return;
		pdf.setFont(FONT_FAMILY, style);
		pdf.setFontSize(size);
		current = key;
	};
	const metrics: Required<TextMetrics> & { effective: typeof effective; use: typeof use } = {
		width(text, style, size) {
			use(effective(text, style), size);
			return (pdf.getStringUnitWidth(text) * size * 25.4) / 72;
		},
		hasGlyph,
		effective,
		use
	};
	return { pdf, metrics };
}

function fontCodeMap(pdf: JsPdf, style: FontStyle): Record<number, number> {
	pdf.setFont(FONT_FAMILY, style);
	const font = pdf.getFont() as unknown as {
		metadata?: { cmap?: { unicode?: { codeMap?: Record<number, number> } } };
	};
	return font.metadata?.cmap?.unicode?.codeMap ?? {};
}

export interface RenderInput {
	doc: PaginatedDocument;
	metadata: { title: string; subject: string; author: string; keywords: string };
	/** label language: the document's language property (de-DE / en-GB) */
	locale?: 'de' | 'en';
	logo?: LogoInput;
}

/** Draws all pages, the bookmarks and the document properties; returns the PDF bytes. */
export function renderPdf(
	pdf: JsPdf,
	metrics: Required<TextMetrics>,
	input: RenderInput
): Uint8Array {
	const m = metrics as Required<TextMetrics> & {
		effective: (t: string, s: FontStyle) => FontStyle;
		use: (s: FontStyle, size: number) => void;
	};
	const { doc } = input;
	const fill = (c: Rgb) => pdf.setFillColor(c[0], c[1], c[2]);
	const stroke = (c: Rgb) => pdf.setDrawColor(c[0], c[1], c[2]);
	const GState = (pdf as unknown as { GState: new (o: { opacity: number }) => unknown }).GState;
	const faint = new GState({ opacity: 0.1 });
	const opaque = new GState({ opacity: 1 });

	doc.pages.forEach((page, index) => {
		if (index > 0) pdf.addPage('a4', doc.width > doc.height ? 'landscape' : 'portrait');
		for (const op of page.ops) draw(op);
	});

	function draw(op: Op) {
		switch (op.t) {
			case 'text': {
				m.use(m.effective(op.text, op.style), op.size);
				pdf.setTextColor(op.color[0], op.color[1], op.color[2]);
				pdf.text(
					op.text,
					op.x,
					op.y,
					op.rtl || hasRtl(op.text)
						? // Unicode bidi algorithm per line: logical input, visual output, base direction
							// from the first strong character, so a left-to-right line with an Arabic run
							// keeps both in order; mirrored brackets
							{
								align: op.align ?? 'left',
								isInputVisual: false,
								isOutputVisual: true,
								isInputRtl: op.rtl === true,
								isOutputRtl: false,
								isSymmetricSwapping: true
							}
						: { align: op.align ?? 'left' }
				);
				break;
			}
			case 'rect':
				fill(op.fill);
				pdf.rect(op.x, op.y, op.w, op.h, 'F');
				break;
			case 'line':
				stroke(op.color);
				pdf.setLineWidth(op.width);
				if (op.dash) pdf.setLineDashPattern([0.4, 1.2], 0);
				pdf.line(op.x1, op.y1, op.x2, op.y2);
				if (op.dash) pdf.setLineDashPattern([], 0);
				break;
			case 'circle':
				fill(op.fill);
				pdf.circle(op.x, op.y, op.r, 'F');
				break;
			case 'link':
				pdf.link(op.x, op.y, op.w, op.h, { pageNumber: op.page });
				break;
			case 'logo':
				if (input.logo) {
					pdf.addImage(input.logo.data, input.logo.format, op.x, op.y, op.w, op.h);
				}
				break;
			case 'watermark': {
				pdf.setGState(faint as never);
				m.use('bold', 110);
				pdf.setTextColor(120, 120, 120);
				// rotate about the page centre: start point = centre − half the text along its direction
				const landscape = doc.width > doc.height;
				const angle = landscape ? 30 : 55;
				const rad = (angle * Math.PI) / 180;
				const w = (pdf.getStringUnitWidth(op.text) * 110 * 25.4) / 72;
				const capHalf = (110 * 25.4) / 72 / 2.8;
				const x = doc.width / 2 - (w / 2) * Math.cos(rad) + capHalf * Math.sin(rad);
				const y = doc.height / 2 + (w / 2) * Math.sin(rad) + capHalf * Math.cos(rad);
				pdf.text(op.text, x, y, { angle });
				pdf.setGState(opaque as never);
				break;
			}
		}
	}

	// bookmarks: every heading, nested by level
	const stack: Array<{ level: number; node: unknown }> = [];
	for (const e of doc.entries) {
		while (stack.length > 0 && stack[stack.length - 1].level >= e.level) stack.pop();
		const parent = stack.length > 0 ? stack[stack.length - 1].node : null;
		const title = `${e.number ? e.number + ' ' : ''}${e.text}`.slice(0, 160);
		const node = pdf.outline.add(parent, title, { pageNumber: e.page });
		stack.push({ level: e.level, node });
	}

	pdf.setDocumentProperties({
		title: input.metadata.title,
		subject: input.metadata.subject,
		author: input.metadata.author,
		keywords: input.metadata.keywords,
		creator: 'Mitplan'
	});
	pdf.setLanguage(input.locale === 'en' ? 'en-GB' : 'de-DE');
	return new Uint8Array(pdf.output('arraybuffer'));
}

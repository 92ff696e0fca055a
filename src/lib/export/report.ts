/**
 * The "Umsetzungsbericht" PDF (issue 14, item 7): report model → layout (report-layout.ts) →
 * the council PDF's pagination and renderer, so both documents share typography, header/footer,
 * table of contents and bookmarks. The caller passes jsPDF and the fonts (see node.ts).
 */
import type { jsPDF as JsPdfClass } from 'jspdf';
import type { UmsetzungsberichtModel } from '../monitoring/report';
import { pdfFileName, type ExportedPdf } from './index';
import { paginate } from './paginate';
import { createPdf, renderPdf, type FontBytes } from './render';
import { layoutReport } from './report-layout';

export function exportReportPdf(
	model: UmsetzungsberichtModel,
	env: { jsPDF: typeof JsPdfClass; fonts: FontBytes }
): ExportedPdf {
	const { pdf, metrics } = createPdf(env.jsPDF, env.fonts, 'portrait');
	const laid = layoutReport(model, { hasGlyph: (cp) => metrics.hasGlyph(cp, 'normal') });
	const doc = paginate(laid, metrics);
	const bytes = renderPdf(pdf, metrics, { doc, metadata: laid.metadata, locale: laid.locale });
	return {
		bytes,
		pageCount: doc.pages.length,
		fileName: pdfFileName(
			laid.title,
			`umsetzungsbericht-${model.period.from}-bis-${model.period.to}`
		)
	};
}

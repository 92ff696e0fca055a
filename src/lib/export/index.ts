/**
 * PDF export of a plan (issue 3). One module for browser and Node:
 *   layoutPlan (plan → blocks, pure) → paginate (blocks → pages, pure, widths injected)
 *   → renderPdf (jsPDF). `exportPlanPdf` runs all three; the caller passes jsPDF and the fonts.
 */
import type { jsPDF as JsPdfClass } from 'jspdf';
import type { PlanJson } from '../domain/types';
import { layoutPlan, type LayoutEnv } from './layout';
import { checkOptionsForPlan, type ExportOptions, type ExportResult } from './options';
import { paginate } from './paginate';
import type { ExportChecks } from './checks';
import { createPdf, renderPdf, type FontBytes, type LogoInput } from './render';

export * from './options';
export type { FontBytes, LogoInput } from './render';

export interface ExportEnv {
	jsPDF: typeof JsPdfClass;
	fonts: FontBytes;
	logo?: LogoInput & { width: number; height: number };
	/** YYYY-MM-DD used when options.date is not set (default: today, local time) */
	today?: string;
	/** Rows of the appendix "Abwägungstabelle" (options.consideration) */
	consideration?: LayoutEnv['consideration'];
	/** Administrative check verdicts by measure id (issue 5); optional. */
	checks?: ExportChecks;
	/** "Bewusst offen" marks (annex of open points, options.openPoints); optional. */
	acknowledged?: LayoutEnv['acknowledged'];
	/** Indicators per goal (issue 14); optional. */
	indicators?: LayoutEnv['indicators'];
	/** Decisions of all sessions (appendix, options.decisionLog); optional. */
	decisionLog?: LayoutEnv['decisionLog'];
	/** German fallbacks of a translated plan (`sprache`), marked in the PDF; optional. */
	marks?: LayoutEnv['marks'];
}

export interface ExportedPdf {
	bytes: Uint8Array;
	pageCount: number;
	/** File name for downloads: slugged plan title + document type */
	fileName: string;
}

/** Renders the plan; refuses options that do not fit the plan (unknown field ids). */
export function exportPlanPdf(
	plan: PlanJson,
	options: ExportOptions,
	env: ExportEnv
): ExportResult<ExportedPdf> {
	const checked = checkOptionsForPlan(plan, options);
	if (!checked.ok) return checked;
	const { pdf, metrics } = createPdf(env.jsPDF, env.fonts, options.orientation);
	const laid = layoutPlan(plan, options, {
		hasGlyph: (cp) => metrics.hasGlyph(cp, 'normal'),
		today: env.today,
		consideration: env.consideration,
		checks: env.checks,
		acknowledged: env.acknowledged,
		indicators: env.indicators,
		decisionLog: env.decisionLog,
		marks: env.marks
	});
	const doc = paginate(laid, metrics, {
		logo: env.logo ? { width: env.logo.width, height: env.logo.height } : undefined
	});
	const bytes = renderPdf(pdf, metrics, {
		doc,
		metadata: laid.metadata,
		locale: laid.locale,
		logo: env.logo
	});
	return {
		ok: true,
		value: { bytes, pageCount: doc.pages.length, fileName: pdfFileName(laid.title, options.type) }
	};
}

/** ASCII file name: "integrationskonzept-musterstadt-gesamtplan.pdf". */
export function pdfFileName(title: string, type: string): string {
	const slug = title
		.normalize('NFKD')
		.replace(/ä/gi, 'ae')
		.replace(/ß/g, 'ss')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/g, '');
	return `${slug || 'plan'}-${type}.pdf`;
}

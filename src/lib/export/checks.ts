/**
 * Administrative check verdicts (Phase D, issue 5) in the PDF: extra rows of a measure's block
 * (Gesamtplan, Handlungsfelder) and of its Steckbrief. The export gets the checks keyed by
 * measure id (`ExportEnv.checks`, from GET /api/plans/<id>/review or the review service); an
 * office named as "Prüfende Stelle" is shown as its own row.
 */
import { CHECK_OUTCOME_LABELS, type AdminCheck } from '../review/types';
import { formatDateShort } from './text';
import { pdfText, type LabelLocale } from './labels';

/** What the export needs of a check (an AdminCheck fits). */
export type ExportCheck = Pick<AdminCheck, 'measureId' | 'verdict' | 'office'>;

/** Checks keyed by measure id. */
export type ExportChecks = Readonly<Record<string, ExportCheck | undefined>>;

/** Index a list of checks (e.g. PlanReviewState.checks) by measure id. */
export function checksByMeasure(checks: readonly AdminCheck[]): Record<string, AdminCheck> {
	const out: Record<string, AdminCheck> = {};
	for (const check of checks) out[check.measureId] = check;
	return out;
}

/** Rows for a measure with a recorded verdict; none without one. */
export function checkRows(
	check: ExportCheck | undefined,
	text: (s: string) => string,
	locale: LabelLocale = 'de'
): Array<{ label: string; value: string }> {
	const v = check?.verdict;
	if (!v) return [];
	const t = pdfText(locale);
	const outcome =
		locale === 'en' && v.outcome in CHECK_OUTCOME_LABELS
			? t(`review_outcome_${v.outcome}`)
			: (CHECK_OUTCOME_LABELS[v.outcome] ?? v.outcome);
	const rows = [{ label: t('pdf_check'), value: outcome }];
	// The office the check was assigned to ("Prüfende Stelle"); checks stored before offices
	// existed have none and keep their rows as they were.
	const office = typeof check?.office === 'string' ? check.office.trim() : '';
	if (office) rows.push({ label: t('pdf_check_office'), value: text(office) });
	if (v.conditions.trim())
		rows.push({ label: t('pdf_check_conditions'), value: text(v.conditions) });
	rows.push({ label: t('pdf_reason'), value: text(v.reasons) });
	rows.push({ label: t('pdf_check_responsible'), value: text(v.responsibleOffice) });
	rows.push({
		label: t('pdf_check_by'),
		value: `${text(v.by.name)}, ${formatDateShort(v.at.slice(0, 10)) || v.at.slice(0, 10)}`
	});
	return rows;
}

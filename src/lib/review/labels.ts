/**
 * Review labels in the interface language (issue „Sprachen“): verdicts, check outcomes and who
 * checks. The German constants in types.ts stay for the server, mails and the PDF.
 */
import { m } from '$lib/i18n';
import type { AdminCheck, CheckOutcome, ReviewVerdict } from './types';

const VERDICTS: Record<ReviewVerdict, () => string> = {
	approved: m.review_verdict_approved,
	changes_requested: m.review_verdict_changes_requested
};

const OUTCOMES: Record<CheckOutcome, () => string> = {
	feasible: m.review_outcome_feasible,
	conditional: m.review_outcome_conditional,
	not_feasible: m.review_outcome_not_feasible
};

/** "Freigegeben" / "Approved" */
export const verdictLabel = (v: ReviewVerdict): string => VERDICTS[v]();

/** "Umsetzbar" / "Feasible" */
export const outcomeLabel = (o: CheckOutcome): string => OUTCOMES[o]?.() ?? o;

/** "Sozialamt (Dora Weber)", "Sozialamt", "Dora Weber" or "Unbekannte Stelle" / "Unknown office". */
export function checkHolderText(check: Pick<AdminCheck, 'office' | 'department'>): string {
	const office = typeof check.office === 'string' ? check.office.trim() : '';
	const person = check.department?.name ?? '';
	if (office && person) return `${office} (${person})`;
	return office || person || m.review_unknown_office();
}

/** " (überfällig)" / " (overdue)" when `overdue`, else "". */
export const overdueSuffix = (overdue: boolean): string =>
	overdue ? m.review_overdue_suffix() : '';

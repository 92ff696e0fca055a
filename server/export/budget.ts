/**
 * The text budget of a PDF export (EXPORT_MAX_CHARS): counting a job's characters (stops early
 * once over the limit) and the 413 answer. Used by the service (PlanJson jobs) and the worker
 * (live documents, after reading them).
 */
import type { PdfJob } from './types';

export const SMALLER =
	'Bitte wählen Sie weniger Inhalte (z. B. ein Handlungsfeld oder die Maßnahmensteckbriefe einzelner Handlungsfelder).';

/** Characters of text in the job, counting stops as soon as `limit` is passed. */
export function jobChars(
	job: Pick<PdfJob, 'plan' | 'consideration' | 'options' | 'report' | 'decisionLog' | 'protocol'>,
	limit: number
): number {
	let total = 0;
	const stack: unknown[] = [
		job.plan,
		job.consideration,
		job.options,
		job.report,
		job.decisionLog,
		job.protocol
	];
	while (stack.length > 0 && total <= limit) {
		const value = stack.pop();
		if (typeof value === 'string') total += value.length;
		else if (Array.isArray(value)) for (const v of value) stack.push(v);
		else if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) {
				total += k.length;
				stack.push(v);
			}
		}
	}
	return total;
}

export function tooLarge(maxChars: number): { status: number; code: string; message: string } {
	return {
		status: 413,
		code: 'export_too_large',
		message: `Dieser Plan ist für einen PDF-Export zu umfangreich (mehr als ${maxChars.toLocaleString('de-DE')} Zeichen Text). ${SMALLER}`
	};
}

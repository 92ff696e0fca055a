/**
 * The PDF export service: renders plans in a pool of worker threads so one export never blocks
 * the event loop (health, sync and every other request keep being served). Budgets: at most
 * `perPerson` exports per person at once (429), `workers` running plus `queue` waiting per
 * instance (503 with Retry-After), `maxChars` characters of text per export (413), `timeoutMs`
 * per export (the worker is terminated, 503) and `maxMemoryMb` heap per worker.
 */
import type { Logger } from '../log';
import type { PdfExportResult, PdfExportService, PdfJob, PdfJobResult } from './types';
import { exportWorkerFile } from './worker-file';
import { WorkerPool } from './worker-pool';

export interface PdfExportLimits {
	workers: number;
	queue: number;
	perPerson: number;
	timeoutMs: number;
	maxChars: number;
	maxMemoryMb: number;
}

const SMALLER =
	'Bitte wählen Sie weniger Inhalte (z. B. ein Handlungsfeld oder die Maßnahmensteckbriefe einzelner Handlungsfelder).';

/** Characters of text in the job, counting stops as soon as `limit` is passed. */
export function jobChars(job: PdfJob, limit: number): number {
	let total = 0;
	const stack: unknown[] = [job.plan, job.consideration, job.options];
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

export function createPdfExports(args: {
	limits: PdfExportLimits;
	log: Logger;
	workerFile?: () => Promise<URL>;
}): PdfExportService {
	const { limits, log } = args;
	const pool = new WorkerPool<PdfJob, PdfJobResult>({
		file: args.workerFile ?? exportWorkerFile,
		size: limits.workers,
		queueMax: limits.queue,
		timeoutMs: limits.timeoutMs,
		maxMemoryMb: limits.maxMemoryMb,
		onWorkerError: (error) => log.warn('pdf export worker failed', { error })
	});
	const perPerson = new Map<string, number>();

	return {
		async render(personId, job): Promise<PdfExportResult> {
			if ((perPerson.get(personId) ?? 0) >= limits.perPerson) {
				return {
					ok: false,
					error: {
						status: 429,
						code: 'export_person_busy',
						message: `Sie haben bereits ${limits.perPerson === 1 ? 'einen PDF-Export' : `${limits.perPerson} PDF-Exporte`} laufen. Bitte warten Sie, bis ${limits.perPerson === 1 ? 'er' : 'einer davon'} fertig ist, und versuchen Sie es dann erneut.`,
						retryAfter: pool.retryAfterSeconds()
					}
				};
			}
			if (jobChars(job, limits.maxChars) > limits.maxChars) {
				return {
					ok: false,
					error: {
						status: 413,
						code: 'export_too_large',
						message: `Dieser Plan ist für einen PDF-Export zu umfangreich (mehr als ${limits.maxChars.toLocaleString('de-DE')} Zeichen Text). ${SMALLER}`
					}
				};
			}
			perPerson.set(personId, (perPerson.get(personId) ?? 0) + 1);
			let outcome;
			try {
				outcome = await pool.run(job);
			} finally {
				const left = (perPerson.get(personId) ?? 1) - 1;
				if (left > 0) perPerson.set(personId, left);
				else perPerson.delete(personId);
			}
			if (outcome.ok) {
				const value = outcome.value;
				if (!value.ok) return { ok: false, error: { status: 400, ...value.error } };
				return {
					ok: true,
					value: { bytes: value.bytes, fileName: value.fileName, pageCount: value.pageCount }
				};
			}
			switch (outcome.reason) {
				case 'busy':
				case 'closed':
					return {
						ok: false,
						error: {
							status: 503,
							code: 'export_busy',
							message:
								'Gerade werden sehr viele PDFs erstellt. Bitte versuchen Sie es in einigen Sekunden erneut.',
							retryAfter: pool.retryAfterSeconds()
						}
					};
				case 'timeout':
					log.warn('pdf export timed out; worker terminated', { ms: limits.timeoutMs });
					return {
						ok: false,
						error: {
							status: 503,
							code: 'export_timeout',
							message: `Das PDF konnte nicht in ${Math.round(limits.timeoutMs / 1000)} Sekunden erstellt werden und wurde abgebrochen. ${SMALLER}`
						}
					};
				default:
					log.error('pdf export failed', { message: outcome.message });
					return {
						ok: false,
						error: {
							status: 500,
							code: 'export_failed',
							message: `Das PDF konnte nicht erstellt werden. Bitte versuchen Sie es erneut. ${SMALLER}`
						}
					};
			}
		},
		close: () => pool.close()
	};
}

/**
 * The PDF export service: renders plans in a pool of worker threads so one export never blocks
 * the event loop (health, sync and every other request keep being served). Budgets: at most
 * `perPerson` exports per person at once (429), `workers` running plus `queue` waiting per
 * instance (503 with Retry-After), `maxChars` characters of text per export (413), `timeoutMs`
 * per export (the worker is terminated, 503) and `maxMemoryMb` heap per worker.
 */
import type { Logger } from '../log';
import type {
	PdfExportResult,
	PdfExportService,
	PdfJob,
	PdfJobResult,
	PlanStateParts
} from './types';
import { SMALLER, jobChars, tooLarge } from './budget';
import { exportWorkerFile } from './worker-file';
import { WorkerPool } from '../worker-pool';

export interface PdfExportLimits {
	workers: number;
	queue: number;
	perPerson: number;
	timeoutMs: number;
	maxChars: number;
	maxMemoryMb: number;
}

/** The buffers of a live plan's parts, each once (they are moved to the worker, not copied). */
function transferList(state: PlanStateParts): ArrayBuffer[] {
	const parts = state.snapshot ? [state.snapshot, ...state.entries] : state.entries;
	return [...new Set(parts.map((part) => part.buffer as ArrayBuffer))];
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
			// A PlanJson, report or protocol is measured here; a live document's state by the worker after reading it.
			if (
				(job.plan || job.report || job.protocol) &&
				jobChars(job, limits.maxChars) > limits.maxChars
			) {
				return { ok: false, error: tooLarge(limits.maxChars) };
			}
			perPerson.set(personId, (perPerson.get(personId) ?? 0) + 1);
			let outcome;
			try {
				outcome = await pool.run(
					{ ...job, maxChars: limits.maxChars },
					job.state ? transferList(job.state) : []
				);
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
		load: () => pool.load,
		close: () => pool.close()
	};
}

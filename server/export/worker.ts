/**
 * The PDF export worker thread (run by the pool in pdf-exports.ts): receives a plan as plain data
 * (PlanJson, options, consideration rows, check verdicts), renders it with jsPDF and posts the
 * bytes back (transferred, not copied). Built to build/server/export-worker.js.
 */
import { parentPort } from 'node:worker_threads';
import { exportPlanPdfNode } from '../../src/lib/export/node';
import type { PdfJob, PdfJobResult } from './types';

if (!parentPort) throw new Error('export-worker must run as a worker thread');
const port = parentPort;

port.on('message', ({ input }: { input: PdfJob }) => {
	try {
		const result = exportPlanPdfNode(input.plan, input.options, {
			consideration: input.consideration,
			checks: input.checks,
			today: input.today
		});
		if (!result.ok) {
			const answer: PdfJobResult = { ok: false, error: result.error };
			port.postMessage({ ok: true, value: answer });
			return;
		}
		const { bytes, fileName, pageCount } = result.value;
		const answer: PdfJobResult = { ok: true, bytes, fileName, pageCount };
		port.postMessage({ ok: true, value: answer }, [bytes.buffer as ArrayBuffer]);
	} catch (error) {
		port.postMessage({
			ok: false,
			message: error instanceof Error ? error.message : String(error)
		});
	}
});

/**
 * The PDF answer of both export endpoints (GET /api/plans/<id>/export.pdf and
 * /versions/<vid>/export.pdf): the Abwägungstabelle when asked for (`consideration=true`), the
 * administrative checks of the measures, the file name, the audit entry. The PDF itself is
 * rendered off the event loop by `locals.backend.exports` (server/export/pdf-exports.ts). The
 * Umsetzungsbericht route shares the error and download answers.
 */
import type { Principal } from '$lib/contract/access';
import type { PdfExportError, PlanStateParts } from '$lib/contract/exports';
import type { PlanJson } from '$lib/domain/types';
import { todayIn } from '$lib/domain/time-zone';
import type { ExportOptions } from '$lib/export/options';
import { labelLocale } from '$lib/export/labels';
import { errorResponse, resultResponse } from '$lib/server/http';

export async function planPdfResponse(args: {
	locals: App.Locals;
	planId: string;
	principal: Principal;
	/** A version's plan, or the live plan's Yjs state (merged and read by the export worker). */
	plan: PlanJson | { state: PlanStateParts };
	options: ExportOptions;
	/** Changes the file name (e.g. a version adds its date). */
	fileName?: (fileName: string) => string;
	/** More details for the audit entry (e.g. which version). */
	audit?: Record<string, unknown>;
}): Promise<Response> {
	const { locals, planId, options } = args;
	let consideration;
	if (options.consideration) {
		const rows = await locals.backend.feedback.consideration(planId, { withNames: false });
		if (!rows.ok) return resultResponse(rows);
		consideration = rows.value;
	}
	let decisionLog;
	if (options.decisionLog) {
		const rows = await locals.backend.minutes.decisionLog(planId, labelLocale(options.sprache));
		if (!rows.ok) return resultResponse(rows);
		decisionLog = rows.value;
	}
	const checks = await locals.backend.review.checksByMeasure(planId).catch(() => ({}));
	// Indicator charts under the goals (a version shows today's indicators of its goals).
	const indicators = await locals.backend.indicators
		.list(planId)
		.then((r) => (r.ok ? r.value : []))
		.catch(() => []);
	// Rendered in a worker thread (server/export): limits per person and instance, time budget.
	const plan = args.plan;
	const result = await locals.backend.exports.render(args.principal.id, {
		...('state' in plan ? { state: { planId, ...plan.state } } : { plan }),
		options,
		consideration,
		checks,
		indicators,
		decisionLog,
		// the cover's "today" in the municipality's time zone, not the server's
		today: todayIn(locals.backend.settings.timeZone)
	});
	if (!result.ok) return pdfFailure(result.error);
	const { bytes } = result.value;
	const fileName = args.fileName ? args.fileName(result.value.fileName) : result.value.fileName;
	await locals.backend.access
		.audit(planId, args.principal, 'export', {
			type: options.type,
			via: 'api',
			...args.audit,
			bytes: bytes.byteLength
		})
		.catch(() => {});
	return pdfDownload(bytes, fileName);
}

/** A refused or failed export as JSON (busy answers with Retry-After). */
export function pdfFailure(error: PdfExportError): Response {
	const { status, code, message, retryAfter } = error;
	return errorResponse(
		status,
		code,
		message,
		retryAfter ? { 'retry-after': String(retryAfter) } : undefined
	);
}

/** The PDF bytes as a download (also the Sitzungsprotokoll, src/lib/server/protocol-pdf). */
export function pdfDownload(bytes: Uint8Array, fileName: string): Response {
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(bytes.byteLength),
			'content-disposition': contentDisposition(fileName),
			'cache-control': 'no-store'
		}
	});
}

function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

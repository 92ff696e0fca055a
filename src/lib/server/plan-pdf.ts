/**
 * The PDF answer of both export endpoints (GET /api/plans/<id>/export.pdf and
 * /versions/<vid>/export.pdf): the Abwägungstabelle when asked for (`consideration=true`), the
 * administrative checks of the measures, the file name, the audit entry.
 */
import type { Principal } from '$lib/contract/access';
import type { PlanJson } from '$lib/domain/types';
import { exportPlanPdfNode } from '$lib/export/node';
import type { ExportOptions } from '$lib/export/options';
import { errorResponse, resultResponse } from '$lib/server/http';

export async function planPdfResponse(args: {
	locals: App.Locals;
	planId: string;
	principal: Principal;
	plan: PlanJson;
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
	let result;
	try {
		const checks = await locals.backend.review.checksByMeasure(planId).catch(() => ({}));
		result = exportPlanPdfNode(args.plan, options, { consideration, checks });
	} catch (error) {
		console.error('PDF export failed', error);
		return errorResponse(
			500,
			'export_failed',
			'Das PDF konnte nicht erstellt werden. Bitte versuchen Sie es erneut oder wählen Sie weniger Inhalte (z. B. ein Handlungsfeld).'
		);
	}
	if (!result.ok) return errorResponse(400, result.error.code, result.error.message);
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

import type { RequestHandler } from './$types';
import { errorResponse, requirePlanRole } from '$lib/server/http';
import { parseExportOptions } from '$lib/export/options';
import { exportPlanPdfNode } from '$lib/export/node';

/**
 * GET /api/plans/<planId>/export.pdf?type=…&fields=…&orientation=…&draft=…&versionLabel=…
 * &fundingNotice=…&date=… – the plan as PDF (see README "PDF-Export"); any member. Options are
 * checked before the plan is loaded; errors are JSON `{error:{code,message}}`. Audited.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	const options = parseExportOptions(url.searchParams);
	if (!options.ok) return errorResponse(400, options.error.code, options.error.message);
	const plan = await locals.backend.getPlan(params.planId);
	if (!plan.ok) return errorResponse(plan.error.status, plan.error.code, plan.error.message);
	let result;
	try {
		const checks = await locals.backend.review.checksByMeasure(params.planId).catch(() => ({}));
		result = exportPlanPdfNode(plan.value, options.value, { checks });
	} catch (error) {
		console.error('PDF export failed', error);
		return errorResponse(500, 'export_failed', 'Das PDF konnte nicht erstellt werden.');
	}
	if (!result.ok) return errorResponse(400, result.error.code, result.error.message);
	const { bytes, fileName } = result.value;
	await locals.backend.access
		.audit(params.planId, access.principal, 'export', {
			type: options.value.type,
			via: 'api',
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
};

function contentDisposition(fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

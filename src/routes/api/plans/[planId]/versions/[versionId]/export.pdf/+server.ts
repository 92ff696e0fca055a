import type { RequestHandler } from './$types';
import { errorResponse, requirePlanRole } from '$lib/server/http';
import { parseExportOptions } from '$lib/export/options';
import { exportPlanPdfNode } from '$lib/export/node';

/**
 * GET /api/plans/<planId>/versions/<versionId>/export.pdf?… – the version as PDF, with the same
 * options as /export.pdf (any member). The version's name is the default "Version" on the cover.
 * Audited as an export.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	const options = parseExportOptions(url.searchParams);
	if (!options.ok) return errorResponse(400, options.error.code, options.error.message);
	const got = await locals.backend.versions.get(params.planId, params.versionId);
	if (!got.ok) return errorResponse(got.error.status, got.error.code, got.error.message);
	const { version, plan } = got.value;
	const exportOptions = { ...options.value };
	if (!url.searchParams.has('versionLabel')) {
		exportOptions.versionLabel = version.name.slice(0, 100);
	}
	let result;
	try {
		result = exportPlanPdfNode(plan, exportOptions);
	} catch (error) {
		console.error('PDF export of a version failed', error);
		return errorResponse(500, 'export_failed', 'Das PDF konnte nicht erstellt werden.');
	}
	if (!result.ok) return errorResponse(400, result.error.code, result.error.message);
	const { bytes, fileName } = result.value;
	await locals.backend.access
		.audit(params.planId, access.principal, 'export', {
			type: options.value.type,
			via: 'api',
			version: version.name,
			versionId: version.id,
			bytes: bytes.byteLength
		})
		.catch(() => {});
	const name = fileName.replace(/\.pdf$/, '') + '-' + version.createdAt.slice(0, 10) + '.pdf';
	const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(bytes as unknown as BodyInit, {
		headers: {
			'content-type': 'application/pdf',
			'content-length': String(bytes.byteLength),
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
			'cache-control': 'no-store'
		}
	});
};

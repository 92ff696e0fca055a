import type { RequestHandler } from './$types';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';
import { parseExportOptions } from '$lib/export/options';
import { planPdfResponse } from '$lib/server/plan-pdf';

/**
 * GET /api/plans/<planId>/versions/<versionId>/export.pdf?… – the version as PDF, with the same
 * options and contents as /export.pdf (Abwägungstabelle with `consideration=true`, the
 * administrative checks of its measures; any member). The version's name is the default
 * "Version" on the cover, its date part of the file name. Audited as an export. With
 * `sprache` (issue 15) the version's own translations are used (its stored Yjs state goes to the
 * export worker like the live plan's), German fallbacks marked; a language the version does not
 * offer: 400 invalid_export_option, as /export.pdf.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.export');
	if (!access.ok) return access.response;
	const options = parseExportOptions(url.searchParams);
	if (!options.ok) return errorResponse(400, options.error.code, options.error.message);
	let version;
	let plan: Parameters<typeof planPdfResponse>[0]['plan'];
	if (options.value.sprache) {
		const got = await locals.backend.versions.state(access.planId, params.versionId);
		if (!got.ok) return resultResponse(got);
		version = got.value.version;
		plan = { state: { snapshot: got.value.state, entries: [] } };
	} else {
		const got = await locals.backend.versions.get(access.planId, params.versionId);
		if (!got.ok) return resultResponse(got);
		({ version, plan } = got.value);
	}
	const exportOptions = { ...options.value };
	if (!url.searchParams.has('versionLabel')) {
		exportOptions.versionLabel = version.name.slice(0, 100);
	}
	return planPdfResponse({
		locals,
		planId: access.planId,
		principal: access.principal,
		plan,
		options: exportOptions,
		fileName: (name) => name.replace(/\.pdf$/, '') + '-' + version.createdAt.slice(0, 10) + '.pdf',
		audit: { version: version.name, versionId: version.id }
	});
};

import type { RequestHandler } from './$types';
import { errorResponse, authorize } from '$lib/server/http';
import { parseExportOptions } from '$lib/export/options';
import { planPdfResponse } from '$lib/server/plan-pdf';

/**
 * GET /api/plans/<planId>/export.pdf?type=…&fields=…&orientation=…&draft=…&versionLabel=…
 * &fundingNotice=…&date=…&consideration=true – the plan as PDF (see README "PDF-Export"); any member. Options are
 * checked before the plan is loaded; errors are JSON `{error:{code,message}}`. Audited.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.export');
	if (!access.ok) return access.response;
	const options = parseExportOptions(url.searchParams);
	if (!options.ok) return errorResponse(400, options.error.code, options.error.message);
	// The plan's state as bytes: the export worker reads it, not this event loop.
	const state = await locals.backend.getPlanState(access.planId);
	if (!state.ok) return errorResponse(state.error.status, state.error.code, state.error.message);
	return planPdfResponse({
		locals,
		planId: access.planId,
		principal: access.principal,
		plan: { state: state.value },
		options: options.value
	});
};

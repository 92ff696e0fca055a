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
	const plan = await locals.backend.getPlan(access.planId);
	if (!plan.ok) return errorResponse(plan.error.status, plan.error.code, plan.error.message);
	return planPdfResponse({
		locals,
		planId: access.planId,
		principal: access.principal,
		plan: plan.value,
		options: options.value
	});
};

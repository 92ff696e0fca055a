import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/rounds/<roundId>/submissions – the triage inbox; owner. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.listSubmissions(params.planId, params.roundId)
	);
};

import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/rounds/origins?itemId=… – submissions behind an item; any member. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.origins(params.planId, url.searchParams.get('itemId') ?? '')
	);
};

import type { RequestHandler } from './$types';
import { isSafeId } from '$lib/contract/ids';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/history?itemId=<id>&limit=100 – who changed what and when, newest
 * first; without itemId for the whole plan (any member). `itemId=_plan`: the plan's own data.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	const itemId = url.searchParams.get('itemId');
	if (itemId !== null && !isSafeId(itemId)) {
		return errorResponse(400, 'invalid_item_id', 'Die Element-ID ist ungültig.');
	}
	const limit = Number(url.searchParams.get('limit') ?? '100');
	if (!Number.isInteger(limit) || limit < 1 || limit > 2000) {
		return errorResponse(400, 'invalid_limit', 'limit muss eine ganze Zahl von 1 bis 2000 sein.');
	}
	return resultResponse(await locals.backend.versions.history(access.planId, itemId, limit));
};

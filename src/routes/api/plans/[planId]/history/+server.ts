import type { RequestHandler } from './$types';
import { isSafeId } from '$lib/contract/ids';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';
import { pageResponse, readPage } from '$lib/server/api/pagination';
import { HISTORY_PAGE } from '$lib/contract/pagination';

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
	const page = readPage(url, HISTORY_PAGE);
	if (!page.ok) return page.response;
	const { limit, offset } = page.page;
	// One more than the page: whether a next page exists.
	const result = await locals.backend.versions.history(access.planId, itemId, offset + limit + 1);
	if (!result.ok) return resultResponse(result);
	return pageResponse(url, result.value, page.page);
};

import type { RequestHandler } from './$types';
import { tokenAllowsPlan } from '$lib/contract/api-token';
import { requirePrincipal } from '$lib/server/http';
import { reviewResponse } from '$lib/server/review-http';
import { resultPage } from '$lib/server/api/pagination';

/**
 * GET /api/review-queue – what needs my review, across all my plans (guests: empty); with an API
 * token limited to some plans, only theirs. Paginated.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	const result = await locals.backend.review.queue(who.principal);
	if (!result.ok) return reviewResponse(result);
	return resultPage(url, {
		ok: true,
		value: result.value.filter((entry) => tokenAllowsPlan(who.principal, entry.planId))
	});
};

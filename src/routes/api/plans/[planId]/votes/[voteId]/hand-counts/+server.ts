import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PUT /api/plans/<planId>/votes/<voteId>/hand-counts {itemId, count} – dots counted in the room (`votes.manage`). */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'votes.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.voteHandCounts.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.votes.setHandCount(access.planId, params.voteId, access, body.value)
	);
};

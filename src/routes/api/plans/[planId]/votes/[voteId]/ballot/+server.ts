import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PUT /api/plans/<planId>/votes/<voteId>/ballot {dots: {itemId: n}, revision?} – replaces the
 * caller's dots (one ballot per person or guest). The gate admits every reader (`votes.read`);
 * the service applies `votes.cast` (viewers only where the vote allows them).
 */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'votes.read');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.voteBallot.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.votes.cast(access.planId, params.voteId, access, body.value)
	);
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/votes/<voteId> – `{vote, mine, canVote, canManage}` (`votes.read`). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'votes.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.votes.get(access.planId, params.voteId, access));
};

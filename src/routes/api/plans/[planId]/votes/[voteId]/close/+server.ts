import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** POST /api/plans/<planId>/votes/<voteId>/close – ends the vote now (`votes.manage`). */
export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'votes.manage');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.votes.close(access.planId, params.voteId, access));
};

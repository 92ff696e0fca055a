import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/votes/<voteId>/apply {priorities: {itemId: 'hoch'|'mittel'|'niedrig'|''}}
 * – writes the confirmed priorities into the measures (live, with history); closed votes only
 * (`votes.manage`).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'votes.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.voteApply.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.votes.apply(access.planId, params.voteId, access, body.value)
	);
};

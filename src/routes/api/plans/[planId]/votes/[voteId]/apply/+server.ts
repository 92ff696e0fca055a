import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/**
 * POST /api/plans/<planId>/votes/<voteId>/apply {priorities: {itemId: 'hoch'|'mittel'|'niedrig'|''}}
 * – writes the confirmed priorities into the measures (live, with history); closed votes only
 * (`votes.manage`).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'votes.manage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.votes.apply(access.planId, params.voteId, access, body.value)
	);
};

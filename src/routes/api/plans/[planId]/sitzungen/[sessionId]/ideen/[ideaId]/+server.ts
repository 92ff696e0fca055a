import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PATCH /api/plans/<planId>/sitzungen/<id>/ideen/<ideaId> {text?, hidden?, clusterId?} – the
 * Moderation edits, hides/shows or groups an idea (`meeting.facilitate` and the session's
 * Moderation, checked by the service).
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.ideaPatch.body, 256 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.ideas.edit(
			access,
			access.planId,
			params.sessionId,
			params.ideaId,
			body.value
		)
	);
};

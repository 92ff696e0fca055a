import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/protokoll/kommentare {text} – a comment on the
 * protocol: attendees with an account, from the end of the session until the comment window
 * closes (then 409 `comments_closed`). 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.protocolComment.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.comment(access, access.planId, params.sessionId, body.value),
		201
	);
};

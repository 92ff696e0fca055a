import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/protokoll/kommentare {text} – a comment on the
 * protocol: attendees with an account, from the end of the session until the comment window
 * closes (then 409 `comments_closed`). 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.comment(access, access.planId, params.sessionId, body.value),
		201
	);
};

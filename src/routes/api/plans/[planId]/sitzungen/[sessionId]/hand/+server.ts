import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/sitzungen/<id>/hand {raised: boolean} – raise or lower one's own hand. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.meetingHand.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.meetings.hand(
			access,
			access.planId,
			params.sessionId,
			body.value.raised as boolean
		)
	);
};

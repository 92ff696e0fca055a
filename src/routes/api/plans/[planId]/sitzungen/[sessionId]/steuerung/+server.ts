import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/steuerung {action, …} – a facilitator control (start,
 * end, step, timer_*, lock, follow, hand_lower); answers the new live state, pushed to all.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.meetingControl.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.meetings.control(access, access.planId, params.sessionId, body.value)
	);
};

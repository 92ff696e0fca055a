import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/anwesenheit {name, organisation?} | {headCount} – a
 * person in the room without a device, or the head count; the session's facilitators.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.attendanceAdd.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.meetings.addAttendance(access, access.planId, params.sessionId, body.value)
	);
};

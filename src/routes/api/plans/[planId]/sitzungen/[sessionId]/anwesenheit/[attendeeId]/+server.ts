import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** DELETE /api/plans/<planId>/sitzungen/<id>/anwesenheit/<attendeeId> – facilitators. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.meetings.removeAttendee(
			access,
			access.planId,
			params.sessionId,
			params.attendeeId
		)
	);
};

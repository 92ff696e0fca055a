import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** GET /api/plans/<planId>/sitzungen/<id> – session, live state, attendance, serverNow; members. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.meetings.view(access, access.planId, params.sessionId)
	);
};

/**
 * PATCH /api/plans/<planId>/sitzungen/<id> (fields of the session) – the session's facilitators;
 * `facilitatorId` only the owner.
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.meetingPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.meetings.update(access, access.planId, params.sessionId, body.value)
	);
};

/** DELETE /api/plans/<planId>/sitzungen/<id> – owner; not while it runs. 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.meetings.remove(access, access.planId, params.sessionId),
		204
	);
};

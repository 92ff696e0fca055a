import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/** POST /api/plans/<planId>/sitzungen/<id>/hand {raised: boolean} – raise or lower one's own hand. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
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

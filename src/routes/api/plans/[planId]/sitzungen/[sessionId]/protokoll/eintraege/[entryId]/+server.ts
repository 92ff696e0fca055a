import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/sitzungen/<id>/protokoll/eintraege/<entryId> – changes an entry. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.minutes');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.minutesPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.update(
			access,
			access.planId,
			params.sessionId,
			params.entryId,
			body.value
		)
	);
};

/** DELETE /api/plans/<planId>/sitzungen/<id>/protokoll/eintraege/<entryId> – 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.minutes');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.minutes.remove(access, access.planId, params.sessionId, params.entryId),
		204
	);
};

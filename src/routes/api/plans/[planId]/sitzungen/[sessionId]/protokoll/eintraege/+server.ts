import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/protokoll/eintraege {kind, text, itemId?, assigneeId?,
 * assigneeName?, dueDate?} – records a decision, task or open question (facilitator or named
 * note-taker, until the session ends); pushed live as `meeting:minutes`. 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.minutes');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.minutesAdd.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.add(access, access.planId, params.sessionId, body.value),
		201
	);
};

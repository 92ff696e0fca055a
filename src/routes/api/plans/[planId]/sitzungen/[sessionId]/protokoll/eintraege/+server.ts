import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/protokoll/eintraege {kind, text, itemId?, assigneeId?,
 * assigneeName?, dueDate?} – records a decision, task or open question (facilitator or named
 * note-taker, until the session ends); pushed live as `meeting:minutes`. 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.minutes');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.add(access, access.planId, params.sessionId, body.value),
		201
	);
};

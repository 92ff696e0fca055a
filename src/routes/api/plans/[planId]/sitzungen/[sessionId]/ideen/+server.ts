import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** Room for an over-long idea to reach the service, which answers it with a clear 400. */
const IDEA_BODY_BYTES = 256 * 1024;

/**
 * GET /api/plans/<planId>/sitzungen/<id>/ideen – the session's idea wall (ideas, clusters, what
 * the caller may do); everyone who may join the session (`meeting.join`). Hidden ideas only for
 * the Moderation.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.ideas.wall(access, access.planId, params.sessionId));
};

/**
 * POST /api/plans/<planId>/sitzungen/<id>/ideen {clientId, text, anonymous?, fieldId?} – adds an
 * idea (`meeting.ideas`: members from „Prüfen und kommentieren“ up and guests invited so);
 * 201 with the idea, or 200 with the stored idea when the same person sends the same `clientId`
 * again (idempotent: offline queue, retry).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.ideas');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.ideaAdd.body, IDEA_BODY_BYTES);
	if (!body.ok) return body.response;
	const result = await locals.backend.ideas.add(
		access,
		access.planId,
		params.sessionId,
		body.value
	);
	if (!result.ok) return resultResponse(result);
	return resultResponse({ ok: true, value: result.value.idea }, result.value.created ? 201 : 200);
};

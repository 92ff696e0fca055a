import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/zeitplan/phases {title, start, end, fieldId?} – owner; 201 with the new entry. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.phaseCreate.body);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.schedule.addPhase(access.planId, body.value), 201);
};

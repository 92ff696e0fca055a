import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/zeitplan/default {start, meetingsPerField?} – owner: fills an empty
 * Zeitplan with the default after seed 003 (409 `schedule_not_empty` otherwise); 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.scheduleDefault.body);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.schedule.applyDefault(access.planId, body.value), 201);
};

import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/** POST /api/plans/<planId>/zeitplan/milestones {title, date, time?, place?, fieldId?} – owner; 201 with the new entry. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.schedule.addMilestone(access.planId, body.value), 201);
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/zeitplan/phases/<id> (fields of {title, start, end, fieldId?}) – owner. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.phasePatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.schedule.updatePhase(access.planId, params.entryId, body.value)
	);
};

/** DELETE /api/plans/<planId>/zeitplan/phases/<id> – owner; 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.schedule.deletePhase(access.planId, params.entryId),
		204
	);
};

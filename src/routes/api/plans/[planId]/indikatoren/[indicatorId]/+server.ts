import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/indikatoren/<id> (any of name, unit, baseline, target) – editors. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.indicatorPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.indicators.update(access.planId, params.indicatorId, body.value)
	);
};

/** DELETE /api/plans/<planId>/indikatoren/<id> – editors; 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.indicators.remove(access.planId, params.indicatorId),
		204
	);
};

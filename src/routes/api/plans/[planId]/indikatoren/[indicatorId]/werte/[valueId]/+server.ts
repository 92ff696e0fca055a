import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/indikatoren/<id>/werte/<valueId> (any of value, date, source) – editors. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.valuePatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.indicators.updateValue(
			access.planId,
			params.indicatorId,
			params.valueId,
			body.value
		)
	);
};

/** DELETE /api/plans/<planId>/indikatoren/<id>/werte/<valueId> – editors; the indicator comes back. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.indicators.removeValue(access.planId, params.indicatorId, params.valueId)
	);
};

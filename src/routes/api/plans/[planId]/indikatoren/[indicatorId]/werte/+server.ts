import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/indikatoren/<id>/werte {value, date, source?} – editors; 201 with the indicator. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.valueCreate.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.indicators.addValue(access.planId, params.indicatorId, body.value),
		201
	);
};

import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/** POST /api/plans/<planId>/indikatoren/<id>/werte {value, date, source?} – editors; 201 with the indicator. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.indicators.addValue(access.planId, params.indicatorId, body.value),
		201
	);
};

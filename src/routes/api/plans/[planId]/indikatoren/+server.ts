import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/indikatoren – every indicator of the plan's goals (members). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'indicators.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.indicators.list(access.planId));
};

/** POST /api/plans/<planId>/indikatoren {goalId, name, unit?, baseline?, target?} – editors; 201. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.indicators.create(access.planId, body.value), 201);
};

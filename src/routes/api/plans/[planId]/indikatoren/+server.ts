import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { resultPage } from '$lib/server/api/pagination';

/** GET /api/plans/<planId>/indikatoren – every indicator of the plan's goals, paginated (members). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'indicators.read');
	if (!access.ok) return access.response;
	return resultPage(url, await locals.backend.indicators.list(access.planId));
};

/** POST /api/plans/<planId>/indikatoren {goalId, name, unit?, baseline?, target?} – editors; 201. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'indicators.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.indicatorCreate.body);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.indicators.create(access.planId, body.value), 201);
};

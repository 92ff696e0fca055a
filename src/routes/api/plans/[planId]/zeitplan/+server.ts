import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * GET /api/plans/<planId>/zeitplan – the Zeitplan: `{phases, milestones, automatic, fields,
 * today}`; every member (`schedule.read`).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'schedule.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.schedule.view(access.planId));
};

/** PUT /api/plans/<planId>/zeitplan {phases, milestones} – replaces the whole Zeitplan; owner. */
export const PUT: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'schedule.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.scheduleReplace.body, 256 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.schedule.replace(access.planId, body.value));
};

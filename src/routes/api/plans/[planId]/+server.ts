import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** GET /api/plans/<planId> – the whole plan as PlanJson (docs/data-model.md); any member. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.getPlan(access.planId));
};

/** PATCH /api/plans/<planId> {title?, municipality?, status?} – owner only; history + audit. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'plan.settings');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.planPatch.body);
	if (!body.ok) return body.response;
	const result = await locals.backend.commands.changeSettings(
		access.principal,
		access.planId,
		body.value
	);
	return resultResponse(result);
};

/** DELETE /api/plans/<planId> – owner only; connected clients are disconnected (4410);
 * feedback, review and access data go with it. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.delete');
	if (!access.ok) return access.response;
	const result = await locals.backend.commands.deletePlanCascade(access.planId);
	return resultResponse(result, 204);
};

import type { RequestHandler } from './$types';
import { readJsonObject, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId> – the whole plan as PlanJson (docs/data-model.md). */
export const GET: RequestHandler = async ({ locals, params }) =>
	resultResponse(await locals.backend.getPlan(params.planId));

/** PATCH /api/plans/<planId> {title?, municipality?, status?} – changes the plan's metadata. */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.updatePlanMeta(params.planId, body.value));
};

/** DELETE /api/plans/<planId> – deletes the plan; connected clients are disconnected (4410). */
export const DELETE: RequestHandler = async ({ locals, params }) =>
	resultResponse(await locals.backend.deletePlan(params.planId), 204);

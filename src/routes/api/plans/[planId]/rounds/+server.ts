import type { RequestHandler } from './$types';
import { readJsonObject, authorize, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/rounds – the plan's feedback rounds with state and counts; owner. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.feedback.listRounds(access.planId));
};

/**
 * POST /api/plans/<planId>/rounds {title, fieldIds ([] = whole plan), startsAt, endsAt, intro?}
 * – owner; 201 with the round (including its public token). Audited.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.createRound(access.planId, access.principal, body.value),
		201
	);
};

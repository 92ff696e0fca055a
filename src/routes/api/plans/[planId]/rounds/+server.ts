import type { RequestHandler } from './$types';
import { readJsonObject, requirePlanRole, resultResponse } from '$lib/server/http';
import { publicOrigin } from '$lib/server/request-origin';
import { roundUrl } from '$lib/feedback/api';

/**
 * GET /api/plans/<planId>/rounds – the plan's feedback rounds with state, counts and `url` (the
 * public link, written like invite links: ORIGIN or the request's real address); owner.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	const result = await locals.backend.feedback.listRounds(params.planId);
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	return resultResponse({
		ok: true,
		value: result.value.map((round) => ({ ...round, url: roundUrl(origin, round.token) }))
	});
};

/**
 * POST /api/plans/<planId>/rounds {title, fieldIds ([] = whole plan), startsAt, endsAt, intro?}
 * – owner; 201 with the round (including its public token). Audited.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.createRound(params.planId, access.principal, body.value),
		201
	);
};

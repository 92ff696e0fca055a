import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { publicOrigin } from '$lib/contract/request-origin';
import { roundUrl } from '$lib/feedback/api';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { resultPage } from '$lib/server/api/pagination';

/**
 * GET /api/plans/<planId>/rounds – the plan's feedback rounds with state, counts and `url` (the
 * public link, written like invite links: ORIGIN or the request's real address); owner.
 */
export const GET: RequestHandler = async (event) => {
	const { locals, params } = event;
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const result = await locals.backend.feedback.listRounds(access.planId);
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	return resultPage(event.url, {
		ok: true,
		value: result.value.map((round) => ({ ...round, url: roundUrl(origin, round.token) }))
	});
};

/**
 * POST /api/plans/<planId>/rounds {title, fieldIds ([] = whole plan), startsAt, endsAt, intro?}
 * – owner; 201 with the round (including its public token). Audited.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.roundCreate.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.createRound(access.planId, access.principal, body.value),
		201
	);
};

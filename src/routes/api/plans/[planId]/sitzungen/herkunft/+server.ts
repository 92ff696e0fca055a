import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/sitzungen/herkunft?itemId=… – the session an item was made from on the
 * idea wall ({sessionId, sessionTitle, sessionDate, ideaIds, clusterId}) or null; `plan.read`.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.ideas.origin(access.planId, url.searchParams.get('itemId') ?? '')
	);
};

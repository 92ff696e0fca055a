import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/rounds/<roundId>/submissions – the triage inbox; owner. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.listSubmissions(access.planId, params.roundId)
	);
};

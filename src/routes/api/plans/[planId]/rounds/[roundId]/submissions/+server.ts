import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';
import { resultPage } from '$lib/server/api/pagination';

/** GET /api/plans/<planId>/rounds/<roundId>/submissions – the triage inbox; owner. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	return resultPage(
		url,
		await locals.backend.feedback.listSubmissions(access.planId, params.roundId)
	);
};

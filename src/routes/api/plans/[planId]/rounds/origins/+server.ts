import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/rounds/origins?itemId=… – submissions behind an item; any member. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'feedback.read');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.origins(access.planId, url.searchParams.get('itemId') ?? '')
	);
};

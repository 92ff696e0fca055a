import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/rounds/abwaegung[?roundId=…] – the consideration table as JSON; any
 * member (it goes to the council). Contributors' names only for the owner.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.consideration(params.planId, {
			roundId: url.searchParams.get('roundId') ?? undefined,
			withNames: access.role === 'owner'
		})
	);
};

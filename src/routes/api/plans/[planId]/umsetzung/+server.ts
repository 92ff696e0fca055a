import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/umsetzung – the Umsetzung dashboard data: every measure with its
 * implementation data, the roll-up per field and goal, the council decision; every member.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.monitoring.overview(
			{ principal: access.principal, role: access.role },
			access.planId
		)
	);
};

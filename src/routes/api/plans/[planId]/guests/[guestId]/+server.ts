import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/**
 * DELETE /api/plans/<planId>/guests/<guestId> – ends this one guest's access (owner); 204. The
 * guest's connections close, and the guest is told the owner removed them.
 */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.access.removeGuest(params.planId, access.principal, params.guestId),
		204
	);
};

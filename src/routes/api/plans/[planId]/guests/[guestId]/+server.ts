import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * DELETE /api/plans/<planId>/guests/<guestId> – ends this one guest's access (owner); 204. The
 * guest's connections close, and the guest is told the owner removed them.
 */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.access.removeGuest(access.planId, access.principal, params.guestId),
		204
	);
};

import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/** DELETE /api/plans/<planId>/invites/<inviteId> – revokes the invite (owner); 200 Invite. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.access.revokeInvite(params.planId, access.principal, params.inviteId)
	);
};

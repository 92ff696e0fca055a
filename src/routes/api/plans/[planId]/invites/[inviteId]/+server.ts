import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** DELETE /api/plans/<planId>/invites/<inviteId> – revokes the invite (owner); 200 Invite. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.access.revokeInvite(access.planId, access.principal, params.inviteId)
	);
};

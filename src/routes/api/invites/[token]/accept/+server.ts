import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';

/** POST /api/invites/<token>/accept – the signed-in account joins the plan: `{planId, role}`. */
export const POST: RequestHandler = async ({ locals, params }) => {
	const user = await requireAccount(locals, 'invite.accept');
	if (!user.ok) return user.response;
	return resultResponse(await locals.backend.access.acceptInvite(params.token, user.principal));
};

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { resultResponse, storageUnavailable } from '$lib/server/http';

/**
 * GET /api/invites/<token> – what the invite page shows: `{planTitle, role, allowGuests,
 * expiresAt}`; 404 unknown, 410 expired / revoked / used up. Needs no session.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const invite = await locals.backend.access.inspectInvite(params.token);
	if (!invite.ok) return resultResponse(invite);
	const plan = await locals.backend.getPlan(invite.value.planId);
	if (!plan.ok) return plan.error.status === 503 ? storageUnavailable() : resultResponse(plan);
	return json({
		planTitle: plan.value.meta.title,
		role: invite.value.role,
		allowGuests: invite.value.allowGuests,
		expiresAt: invite.value.expiresAt
	});
};

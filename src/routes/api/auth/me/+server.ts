import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { GUEST_ENDED_MESSAGES } from '$lib/auth/guest-ended';
import { errorResponse, storageUnavailable, unauthenticated } from '$lib/server/http';

/**
 * GET /api/auth/me – `{principal, canCreatePlans}` of the current session (the gate decides
 * canCreatePlans by 'plan.create' in the policy table); 401 when not signed in
 * (`guest_<reason>` when a guest's access ended: invite_revoked, invite_expired, guest_removed).
 */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.principal) {
		// A guest whose access ended: say why (the layout then shows /gast-beendet).
		const ended = locals.guestEnded;
		if (ended) return errorResponse(401, `guest_${ended}`, GUEST_ENDED_MESSAGES[ended]);
		return unauthenticated();
	}
	const may = await locals.backend.gate.authorizeAccount(locals.principal, 'plan.create');
	if (!may.ok && may.error.status === 503) return storageUnavailable();
	return json({ principal: locals.principal, canCreatePlans: may.ok });
};

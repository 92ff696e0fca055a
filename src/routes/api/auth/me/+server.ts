import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { GUEST_ENDED_MESSAGES } from '$lib/auth/guest-ended';
import { errorResponse, storageUnavailable, unauthenticated } from '$lib/server/http';
import { mayCreatePlans } from '$lib/server/plan-creators';

/**
 * GET /api/auth/me – `{principal, canCreatePlans}` of the current session (PLAN_CREATORS decides
 * canCreatePlans); 401 when not signed in
 * (`guest_<reason>` when a guest's access ended: invite_revoked, invite_expired, guest_removed).
 */
export const GET: RequestHandler = async ({ locals }) => {
	if (!locals.principal) {
		// A guest whose access ended: say why (the layout then shows /gast-beendet).
		const ended = locals.guestEnded;
		if (ended) return errorResponse(401, `guest_${ended}`, GUEST_ENDED_MESSAGES[ended]);
		return unauthenticated();
	}
	const { access, settings } = locals.backend;
	try {
		const canCreatePlans = await mayCreatePlans(locals.principal, settings.planCreators, (id) =>
			access.plansOf(id)
		);
		return json({ principal: locals.principal, canCreatePlans });
	} catch {
		return storageUnavailable();
	}
};

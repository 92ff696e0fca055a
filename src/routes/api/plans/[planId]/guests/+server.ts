import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePlanRole, storageUnavailable } from '$lib/server/http';

/** GET /api/plans/<planId>/guests – GuestInfo[]: guests whose access is still valid (owner). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	try {
		return json(await locals.backend.access.listGuests(params.planId));
	} catch {
		return storageUnavailable();
	}
};

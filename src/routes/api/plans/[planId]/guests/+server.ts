import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, storageUnavailable } from '$lib/server/http';

/** GET /api/plans/<planId>/guests – GuestInfo[]: guests whose access is still valid (owner). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	try {
		return json(await locals.backend.access.listGuests(access.planId));
	} catch {
		return storageUnavailable();
	}
};

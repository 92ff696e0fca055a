import type { RequestHandler } from './$types';
import { authorize, storageUnavailable } from '$lib/server/http';
import { paginated } from '$lib/server/api/pagination';

/** GET /api/plans/<planId>/guests – GuestInfo[]: guests whose access is still valid (owner). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'members.manage');
	if (!access.ok) return access.response;
	try {
		return await paginated(url, () => locals.backend.access.listGuests(access.planId));
	} catch {
		return storageUnavailable();
	}
};

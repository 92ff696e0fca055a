import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requirePlanRole, storageUnavailable } from '$lib/server/http';

/**
 * POST /api/plans/<planId>/sync-token – `{token, expiresAt}`: a short-lived signed token for
 * the websocket (`/sync/<planId>?token=…`), for scripts and clients without the cookie.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	try {
		return json(await locals.backend.access.issueSyncToken(access.principal, params.planId));
	} catch {
		return storageUnavailable();
	}
};

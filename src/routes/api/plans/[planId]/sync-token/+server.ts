import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, storageUnavailable } from '$lib/server/http';

/**
 * POST /api/plans/<planId>/sync-token – `{token, expiresAt}`: a short-lived signed token for
 * the websocket (`/sync/<planId>?token=…`), for scripts and clients without the cookie.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	try {
		return json(await locals.backend.access.issueSyncToken(access.principal, access.planId));
	} catch {
		return storageUnavailable();
	}
};

import type { RequestHandler } from './$types';
import { requirePrincipal } from '$lib/server/http';
import { reviewResponse } from '$lib/server/review-http';

/** GET /api/notifications – my inbox (accounts only; guests 403). */
export const GET: RequestHandler = async ({ locals }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	return reviewResponse(await locals.backend.review.inbox(who.principal));
};

import type { RequestHandler } from './$types';
import { requirePrincipal } from '$lib/server/http';
import { reviewResponse } from '$lib/server/review-http';

/** GET /api/review-queue – what needs my review, across all my plans (guests: empty). */
export const GET: RequestHandler = async ({ locals }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	return reviewResponse(await locals.backend.review.queue(who.principal));
};

import type { RequestHandler } from './$types';
import { requirePrincipal } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { reviewResponse } from '$lib/server/review-http';

/** POST /api/notifications/read {ids} | {all: true} – marks read; answers {unread}. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	const body = await parseBody(request, ROUTES.notificationsRead.body);
	if (!body.ok) return body.response;
	return reviewResponse(await locals.backend.review.markRead(who.principal, body.value));
};

import type { RequestHandler } from './$types';
import { tokenAllowsPlan } from '$lib/contract/api-token';
import { requirePrincipal } from '$lib/server/http';
import { reviewResponse } from '$lib/server/review-http';
import { getLocale } from '$lib/i18n';

/**
 * GET /api/notifications – my inbox (accounts only; guests 403). An API token limited to some
 * plans sees only their notifications. Each `text` in the request's language (cookie, then
 * Accept-Language).
 */
export const GET: RequestHandler = async ({ locals }) => {
	const who = await requirePrincipal(locals);
	if (!who.ok) return who.response;
	const result = await locals.backend.review.inbox(who.principal, getLocale());
	if (!result.ok) return reviewResponse(result);
	const notifications = result.value.notifications.filter((n) =>
		tokenAllowsPlan(who.principal, n.planId)
	);
	if (notifications.length === result.value.notifications.length) return reviewResponse(result);
	return reviewResponse({
		ok: true,
		value: { notifications, unread: notifications.filter((n) => !n.read).length }
	});
};

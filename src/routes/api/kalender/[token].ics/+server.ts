import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';

/**
 * GET /api/kalender/<token>.ics – public (the token is the key, see server/access/routes.ts): the
 * Zeitplan of the token's plan as iCalendar for calendar programs (Outlook, Thunderbird …).
 * 404 `feed_not_found`, 410 `feed_revoked` / `feed_no_access` with a German message.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const result = await locals.backend.schedule.calendar(params.token);
	if (!result.ok) return resultResponse(result);
	return new Response(result.value.ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="zeitplan.ics"',
			'cache-control': 'private, no-cache'
		}
	});
};

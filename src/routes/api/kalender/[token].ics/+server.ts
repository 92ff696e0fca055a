import type { RequestHandler } from './$types';
import { errorResponse, resultResponse } from '$lib/server/http';
import { isInterfaceLocale } from '$lib/contract/languages';

/**
 * GET /api/kalender/<token>.ics – public (the token is the key, see server/access/routes.ts): the
 * Zeitplan of the token's plan as iCalendar for calendar programs (Outlook, Thunderbird …).
 * `?sprache=de|en` words the calendar's own texts (default German, like the PDF exports; a link
 * made from the English interface carries `sprache=en`); other values: 400 invalid_language.
 * Calendar programs send no cookie, so the request's interface language is not used.
 * 404 `feed_not_found`, 410 `feed_revoked` / `feed_no_access` with a German message.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const asked = url.searchParams.get('sprache') ?? 'de';
	if (!isInterfaceLocale(asked))
		return errorResponse(
			400,
			'invalid_language',
			'Diese Sprache gibt es für den Kalender nicht. Möglich: de, en.',
			undefined,
			'sprache'
		);
	const result = await locals.backend.schedule.calendar(params.token, asked);
	if (!result.ok) return resultResponse(result);
	return new Response(result.value.ics, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="zeitplan.ics"',
			'cache-control': 'private, no-cache'
		}
	});
};

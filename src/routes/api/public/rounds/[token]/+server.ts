import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';

/**
 * GET /api/public/rounds/<token>[?sprache=<code>] – no sign-in: the round (title, intro, dates,
 * state) and the current draft of ONLY its fields with their goals and measures, read from the
 * live plan; after the round has ended also its consideration table (without names). With
 * `sprache` (one of the plan's content languages) the texts come translated, German where a
 * translation is missing, and `marks` says which is which. Unknown link or deleted plan: 404
 * `round_not_found`; a language the plan does not offer: 400 `invalid_language`.
 */
export const GET: RequestHandler = async ({ locals, params, url }) =>
	resultResponse(
		await locals.backend.feedback.publicRound(params.token, url.searchParams.get(LANGUAGE_PARAM))
	);

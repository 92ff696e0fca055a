import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';
import { LANGUAGE_PARAM } from '$lib/domain/reader-language';

/**
 * GET /api/public/umsetzung/<token>[?sprache=<code>] – no sign-in: the public progress page as
 * JSON (plan title, council decision, fields → goals → public measures with status, progress,
 * latest Sachstand, indicators; counts over the public measures). With `sprache` (one of the
 * plan's content languages) item texts come translated, German where missing (`marks`).
 * Unknown or revoked link: 404 `public_not_found`; a language the plan does not offer: 400
 * `invalid_language`.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const response = resultResponse(
		await locals.backend.monitoring.publicProgress(
			params.token,
			url.searchParams.get(LANGUAGE_PARAM)
		)
	);
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};

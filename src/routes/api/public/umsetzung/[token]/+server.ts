import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';

/**
 * GET /api/public/umsetzung/<token> – no sign-in: the public progress page as JSON (plan title,
 * council decision, fields → goals → public measures with status, progress, latest Sachstand,
 * indicators; counts over the public measures). Unknown or revoked link: 404 `public_not_found`.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const response = resultResponse(await locals.backend.monitoring.publicProgress(params.token));
	response.headers.set('x-robots-tag', 'noindex');
	return response;
};

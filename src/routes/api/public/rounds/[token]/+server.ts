import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';

/**
 * GET /api/public/rounds/<token> – no sign-in: the round (title, intro, dates, state) and the
 * current draft of ONLY its fields with their goals and measures, read from the live plan; after
 * the round has ended also its consideration table (without names). Unknown link or deleted
 * plan: 404 `round_not_found`.
 */
export const GET: RequestHandler = async ({ locals, params }) =>
	resultResponse(await locals.backend.feedback.publicRound(params.token));

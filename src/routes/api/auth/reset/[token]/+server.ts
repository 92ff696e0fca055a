import type { RequestHandler } from './$types';
import { resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';

/**
 * POST /api/auth/reset/<token> {password} – 204: sets the own password through a reset link made
 * by the Administration (one-time); ends all sessions. 410 reset_link_invalid when used/expired.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const body = await parseBody(request, ROUTES.reset.body, 8 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.access.useResetLink(params.token, str(body.value.password)),
		204
	);
};

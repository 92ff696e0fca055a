import type { RequestHandler } from './$types';
import { clientAddress, errorResponse, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** Largest submission body: 5,000 characters of text (up to 4 bytes each) plus the rest. */
const MAX_SUBMISSION_BYTES = 32 * 1024;

/**
 * POST /api/public/rounds/<token>/submissions {kind, targetId, title, text, name?, consent:true}
 * – no sign-in. 201 {number, id}. 404 unknown link, 409 `round_not_open`, 410 `round_closed`,
 * 400 invalid input, 413 too large, 429 too many from this address (Retry-After) or round full.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params, request } = event;
	const body = await parseBody(request, ROUTES.publicSubmission.body, MAX_SUBMISSION_BYTES);
	if (!body.ok) return body.response;
	const result = await locals.backend.feedback.submit(
		params.token,
		body.value,
		clientAddress(event)
	);
	if (!result.ok && result.retryAfterSeconds) {
		return errorResponse(result.error.status, result.error.code, result.error.message, {
			'retry-after': String(result.retryAfterSeconds)
		});
	}
	return resultResponse(result, 201);
};

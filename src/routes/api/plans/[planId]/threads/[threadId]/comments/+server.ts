import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/threads/<threadId>/comments {body, mentions?} – reply (reviewer+). */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, planId, body) =>
			event.locals.backend.review.reply(caller, planId, event.params.threadId, body),
		{ schema: ROUTES.commentCreate.body, okStatus: 201 }
	);

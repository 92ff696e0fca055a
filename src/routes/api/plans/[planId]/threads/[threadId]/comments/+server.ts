import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** POST /api/plans/<planId>/threads/<threadId>/comments {body, mentions?} – reply (reviewer+). */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, body) =>
			event.locals.backend.review.reply(caller, event.params.planId, event.params.threadId, body),
		{ withBody: true, okStatus: 201 }
	);

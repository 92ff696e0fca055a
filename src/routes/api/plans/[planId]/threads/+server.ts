import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** POST /api/plans/<planId>/threads {itemId, body, mentions?} – opens a thread (reviewer+). */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, planId, body) => event.locals.backend.review.createThread(caller, planId, body),
		{ withBody: true, okStatus: 201 }
	);

import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/threads {itemId, body, mentions?} – opens a thread (reviewer+). */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, planId, body) => event.locals.backend.review.createThread(caller, planId, body),
		{ schema: ROUTES.threadCreate.body, okStatus: 201 }
	);

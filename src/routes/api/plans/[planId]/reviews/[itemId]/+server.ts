import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PUT /api/plans/<planId>/reviews/<itemId> {requestId, verdict, comment} – a reviewer named on
 * that open request records (or replaces) their decision on a goal or measure.
 */
export const PUT: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.decide',
		(caller, planId, body) =>
			event.locals.backend.review.decide(caller, planId, event.params.itemId, body),
		{ schema: ROUTES.reviewDecide.body }
	);

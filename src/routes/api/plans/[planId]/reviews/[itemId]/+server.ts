import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';
import { currentRequestLocale } from '$lib/server/error-language';

/**
 * PUT /api/plans/<planId>/reviews/<itemId> {requestId, verdict, comment} – a reviewer named on
 * that open request records (or replaces) their decision on a goal or measure. "Changes requested"
 * writes the comment into a discussion, led by words in the reviewer's interface language.
 */
export const PUT: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.decide',
		(caller, planId, body) =>
			event.locals.backend.review.decide(
				caller,
				planId,
				event.params.itemId,
				body,
				currentRequestLocale()
			),
		{ schema: ROUTES.reviewDecide.body }
	);

import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** DELETE /api/plans/<planId>/checks/<checkId> – owner. */
export const DELETE: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller) =>
			event.locals.backend.review.removeCheck(caller, event.params.planId, event.params.checkId),
		{ okStatus: 204 }
	);

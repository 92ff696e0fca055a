import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** DELETE /api/plans/<planId>/checks/<checkId> – owner. */
export const DELETE: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, planId) =>
			event.locals.backend.review.removeCheck(caller, planId, event.params.checkId),
		{ okStatus: 204 }
	);

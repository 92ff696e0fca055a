import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** POST /api/plans/<planId>/review-requests {scope, reviewerIds, dueDate, message} – owner. */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, body) => event.locals.backend.review.createRequest(caller, event.params.planId, body),
		{ withBody: true, okStatus: 201 }
	);

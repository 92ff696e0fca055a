import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** POST /api/plans/<planId>/review-requests {scope, reviewerIds, dueDate, message} – owner. */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, planId, body) => event.locals.backend.review.createRequest(caller, planId, body),
		{ withBody: true, okStatus: 201 }
	);

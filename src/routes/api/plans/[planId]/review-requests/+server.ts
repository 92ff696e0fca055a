import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/review-requests {scope, reviewerIds, dueDate, message} – owner. */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, planId, body) => event.locals.backend.review.createRequest(caller, planId, body),
		{ schema: ROUTES.reviewRequestCreate.body, okStatus: 201 }
	);

import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/review-requests/<requestId> {closed} – owner. */
export const PATCH: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, planId, body) =>
			event.locals.backend.review.setRequestClosed(caller, planId, event.params.requestId, body),
		{ schema: ROUTES.reviewRequestPatch.body }
	);

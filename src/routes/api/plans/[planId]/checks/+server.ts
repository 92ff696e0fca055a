import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** POST /api/plans/<planId>/checks {measureIds, departmentUserId, dueDate, note} – owner. */
export const POST: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.manage',
		(caller, planId, body) => event.locals.backend.review.assignChecks(caller, planId, body),
		{ schema: ROUTES.checkCreate.body, okStatus: 201 }
	);

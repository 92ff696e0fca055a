import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PUT /api/plans/<planId>/checks/<checkId>/verdict {outcome, reasons, conditions,
 * responsibleOffice} – only the assigned department.
 */
export const PUT: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.decide',
		(caller, planId, body) =>
			event.locals.backend.review.recordCheckVerdict(caller, planId, event.params.checkId, body),
		{ schema: ROUTES.checkVerdict.body }
	);

import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/threads/<threadId> {resolved} – resolve or reopen (reviewer+). */
export const PATCH: RequestHandler = (event) =>
	planReviewEndpoint(
		event,
		'review.comment',
		(caller, planId, body) =>
			event.locals.backend.review.setThreadResolved(caller, planId, event.params.threadId, body),
		{ schema: ROUTES.threadPatch.body }
	);

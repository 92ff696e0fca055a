import type { RequestHandler } from './$types';
import { planReviewEndpoint } from '$lib/server/review-http';

/** GET /api/plans/<planId>/review – threads, requests, decisions and checks (viewer or higher). */
export const GET: RequestHandler = (event) =>
	planReviewEndpoint(event, 'plan.read', (_caller, planId) =>
		event.locals.backend.review.state(planId)
	);

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST …/submissions/<subId>/item {type: 'goal' | 'measure', parentId} – owner: turns the
 * submission into a new goal (under a field) or measure (under a goal) in the live plan.
 * 201 {submission, itemId}; 409 `item_exists` if it was done before, `already_created` while
 * another request is making it (double click). Audited.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.submissionItem.body, 4096);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.createItemFrom(
			access.planId,
			params.roundId,
			params.subId,
			access.principal,
			body.value
		),
		201
	);
};

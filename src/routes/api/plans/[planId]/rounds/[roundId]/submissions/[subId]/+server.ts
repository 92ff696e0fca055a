import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PATCH …/rounds/<roundId>/submissions/<subId> {linkedItemId?, duplicateOf?, decision?, reason?}
 * – owner: link to an item, merge as duplicate, decide (adopted | partly_adopted | not_adopted
 * | null) with a reason. Audited.
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.submissionPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.triage(
			access.planId,
			params.roundId,
			params.subId,
			access.principal,
			body.value
		)
	);
};

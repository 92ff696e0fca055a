import type { RequestHandler } from './$types';
import { readJsonObject, authorize, resultResponse } from '$lib/server/http';

/**
 * PATCH …/rounds/<roundId>/submissions/<subId> {linkedItemId?, duplicateOf?, decision?, reason?}
 * – owner: link to an item, merge as duplicate, decide (adopted | partly_adopted | not_adopted
 * | null) with a reason. Audited.
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
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

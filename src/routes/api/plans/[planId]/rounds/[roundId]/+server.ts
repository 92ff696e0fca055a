import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * PATCH /api/plans/<planId>/rounds/<roundId> {title?, fieldIds?, startsAt?, endsAt?, intro?,
 * closed?} – owner: change the deadline, close early (`closed: true`) or reopen. Audited.
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.roundPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.feedback.updateRound(
			access.planId,
			params.roundId,
			access.principal,
			body.value
		)
	);
};

/** DELETE /api/plans/<planId>/rounds/<roundId> – owner; the link and all submissions go. 204. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'feedback.triage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.feedback.deleteRound(access.planId, params.roundId, access.principal),
		204
	);
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { currentRequestLocale } from '$lib/server/error-language';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/ideen/<ideaId>/uebernehmen {type: 'goal'|'measure',
 * parentId} – makes a Ziel (parent: Handlungsfeld) or Maßnahme (parent: Ziel) from the idea in
 * the live plan, with a history entry and the link back; 201 {itemId, outcome}; once only (409).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.ideaAdopt.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.ideas.convert(
			access,
			access.planId,
			params.sessionId,
			{ kind: 'idea', id: params.ideaId },
			body.value,
			currentRequestLocale()
		),
		201
	);
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { currentRequestLocale } from '$lib/server/error-language';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/ideen-gruppen/<clusterId>/uebernehmen {type, parentId}
 * – makes one Ziel or Maßnahme from the cluster (title: the cluster's, description: its visible
 * ideas under a lead line in the requester's interface language); every idea in it is marked
 * as taken over; 201 {itemId, outcome}; once only (409).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.clusterAdopt.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.ideas.convert(
			access,
			access.planId,
			params.sessionId,
			{ kind: 'cluster', id: params.clusterId },
			body.value,
			currentRequestLocale()
		),
		201
	);
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** PATCH /api/plans/<planId>/sitzungen/<id>/ideen-gruppen/<clusterId> {title} – renames (Moderation). */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.clusterPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.ideas.renameCluster(
			access,
			access.planId,
			params.sessionId,
			params.clusterId,
			body.value
		)
	);
};

/**
 * DELETE /api/plans/<planId>/sitzungen/<id>/ideen-gruppen/<clusterId> – removes the cluster, its
 * ideas stay ungrouped (Moderation; not once the cluster was taken over: 409); 204.
 */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.ideas.removeCluster(
			access,
			access.planId,
			params.sessionId,
			params.clusterId
		),
		204
	);
};

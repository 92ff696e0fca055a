import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/versions/<versionId> – {version, plan} read-only (any member). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.versions.get(params.planId, params.versionId));
};

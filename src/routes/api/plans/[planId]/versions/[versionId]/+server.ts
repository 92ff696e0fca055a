import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/versions/<versionId> – {version, plan} read-only (any member). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'viewer');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.versions.get(params.planId, params.versionId));
};

/** DELETE /api/plans/<planId>/versions/<versionId> – deletes the version (owner). Audited. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	const result = await locals.backend.versions.remove(params.planId, params.versionId);
	if (result.ok) {
		await locals.backend.access
			.audit(params.planId, access.principal, 'version_deleted', {
				version: result.value.name,
				versionId: result.value.id
			})
			.catch(() => {});
	}
	return resultResponse(result);
};

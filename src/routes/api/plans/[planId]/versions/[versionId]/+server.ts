import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/** GET /api/plans/<planId>/versions/<versionId> – {version, plan} read-only (any member). */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.versions.get(access.planId, params.versionId));
};

/** DELETE /api/plans/<planId>/versions/<versionId> – deletes the version (owner). Audited. */
export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'versions.manage');
	if (!access.ok) return access.response;
	const result = await locals.backend.versions.remove(access.planId, params.versionId);
	if (result.ok) {
		await locals.backend.access
			.audit(access.planId, access.principal, 'version_deleted', {
				version: result.value.name,
				versionId: result.value.id
			})
			.catch(() => {});
	}
	return resultResponse(result);
};

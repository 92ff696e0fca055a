import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { actorOf } from '$lib/contract/actor';
import { getLocale } from '$lib/i18n';

/**
 * POST /api/plans/<planId>/versions/<versionId>/restore – makes the version the current state
 * for everyone connected (owner). A `pre_restore` snapshot is stored first; restoring it undoes
 * the restore; its name is in the request's language. Audited.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'versions.restore');
	if (!access.ok) return access.response;
	const result = await locals.backend.versions.restore(
		access.planId,
		params.versionId,
		actorOf(access.principal),
		getLocale()
	);
	if (result.ok) {
		await locals.backend.access
			.audit(access.planId, access.principal, 'version_restored', {
				version: result.value.restored.name,
				versionId: result.value.restored.id,
				snapshot: result.value.snapshot.id
			})
			.catch(() => {});
	}
	return resultResponse(result);
};

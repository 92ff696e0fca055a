import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { actorOf } from '$lib/contract/actor';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { resultPage } from '$lib/server/api/pagination';

/** GET /api/plans/<planId>/versions – all versions of the plan, newest first (any member). */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return resultPage(url, await locals.backend.versions.list(access.planId));
};

/** POST /api/plans/<planId>/versions {name} – takes a named version of the current state (owner). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'versions.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.versionCreate.body);
	if (!body.ok) return body.response;
	const result = await locals.backend.versions.take(
		access.planId,
		actorOf(access.principal),
		body.value.name as string
	);
	if (result.ok) {
		await locals.backend.access
			.audit(access.planId, access.principal, 'version_created', {
				version: result.value.name,
				versionId: result.value.id
			})
			.catch(() => {});
	}
	return resultResponse(result, 201);
};

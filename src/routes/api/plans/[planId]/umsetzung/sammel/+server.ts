import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/**
 * POST /api/plans/<planId>/umsetzung/sammel {measureIds, status, reason} – one status change with
 * one reason for several measures; or {measureIds, public} – several measures "nicht öffentlich"
 * (false) or public again (true); owner. Answers `{updated, refused}`.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'monitoring.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.bulkStatus.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.monitoring.bulkStatus(
			{ principal: access.principal, role: access.role },
			access.planId,
			body.value
		)
	);
};

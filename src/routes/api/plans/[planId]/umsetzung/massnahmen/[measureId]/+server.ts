import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** GET /api/plans/<planId>/umsetzung/massnahmen/<measureId> – one measure's data; every member. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.monitoring.get(
			{ principal: access.principal, role: access.role },
			access.planId,
			params.measureId
		)
	);
};

/**
 * PATCH …/massnahmen/<measureId> {status+reason?, progressMode?, percent?, milestones?, office?,
 * contact?, budget?, nextUpdateDue?, responsibleIds? (owner)} – the measure's responsible people
 * and the owner (the service checks who is responsible).
 */
export const PATCH: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'monitoring.report');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.measureImplPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.monitoring.update(
			{ principal: access.principal, role: access.role },
			access.planId,
			params.measureId,
			body.value
		)
	);
};

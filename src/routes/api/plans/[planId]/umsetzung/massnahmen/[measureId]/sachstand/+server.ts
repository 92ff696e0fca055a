import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** POST …/massnahmen/<measureId>/sachstand {date, text} – adds a dated Sachstand (responsible/owner). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'monitoring.report');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.sachstand.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.monitoring.addNote(
			{ principal: access.principal, role: access.role },
			access.planId,
			params.measureId,
			body.value
		),
		201
	);
};

import type { RequestHandler } from './$types';
import { authorize, readJsonObject, resultResponse } from '$lib/server/http';

/** POST …/massnahmen/<measureId>/sachstand {date, text} – adds a dated Sachstand (responsible/owner). */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'monitoring.report');
	if (!access.ok) return access.response;
	const body = await readJsonObject(request);
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

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { getLocale } from '$lib/i18n';

/** GET /api/plans/<planId>/umsetzung/beschluss – the council decision or null; every member. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.monitoring.adoption(access.planId));
};

/**
 * POST /api/plans/<planId>/umsetzung/beschluss {date, body, reference} – the plan becomes
 * "beschlossen" and the version "Beschlussfassung" is frozen (named in the request's language);
 * owner only (409 if adopted).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'monitoring.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.adoption.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.monitoring.adopt(access.principal, access.planId, body.value, getLocale()),
		201
	);
};

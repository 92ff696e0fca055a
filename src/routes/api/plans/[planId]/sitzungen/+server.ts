import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { resultPage } from '$lib/server/api/pagination';
import { currentRequestLocale } from '$lib/server/error-language';

/** GET /api/plans/<planId>/sitzungen – the plan's sessions, newest first, paginated; every member. */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	return resultPage(url, await locals.backend.meetings.list(access.planId));
};

/**
 * POST /api/plans/<planId>/sitzungen {title, date, time?, room?, videoLink?, fieldId?, agenda?,
 * facilitatorId?} – a new session (default agenda when none is given, its steps named in the
 * request's interface language; German when the request names none); owner. 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'meeting.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.meetingCreate.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.meetings.create(access, access.planId, body.value, currentRequestLocale()),
		201
	);
};

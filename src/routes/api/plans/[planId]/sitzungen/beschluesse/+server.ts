import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/sitzungen/beschluesse – the decisions of all sessions, oldest first
 * (`[{date, session, text, item}]`, the Gesamtplan's appendix "Beschlussprotokoll"); members.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.minutes.decisionLog(access.planId));
};

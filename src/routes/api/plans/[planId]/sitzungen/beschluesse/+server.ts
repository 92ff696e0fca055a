import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';
import { resultPage } from '$lib/server/api/pagination';

/**
 * GET /api/plans/<planId>/sitzungen/beschluesse – the decisions of all sessions, oldest first
 * (`[{date, session, text, item}]`, the Gesamtplan's appendix "Beschlussprotokoll"), paginated; members.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	return resultPage(url, await locals.backend.minutes.decisionLog(access.planId));
};

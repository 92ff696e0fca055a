import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';
import { resultPage } from '$lib/server/api/pagination';
import { documentLocale } from '$lib/server/protocol-language';

/**
 * GET /api/plans/<planId>/sitzungen/beschluesse – the decisions of all sessions, oldest first
 * (`[{date, session, text, item}]`, the Gesamtplan's appendix "Beschlussprotokoll"), paginated; members.
 * Date and item wording in `?sprache=de|en`, else in the request's interface language.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const language = documentLocale(url);
	if (!language.ok) return language.response;
	return resultPage(url, await locals.backend.minutes.decisionLog(access.planId, language.locale));
};

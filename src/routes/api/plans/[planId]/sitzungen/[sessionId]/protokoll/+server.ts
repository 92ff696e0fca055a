import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { documentLocale } from '$lib/server/protocol-language';

/**
 * GET /api/plans/<planId>/sitzungen/<id>/protokoll – the Sitzungsprotokoll (model, entries, what
 * the caller may do); members. Generated wording in `?sprache=de|en`, else the interface language.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const language = documentLocale(url);
	if (!language.ok) return language.response;
	return resultResponse(
		await locals.backend.minutes.view(access, access.planId, params.sessionId, language.locale)
	);
};

/**
 * PATCH /api/plans/<planId>/sitzungen/<id>/protokoll {commentDays?, noteTakerIds?} – comment
 * window (days after the end) and note-takers; the session's facilitators, until it is final.
 */
export const PATCH: RequestHandler = async ({ locals, params, request, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const language = documentLocale(url);
	if (!language.ok) return language.response;
	const body = await parseBody(request, ROUTES.protocolPatch.body);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.minutes.settings(
			access,
			access.planId,
			params.sessionId,
			body.value,
			language.locale
		)
	);
};

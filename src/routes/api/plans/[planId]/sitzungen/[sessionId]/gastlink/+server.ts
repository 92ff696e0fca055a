import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { publicOrigin } from '$lib/contract/request-origin';

/**
 * POST /api/plans/<planId>/sitzungen/<id>/gastlink – the session's guest link for the join QR
 * code (the session's facilitators): `{url, expiresAt}`, url = the invite address that lands on
 * the session page after the guest entered a name. Reused while valid, else created anew.
 */
export const POST: RequestHandler = async (event) => {
	const { locals, params } = event;
	const access = await authorize(locals, params.planId, 'meeting.facilitate');
	if (!access.ok) return access.response;
	const result = await locals.backend.meetings.guestLink(access, access.planId, params.sessionId);
	if (!result.ok) return resultResponse(result);
	const origin = publicOrigin(event, locals.backend.settings.origin);
	const next = `/plans/${encodeURIComponent(access.planId)}/sitzungen/${encodeURIComponent(params.sessionId)}`;
	return json({
		url: `${origin}/einladung/${encodeURIComponent(result.value.token)}?weiter=${encodeURIComponent(next)}`,
		expiresAt: result.value.expiresAt
	});
};

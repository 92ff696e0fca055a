import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { resultPage } from '$lib/server/api/pagination';

/**
 * GET /api/plans/<planId>/votes[?sessionId=…] – the plan's dot votes, newest first (no one's
 * ballot; results only once visible), paginated; every member and guest (`votes.read`).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'votes.read');
	if (!access.ok) return access.response;
	const sessionId = url.searchParams.get('sessionId');
	return resultPage(url, await locals.backend.votes.list(access.planId, sessionId));
};

/**
 * POST /api/plans/<planId>/votes {title, targetIds, dotsPerPerson, maxPerItem?, durationMinutes?,
 * hideResults?, viewersMayVote?, sessionId?} – opens a vote; facilitators (`votes.manage`); 201.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'votes.manage');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.voteOpen.body);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.votes.open(access.planId, access, body.value), 201);
};

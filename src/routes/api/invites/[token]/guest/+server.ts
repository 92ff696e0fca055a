import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clientAddress, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';
import { GUEST_ENDED_GRACE_MS } from '$lib/contract/credentials';
import { setSessionCookie } from '$lib/server/session-cookie';

/**
 * POST /api/invites/<token>/guest {name} – joins as a guest with a display name only (where the
 * invite allows guests): `{planId, role, expiresAt}` and a guest session cookie. The cookie
 * outlives the access (GUEST_ENDED_GRACE_MS) so a guest whose invite expired is told why.
 */
export const POST: RequestHandler = async (event) => {
	const body = await parseBody(event.request, ROUTES.inviteGuest.body, 4 * 1024);
	if (!body.ok) return body.response;
	const { access, settings } = event.locals.backend;
	const result = await access.joinAsGuest(
		event.params.token,
		str(body.value.name),
		clientAddress(event)
	);
	if (!result.ok) return resultResponse(result);
	// A signed-in account joining as guest would lose its session: end it cleanly first.
	if (event.locals.sessionToken) await access.logout(event.locals.sessionToken).catch(() => {});
	const { sessionToken, principal, expiresAt } = result.value;
	setSessionCookie(event, sessionToken, expiresAt + GUEST_ENDED_GRACE_MS, settings);
	return json({ planId: principal.planId, role: principal.role, expiresAt });
};

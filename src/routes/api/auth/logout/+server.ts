import type { RequestHandler } from './$types';
import { clearSessionCookie } from '$lib/server/session-cookie';

/** POST /api/auth/logout – ends the session (also a guest's); 204. */
export const POST: RequestHandler = async ({ locals, cookies }) => {
	if (locals.sessionToken) await locals.backend.access.logout(locals.sessionToken).catch(() => {});
	clearSessionCookie(cookies);
	return new Response(null, { status: 204 });
};

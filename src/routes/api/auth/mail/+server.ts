import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** GET /api/auth/mail – {enabled, preferences}: which kinds of e-mail I get (accounts only). */
export const GET: RequestHandler = async ({ locals }) => {
	const user = await requireAccount(locals, 'account.mail');
	if (!user.ok) return user.response;
	return resultResponse(await locals.backend.mail.getSettings(user.principal.id));
};

/** PUT /api/auth/mail {mention: false, …} – changes only the given kinds; 400 for unknown ones. */
export const PUT: RequestHandler = async ({ locals, request }) => {
	const user = await requireAccount(locals, 'account.mail');
	if (!user.ok) return user.response;
	const body = await parseBody(request, ROUTES.mailSet.body, 4 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.mail.setPreferences(user.principal.id, body.value));
};

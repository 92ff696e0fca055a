/**
 * Personal API tokens of the signed-in account (never reachable with a token itself):
 * GET lists them, POST creates one and shows its secret this once.
 */
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireAccount, resultResponse, storageUnavailable } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

/** GET /api/auth/tokens – ApiTokenInfo[] (newest first; name, created, last used, scope). */
export const GET: RequestHandler = async ({ locals }) => {
	const who = await requireAccount(locals, 'account.tokens');
	if (!who.ok) return who.response;
	try {
		return json(await locals.backend.access.listApiTokens(who.principal.id));
	} catch {
		return storageUnavailable();
	}
};

/**
 * POST /api/auth/tokens {name, expiresAt?, planIds?, maxRole} – 201 `{token, info}`; `token`
 * (`mp_…`) is shown only now.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const who = await requireAccount(locals, 'account.tokens');
	if (!who.ok) return who.response;
	const body = await parseBody(request, ROUTES.tokenCreate.body, 8 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(await locals.backend.access.createApiToken(who.principal, body.value), 201);
};

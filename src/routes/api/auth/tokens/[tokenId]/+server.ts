/** DELETE /api/auth/tokens/<tokenId> – revokes one of the account's own API tokens (204). */
import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';

export const DELETE: RequestHandler = async ({ locals, params }) => {
	const who = await requireAccount(locals, 'account.tokens');
	if (!who.ok) return who.response;
	return resultResponse(
		await locals.backend.access.revokeApiToken(who.principal.id, params.tokenId, who.principal),
		204
	);
};

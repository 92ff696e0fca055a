import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';

/** POST /api/auth/password {currentPassword, newPassword} – 204; ends the other sessions. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = await requireAccount(locals, 'account.password');
	if (!user.ok) return user.response;
	const body = await parseBody(request, ROUTES.password.body, 8 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.access.changePassword(
			user.principal.id,
			str(body.value.currentPassword),
			str(body.value.newPassword),
			locals.sessionToken
		),
		204
	);
};

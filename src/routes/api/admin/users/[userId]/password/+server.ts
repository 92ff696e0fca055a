import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';

/** POST /api/admin/users/<userId>/password {password} – 204; ends the user's sessions. */
export const POST: RequestHandler = async ({ locals, request, params }) => {
	const admin = await requireAccount(locals, 'admin.users');
	if (!admin.ok) return admin.response;
	const body = await parseBody(request, ROUTES.adminUserPassword.body, 8 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.access.resetPassword(params.userId, str(body.value.password)),
		204
	);
};

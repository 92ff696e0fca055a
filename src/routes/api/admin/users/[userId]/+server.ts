import type { RequestHandler } from './$types';
import { errorResponse, requireAccount, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { optBool, optStr } from '$lib/server/input';

/** PATCH /api/admin/users/<userId> {name?, isAdmin?, disabled?, canCreatePlans?} – User. */
export const PATCH: RequestHandler = async ({ locals, request, params }) => {
	const admin = await requireAccount(locals, 'admin.users');
	if (!admin.ok) return admin.response;
	const body = await parseBody(request, ROUTES.adminUserPatch.body, 8 * 1024);
	if (!body.ok) return body.response;
	const unknown = Object.keys(body.value).filter(
		(k) => !['name', 'isAdmin', 'disabled', 'canCreatePlans'].includes(k)
	);
	if (unknown.length > 0) {
		return errorResponse(400, 'invalid_body', `Unbekannte Felder: ${unknown.join(', ')}.`);
	}
	return resultResponse(
		await locals.backend.access.updateUser(params.userId, {
			name: optStr(body.value.name),
			isAdmin: optBool(body.value.isAdmin),
			disabled: optBool(body.value.disabled),
			canCreatePlans: optBool(body.value.canCreatePlans)
		})
	);
};

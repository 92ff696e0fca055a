import type { RequestHandler } from './$types';
import { requireAccount, resultResponse } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';
import { paginated } from '$lib/server/api/pagination';

/** GET /api/admin/users – every account (administrators only). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const admin = await requireAccount(locals, 'admin.users');
	if (!admin.ok) return admin.response;
	return paginated(url, () => locals.backend.access.listUsers());
};

/**
 * POST /api/admin/users {email, name, password, isAdmin?, mustChangePassword?, canCreatePlans?} –
 * 201 User. canCreatePlans: "darf Pläne anlegen" whatever PLAN_CREATORS says. A password the
 * Administration sets is one it knows: the first sign-in must set an own one
 * (`mustChangePassword`, default true; only an explicit `false` turns it off).
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const admin = await requireAccount(locals, 'admin.users');
	if (!admin.ok) return admin.response;
	const body = await parseBody(request, ROUTES.adminUserCreate.body, 8 * 1024);
	if (!body.ok) return body.response;
	return resultResponse(
		await locals.backend.access.createUser({
			email: str(body.value.email),
			name: str(body.value.name),
			password: str(body.value.password),
			isAdmin: body.value.isAdmin === true,
			mustChangePassword: body.value.mustChangePassword !== false,
			canCreatePlans: body.value.canCreatePlans === true
		}),
		201
	);
};

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { resultResponse, storageUnavailable } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { setSessionCookie } from '$lib/server/session-cookie';
import { str } from '$lib/server/input';

/** GET /api/setup – `{needed: true}` while no account exists (first start). */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		return json({ needed: !(await locals.backend.access.hasUsers()) });
	} catch {
		return storageUnavailable();
	}
};

/** POST /api/setup {email, name, password} – creates the first administrator and signs in. */
export const POST: RequestHandler = async (event) => {
	const { locals, request, getClientAddress } = event;
	const body = await parseBody(request, ROUTES.setup.body);
	if (!body.ok) return body.response;
	const { access, settings } = locals.backend;
	const email = str(body.value.email);
	const password = str(body.value.password);
	const created = await access.setupFirstAdmin({ email, name: str(body.value.name), password });
	if (!created.ok) return resultResponse(created);
	const login = await access.login(email, password, getClientAddress());
	if (login.ok) setSessionCookie(event, login.value.token, login.value.expiresAt, settings);
	return json({ user: created.value }, { status: 201 });
};

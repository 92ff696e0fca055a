import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { clientAddress, errorResponse, storageUnavailable } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';
import { str } from '$lib/server/input';
import { applyAccountLanguage, setSessionCookie } from '$lib/server/session-cookie';

/**
 * POST /api/auth/login {email, password} – 200 {user} and the session cookie; 401
 * invalid_credentials; 429 too_many_attempts with Retry-After (per account and per address).
 */
export const POST: RequestHandler = async (event) => {
	const body = await parseBody(event.request, ROUTES.login.body, 8 * 1024);
	if (!body.ok) return body.response;
	const { access, settings } = event.locals.backend;
	let result: Awaited<ReturnType<typeof access.login>>;
	try {
		result = await access.login(
			str(body.value.email),
			str(body.value.password),
			clientAddress(event)
		);
	} catch {
		return storageUnavailable();
	}
	if (!result.ok) {
		const headers: Record<string, string> = {};
		if (result.retryAfterSeconds) headers['retry-after'] = String(result.retryAfterSeconds);
		const { status, code, message, params } = result.error;
		return errorResponse(status, code, message, headers, undefined, params);
	}
	setSessionCookie(event, result.value.token, result.value.expiresAt, settings);
	await applyAccountLanguage(event, result.value.user.id, event.locals.backend);
	return json({ user: result.value.user });
};

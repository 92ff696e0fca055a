/**
 * An account whose password the Administration set (new account or reset) may do only one thing
 * until it sets an own password: the page „Mein Konto“ and the calls it needs. Everything else
 * answers 403 `password_change_required` (API) or leads to /konto (pages). Sync and socket.io
 * need a sync token from the API, so they are closed too.
 */
import { redirect } from '@sveltejs/kit';
import { errorResponse } from './http';

/** What such an account may still call. */
const ALLOWED_API = new Set(['/api/auth/me', '/api/auth/logout', '/api/auth/password']);

export const PASSWORD_CHANGE_PAGE = '/konto';

export function passwordChangeGate(
	principal: App.Locals['principal'],
	path: string,
	isApi: boolean
): Response | null {
	if (!principal || principal.kind !== 'user' || !principal.mustChangePassword) return null;
	if (isApi) {
		if (ALLOWED_API.has(path)) return null;
		return errorResponse(
			403,
			'password_change_required',
			'Bitte legen Sie zuerst unter „Mein Konto“ ein eigenes Passwort fest.'
		);
	}
	if (path === PASSWORD_CHANGE_PAGE || path === `${PASSWORD_CHANGE_PAGE}/`) return null;
	redirect(303, PASSWORD_CHANGE_PAGE);
}

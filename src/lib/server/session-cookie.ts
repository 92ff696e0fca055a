/** Sets and clears the session cookie (httpOnly, SameSite=Lax, Secure per COOKIE_SECURE). */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../contract/credentials';
import type { BackendSettings } from '../contract/backend';
import { cookieSecure, type RequestLike } from '../contract/request-origin';

/** Secure exactly when the browser's request was HTTPS (see request-origin.ts), unless forced. */
export function setSessionCookie(
	event: RequestLike & { cookies: Cookies },
	token: string,
	expiresAt: number,
	settings: BackendSettings
): void {
	event.cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieSecure(event, settings),
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../contract/credentials';
import type { BackendSettings } from '../contract/backend';

/** Sets the session cookie: httpOnly, SameSite=Lax, Secure behind HTTPS (COOKIE_SECURE). */
export function setSessionCookie(
	cookies: Cookies,
	token: string,
	expiresAt: number,
	url: URL,
	settings: BackendSettings
): void {
	const secure =
		settings.cookieSecure === 'auto' ? url.protocol === 'https:' : settings.cookieSecure;
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: new Date(expiresAt)
	});
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/' });
}

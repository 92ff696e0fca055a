/**
 * Sets and clears the session cookie (httpOnly, SameSite=Lax, Secure per COOKIE_SECURE), and the
 * interface language cookie, which sign-in fills from the account's setting.
 */
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../contract/credentials';
import { LANGUAGE_COOKIE, type InterfaceLocale } from '../contract/languages';
import type { BackendSettings, MitplanBackend } from '../contract/backend';
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

/**
 * The interface language cookie (`mitplan_lang`): readable by the page's script (Paraglide reads
 * it in the browser), kept for 400 days, the most browsers allow.
 */
export function setLanguageCookie(
	event: RequestLike & { cookies: Cookies },
	language: InterfaceLocale,
	settings: BackendSettings
): void {
	event.cookies.set(LANGUAGE_COOKIE, language, {
		path: '/',
		httpOnly: false,
		sameSite: 'lax',
		secure: cookieSecure(event, settings),
		maxAge: 400 * 24 * 3600
	});
}

/**
 * At sign-in: the account's interface language (if it chose one) becomes this browser's. A
 * storage failure only leaves the browser's language in place; it never stops the sign-in.
 */
export async function applyAccountLanguage(
	event: RequestLike & { cookies: Cookies },
	userId: string,
	backend: Pick<MitplanBackend, 'languages' | 'settings'>
): Promise<void> {
	const language = await backend.languages.get(userId).catch(() => null);
	if (language) setLanguageCookie(event, language, backend.settings);
}

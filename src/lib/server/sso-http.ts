/**
 * HTTP side of single sign-on (routes under /auth/oidc): the redirect URI, the short-lived
 * cookie that binds a started sign-in to this browser, and the redirect to the German error page.
 */
import type { Cookies } from '@sveltejs/kit';
import type { BackendSettings } from '../contract/backend';
import { cookieSecure, publicOrigin, type RequestLike } from '../contract/request-origin';
import {
	SSO_CALLBACK_PATH,
	SSO_ERROR_PATH,
	SSO_FLOW_COOKIE,
	SSO_FLOW_TTL_MS,
	type SsoErrorCode
} from '../contract/sso';

/** The callback address registered at the provider: ORIGIN (or this request's address) + path. */
export function ssoRedirectUri(event: RequestLike, settings: BackendSettings): string {
	return publicOrigin(event, settings.origin) + SSO_CALLBACK_PATH;
}

export function setFlowCookie(
	event: RequestLike & { cookies: Cookies },
	flowId: string,
	settings: BackendSettings
): void {
	// SameSite=Lax: sent on the provider's top-level redirect back to the callback.
	event.cookies.set(SSO_FLOW_COOKIE, flowId, {
		path: '/auth/oidc',
		httpOnly: true,
		sameSite: 'lax',
		secure: cookieSecure(event, settings),
		maxAge: Math.floor(SSO_FLOW_TTL_MS / 1000)
	});
}

export function takeFlowCookie(cookies: Cookies): string | undefined {
	const value = cookies.get(SSO_FLOW_COOKIE);
	if (value !== undefined) cookies.delete(SSO_FLOW_COOKIE, { path: '/auth/oidc' });
	return value;
}

/** Where a failed sign-in ends: the error page names the reason by code (texts in the contract). */
export function ssoErrorLocation(code: string): string {
	return `${SSO_ERROR_PATH}?grund=${encodeURIComponent(code)}`;
}

export type { SsoErrorCode };

import { redirect } from '@sveltejs/kit';
import { applyAccountLanguage, setSessionCookie } from '$lib/server/session-cookie';
import { ssoErrorLocation, ssoRedirectUri, takeFlowCookie } from '$lib/server/sso-http';
import type { RequestHandler } from './$types';

/**
 * GET /auth/oidc/callback?code=…&state=… – the provider sends the browser back here. Checks state,
 * PKCE and the ID token (nonce) and maps the e-mail to an account (server/auth/oidc); success:
 * the session cookie and 303 to where the sign-in started. Any failure: no session, 303 to the
 * German error page with the reason's code. The sign-in's cookie is used up either way.
 */
export const GET: RequestHandler = async (event) => {
	const { sso, settings } = event.locals.backend;
	const flowId = takeFlowCookie(event.cookies);
	if (!sso) redirect(303, ssoErrorLocation('sso_not_configured'));
	const result = await sso.finish({
		flowId,
		callbackUrl: event.url,
		redirectUri: ssoRedirectUri(event, settings)
	});
	if (!result.ok) redirect(303, ssoErrorLocation(result.error.code));
	setSessionCookie(event, result.value.token, result.value.expiresAt, settings);
	await applyAccountLanguage(event, result.value.user.id, event.locals.backend);
	// returnTo: a checked same-site path (safeNext at the start).
	redirect(303, result.value.returnTo);
};

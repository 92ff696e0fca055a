import { redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/auth/session.svelte';
import { setFlowCookie, ssoErrorLocation, ssoRedirectUri } from '$lib/server/sso-http';
import type { RequestHandler } from './$types';

/**
 * GET /auth/oidc/start?next=/plans/x – begins single sign-on: 303 to the provider (with state,
 * nonce and PKCE challenge) and a short-lived cookie for this sign-in; if the provider cannot be
 * reached or SSO is not configured, 303 to the German error page /anmelden/sso-fehler.
 */
export const GET: RequestHandler = async (event) => {
	const { sso, settings } = event.locals.backend;
	if (!sso) redirect(303, ssoErrorLocation('sso_not_configured'));
	const result = await sso.start({
		redirectUri: ssoRedirectUri(event, settings),
		returnTo: safeNext(event.url.searchParams.get('next'))
	});
	if (!result.ok) redirect(303, ssoErrorLocation(result.error.code));
	setFlowCookie(event, result.value.flowId, settings);
	redirect(303, result.value.url);
};

import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getTextDirection } from '$lib/paraglide/runtime';
import { getBackend } from '$lib/contract/backend';
import { SESSION_COOKIE } from '$lib/contract/credentials';
import { clientAddress, errorResponse } from '$lib/server/http';
import { localeOfRequest, withRequestLocale } from '$lib/server/error-language';
import { passwordChangeGate } from '$lib/server/password-gate';
import { errorPageText } from '$lib/i18n/error-page';
import { applySecurityHeaders } from '$lib/contract/security-headers';

/**
 * Every request: puts the backend (registered by the custom server, see $lib/contract/backend) on
 * locals, lets the access gate (server/access/gate.ts, through `backend.gate`) decide — Origin,
 * session cookie, public route table — and puts the signed-in principal on locals. Per-plan
 * actions are authorised by each endpoint (`authorize` in $lib/server/http, policy table in
 * $lib/contract/policy). Response headers are set below.
 */
const gateAndHeaders: Handle = async ({ event, resolve }) => {
	const backend = getBackend();
	if (!backend) {
		return errorResponse(503, 'backend_unavailable', 'Der Mitplan-Server startet noch.');
	}
	event.locals.backend = backend;
	event.locals.principal = null;
	event.locals.sessionToken = undefined;
	const path = event.url.pathname;
	const isApi = path === '/api' || path.startsWith('/api/');

	const decision = await backend.gate.checkRequest({
		method: event.request.method,
		path,
		search: event.url.search,
		origin: event.request.headers.get('origin'),
		host: event.request.headers.get('host'),
		sessionToken: event.cookies.get(SESSION_COOKIE),
		authorization: event.request.headers.get('authorization'),
		address: clientAddress(event)
	});
	if (decision.clearCookie) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	if (decision.kind === 'refuse') {
		const { status, code, message, retryAfter, field, params } = decision.error;
		return errorResponse(
			status,
			code,
			message,
			retryAfter ? { 'retry-after': String(retryAfter) } : undefined,
			field,
			params
		);
	}
	if (decision.kind === 'redirect') redirect(303, decision.location);
	event.locals.principal = decision.principal;
	event.locals.sessionToken = decision.sessionToken;
	if (decision.kind === 'pass' && decision.guestEnded)
		event.locals.guestEnded = decision.guestEnded;

	const mustChange = passwordChangeGate(event.locals.principal, path, isApi);
	if (mustChange) return mustChange;

	let response = await resolve(event);
	// An unexpected failure inside an endpoint: the API's error shape, no internals.
	if (isApi && response.status === 500) {
		response = errorResponse(
			500,
			'internal_error',
			'Ein unerwarteter Fehler ist aufgetreten. Bitte erneut versuchen.'
		);
	}
	applySecurityHeaders(response, event, backend.settings.origin);
	if (isApi) response.headers.set('cache-control', 'no-store');
	return response;
};

/**
 * Pages run with the interface language of the request (cookie `mitplan_lang`, else
 * Accept-Language, else German; src/lib/i18n): message functions read it, and `<html lang dir>`
 * is filled in. The JSON API runs with the same locale (getLocale() works in +server.ts), so its
 * error messages come in that language (errorResponse, $lib/server/error-language); the codes
 * stay the same. Paraglide's middleware is not used for the API: it clones the request.
 */
const language: Handle = ({ event, resolve }) => {
	const path = event.url.pathname;
	if (path === '/api' || path.startsWith('/api/')) {
		return withRequestLocale(localeOfRequest(event.request), event.url.origin, async () =>
			resolve(event)
		);
	}
	return paraglideMiddleware(event.request, ({ locale }) =>
		resolve(event, {
			transformPageChunk: ({ html }) =>
				html.replace('%lang%', locale).replace('%dir%', getTextDirection(locale))
		})
	);
};

export const handle: Handle = sequence(language, gateAndHeaders);

/**
 * Unexpected errors and unknown addresses: logged on the server (not 404s), a message without
 * details for the client in the request's interface language ($lib/i18n/error-page).
 */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		console.error(`[mitplan] ${event.request.method} ${event.url.pathname}:`, error);
	}
	const code = status === 404 ? 'not_found' : 'internal_error';
	return { message: errorPageText(status, { code }, localeOfRequest(event.request)), code };
};

import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { getBackend } from '$lib/contract/backend';
import { errorResponse, storageUnavailable, unauthenticated } from '$lib/server/http';
import { MAX_CREDENTIAL_LENGTH, SESSION_COOKIE, isAllowedOrigin } from '$lib/server/security';

/** Pages anyone may open (everything else redirects to /anmelden when not signed in). */
const PUBLIC_PAGES = [
	/^\/anmelden\/?$/,
	/^\/einrichten\/?$/,
	/^\/einladung\/[^/]+\/?$/,
	/^\/beteiligung\/[^/]+\/?$/ // public feedback round link (server/feedback)
];

/** API endpoints that answer without a session (each checks its own input). */
function isPublicApi(method: string, path: string): boolean {
	if (path === '/api/health' || path === '/api/setup') return true;
	if (path === '/api/auth/login' || path === '/api/auth/logout' || path === '/api/auth/me')
		return true;
	if (/^\/api\/invites\/[^/]+$/.test(path)) return method === 'GET';
	if (/^\/api\/invites\/[^/]+\/guest$/.test(path)) return method === 'POST';
	if (/^\/api\/public\/rounds\/[^/]+$/.test(path)) return method === 'GET';
	if (/^\/api\/public\/rounds\/[^/]+\/submissions$/.test(path)) return method === 'POST';
	return false;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every request: puts the backend (registered by the custom server, see $lib/server/backend) and
 * the signed-in principal on locals, refuses cross-origin writes, and keeps pages and API behind
 * the sign-in. Per-plan roles are checked by each endpoint (requirePlanRole in $lib/server/http).
 */
export const handle: Handle = async ({ event, resolve }) => {
	const backend = getBackend();
	if (!backend) {
		return errorResponse(503, 'backend_unavailable', 'Der Mitplan-Server startet noch.');
	}
	event.locals.backend = backend;
	event.locals.principal = null;
	event.locals.sessionToken = undefined;
	const path = event.url.pathname;
	const isApi = path === '/api' || path.startsWith('/api/');

	if (
		!SAFE_METHODS.has(event.request.method) &&
		!isAllowedOrigin(
			event.request.headers.get('origin'),
			event.request.headers.get('host'),
			backend.settings.origin
		)
	) {
		return errorResponse(
			403,
			'cross_origin',
			'Diese Anfrage kommt von einer fremden Seite und wurde abgelehnt.'
		);
	}

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		try {
			const principal =
				token.length <= MAX_CREDENTIAL_LENGTH ? await backend.access.resolveSession(token) : null;
			if (principal) {
				event.locals.principal = principal;
				event.locals.sessionToken = token;
			} else {
				event.cookies.delete(SESSION_COOKIE, { path: '/' });
			}
		} catch {
			if (isApi) return storageUnavailable();
		}
	}

	if (!event.locals.principal) {
		if (isApi && !isPublicApi(event.request.method, path)) return unauthenticated();
		if (!isApi && !PUBLIC_PAGES.some((re) => re.test(path))) {
			let needsSetup = false;
			try {
				needsSetup = !(await backend.access.hasUsers());
			} catch {
				needsSetup = false;
			}
			if (needsSetup) redirect(303, '/einrichten');
			redirect(303, `/anmelden?next=${encodeURIComponent(path + event.url.search)}`);
		}
	}

	let response = await resolve(event);
	// An unexpected failure inside an endpoint: the API's error shape, German, no internals.
	if (isApi && response.status === 500) {
		response = errorResponse(
			500,
			'internal_error',
			'Ein unerwarteter Fehler ist aufgetreten. Bitte erneut versuchen.'
		);
	}
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'same-origin');
	response.headers.set('x-frame-options', 'DENY');
	if (isApi) response.headers.set('cache-control', 'no-store');
	return response;
};

/** Unexpected errors: logged on the server, a German message without details for the client. */
export const handleError: HandleServerError = ({ error, event, status }) => {
	if (status !== 404) {
		console.error(`[mitplan] ${event.request.method} ${event.url.pathname}:`, error);
	}
	return {
		message:
			status === 404
				? 'Diese Seite gibt es nicht.'
				: 'Ein unerwarteter Fehler ist aufgetreten. Bitte erneut versuchen.',
		code: status === 404 ? 'not_found' : 'internal_error'
	};
};

/**
 * Security headers, for every response: the custom server sets the static ones on the raw Node
 * response (so static files from build/client get them too), the SvelteKit hook adds HSTS on
 * HTTPS and narrows the page's CSP `connect-src` to this server's own websocket address.
 */
import type { ServerResponse } from 'node:http';
import { publicOrigin, servedOverHttps, type RequestLike } from './request-origin';

/** One year; sent only when the request really was HTTPS (see request-origin.ts). */
export const HSTS_VALUE = 'max-age=31536000';

const STATIC_HEADERS: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'x-frame-options': 'DENY'
};

/** Raw responses (static files included): nosniff & co., HSTS when the request was HTTPS. */
export function setRawSecurityHeaders(res: ServerResponse, https: boolean): void {
	for (const [name, value] of Object.entries(STATIC_HEADERS)) res.setHeader(name, value);
	if (https) res.setHeader('strict-transport-security', HSTS_VALUE);
}

/**
 * SvelteKit responses: the same headers, HSTS when HTTPS, and `connect-src 'self'` extended by the
 * own websocket origin only (ws:// on http, wss:// on https) instead of any ws:/wss: host.
 */
export function applySecurityHeaders(
	response: Response,
	event: RequestLike,
	configuredOrigin: string | undefined
): void {
	try {
		for (const [name, value] of Object.entries(STATIC_HEADERS)) response.headers.set(name, value);
		if (servedOverHttps(event, configuredOrigin)) {
			response.headers.set('strict-transport-security', HSTS_VALUE);
		}
		const csp = response.headers.get('content-security-policy');
		if (csp)
			response.headers.set(
				'content-security-policy',
				withOwnWebsocket(csp, event, configuredOrigin)
			);
	} catch {
		// Immutable headers (a proxied fetch response): nothing to add.
	}
}

/** `connect-src 'self'` → `connect-src 'self' ws(s)://<own host>` (both addresses when ORIGIN differs). */
export function withOwnWebsocket(
	csp: string,
	event: RequestLike,
	configuredOrigin: string | undefined
): string {
	const origins = new Set([publicOrigin(event, undefined), publicOrigin(event, configuredOrigin)]);
	const ws = [...origins].map((o) => o.replace(/^http/, 'ws')).join(' ');
	return csp.replace(/connect-src 'self'(?=;|$)/, `connect-src 'self' ${ws}`);
}

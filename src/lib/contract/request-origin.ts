/**
 * The one place that decides how a request reached this server and how links to this server are
 * written: invite links and their QR codes, public round links, the session cookie's Secure flag
 * and HSTS all use it, so they never disagree.
 *
 * - Public address: ORIGIN when configured; otherwise the request's real scheme and its Host.
 * - Real scheme: https when the socket itself is TLS, or when TRUST_PROXY is set and the proxy's
 *   X-Forwarded-Proto says https; otherwise http. adapter-node alone would assume https (and
 *   write `https://localhost:3000/…` links that do not open on a plain-HTTP installation).
 *
 * The custom server (server/main.ts) marks every raw request with its real scheme in
 * REAL_SCHEME_HEADER (overwriting whatever a client sent) and points adapter-node's
 * PROTOCOL_HEADER at it, so `event.url` is right as well.
 */
import type { IncomingMessage } from 'node:http';

/** Internal header carrying the real scheme from the custom server to SvelteKit. */
export const REAL_SCHEME_HEADER = 'x-mitplan-scheme';

export type Scheme = 'http' | 'https';

/** The scheme the browser used: TLS on the socket, or a trusted proxy's X-Forwarded-Proto. */
export function realScheme(
	encrypted: boolean,
	forwardedProto: string | string[] | undefined | null,
	trustProxy: boolean
): Scheme {
	if (encrypted) return 'https';
	if (trustProxy && forwardedProto) {
		const raw = Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto;
		// A chain of proxies appends: the first value is what the browser used.
		if (raw?.split(',')[0].trim().toLowerCase() === 'https') return 'https';
	}
	return 'http';
}

/** Called by the custom server for every HTTP request before SvelteKit sees it. */
export function markRealScheme(req: IncomingMessage, trustProxy: boolean): Scheme {
	const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
	const scheme = realScheme(encrypted, req.headers['x-forwarded-proto'], trustProxy);
	req.headers[REAL_SCHEME_HEADER] = scheme;
	return scheme;
}

/** What the helpers below need from a SvelteKit request event. */
export interface RequestLike {
	request: Request;
	url: URL;
}

/** The real scheme of a SvelteKit request (the dev server, which sets no mark: its URL). */
export function requestScheme(event: RequestLike): Scheme {
	const marked = event.request.headers.get(REAL_SCHEME_HEADER);
	if (marked === 'http' || marked === 'https') return marked;
	return event.url.protocol === 'https:' ? 'https' : 'http';
}

/**
 * The address people use to reach this server, for links and QR codes: ORIGIN when set, else the
 * real scheme plus the Host the request was sent to (e.g. `http://mitplan.local:3000`).
 */
export function publicOrigin(event: RequestLike, configuredOrigin: string | undefined): string {
	if (configuredOrigin) return configuredOrigin;
	const host = event.request.headers.get('host') ?? event.url.host;
	try {
		return new URL(`${requestScheme(event)}://${host}`).origin;
	} catch {
		return `${requestScheme(event)}://${event.url.host}`;
	}
}

/**
 * True when the browser's request really was HTTPS: TLS on the socket or a trusted proxy, or it
 * was sent to the host of an https ORIGIN (a TLS proxy in front that is not marked as trusted).
 */
export function isHttps(
	scheme: Scheme,
	hostHeader: string | null | undefined,
	configuredOrigin: string | undefined
): boolean {
	if (scheme === 'https') return true;
	if (!configuredOrigin?.startsWith('https:') || !hostHeader) return false;
	return hostHeader.toLowerCase() === new URL(configuredOrigin).host;
}

/** isHttps for a SvelteKit request event. */
export function servedOverHttps(event: RequestLike, configuredOrigin: string | undefined): boolean {
	return isHttps(requestScheme(event), event.request.headers.get('host'), configuredOrigin);
}

/** COOKIE_SECURE: `auto` = Secure exactly when the request was HTTPS; true/false force it. */
export function cookieSecure(
	event: RequestLike,
	settings: { origin: string | undefined; cookieSecure: 'auto' | boolean }
): boolean {
	if (settings.cookieSecure !== 'auto') return settings.cookieSecure;
	return servedOverHttps(event, settings.origin);
}

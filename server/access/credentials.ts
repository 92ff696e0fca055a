/**
 * Reading credentials off a request: the Origin check and the Cookie header parser the access
 * gate (./gate.ts) applies to HTTP requests, sync upgrades and socket.io handshakes alike.
 */
import { MAX_CREDENTIAL_LENGTH } from '../../src/lib/contract/credentials';

export { MAX_CREDENTIAL_LENGTH, SESSION_COOKIE } from '../../src/lib/contract/credentials';

/**
 * True if a browser request with this `Origin` header may act on this server: the origin must be
 * the configured public address (ORIGIN) or the address the request was sent to (its Host
 * header, over http or https). A request without Origin (scripts, curl) is not a cross-site
 * browser request and is judged by its credentials alone.
 */
export function isAllowedOrigin(
	originHeader: string | undefined | null,
	hostHeader: string | undefined | null,
	configuredOrigin: string | undefined
): boolean {
	if (originHeader === undefined || originHeader === null) return true;
	let origin: string;
	try {
		origin = new URL(originHeader).origin;
	} catch {
		return false; // includes the literal "null" of sandboxed frames and file:// pages
	}
	if (configuredOrigin && origin === configuredOrigin) return true;
	if (!hostHeader) return false;
	return origin === `http://${hostHeader}` || origin === `https://${hostHeader}`;
}

/** Reads one cookie from a Cookie header; undefined if absent or malformed. */
export function readCookie(header: string | undefined | null, name: string): string | undefined {
	if (!header || header.length > 16 * 1024) return undefined;
	for (const part of header.split(';')) {
		const eq = part.indexOf('=');
		if (eq < 0) continue;
		if (part.slice(0, eq).trim() !== name) continue;
		const raw = part.slice(eq + 1).trim();
		if (raw.length === 0 || raw.length > MAX_CREDENTIAL_LENGTH) return undefined;
		try {
			return decodeURIComponent(raw);
		} catch {
			return undefined;
		}
	}
	return undefined;
}

/**
 * Whether a cookie value can be a session token at all: every session (user or guest) gets a
 * randomToken() from server/auth/tokens.ts, 32 random bytes as 43 base64url characters. Anything
 * else is no session, so the gate asks no store why it ended.
 */
export function isSessionTokenShaped(value: string): boolean {
	return /^[A-Za-z0-9_-]{43}$/.test(value);
}

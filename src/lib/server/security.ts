/**
 * Small security helpers shared by the SvelteKit hooks (HTTP) and the sync server (websocket
 * upgrade), so both paths apply exactly the same rules.
 */

/** Name of the session cookie (httpOnly, SameSite=Lax, Secure behind HTTPS). */
export const SESSION_COOKIE = 'mitplan_session';

/** Longest cookie or token value we even look at; anything longer is malformed. */
export const MAX_CREDENTIAL_LENGTH = 2048;

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

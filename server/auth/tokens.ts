/**
 * Random identifiers and secrets, token hashing, and the signed sync-token format:
 *
 *   <base64url(JSON payload)>.<base64url(HMAC-SHA256(secret, first part))>
 *
 * Only SHA-256 hashes of session and invite tokens are ever stored.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters; the gate's isSessionTokenShaped relies on this). */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** A short random id with a readable prefix, e.g. `u-…`, `inv-…`, `guest-…`. */
export function randomId(prefix: string): string {
	return `${prefix}-${randomBytes(12).toString('base64url')}`;
}

export function sha256(value: string): string {
	return createHash('sha256').update(value, 'utf8').digest('hex');
}

export function signPayload(payload: unknown, secret: string): string {
	const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
	const mac = createHmac('sha256', secret).update(body).digest('base64url');
	return `${body}.${mac}`;
}

/** The parsed payload if the signature is authentic; null for anything malformed or tampered. */
export function openSigned(token: unknown, secret: string, maxLength = 4096): unknown {
	if (typeof token !== 'string' || token.length > maxLength) return null;
	const parts = token.split('.');
	if (parts.length !== 2 || !parts.every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return null;
	const [body, mac] = parts;
	const expected = createHmac('sha256', secret).update(body).digest();
	const given = Buffer.from(mac, 'base64url');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	try {
		return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
	} catch {
		return null;
	}
}

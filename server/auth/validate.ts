/**
 * Input normalisation for accounts and invites: e-mail addresses, display names, passwords,
 * labels, opaque tokens. Pure functions, no I/O.
 */

/** Control characters and invisible direction overrides are never part of a name or label. */
const STRIP_RE = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;
const EMAIL_RE = /^[^\s@"<>(),;:\\[\]]{1,64}@[^\s@"<>(),;:\\[\]_]+(\.[^\s@"<>(),;:\\[\]_]+)+$/u;

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

/** Trimmed, lower-cased address, or null if it is not a plausible e-mail address. */
export function normalizeEmail(input: unknown): string | null {
	if (typeof input !== 'string' || input.length > 1000) return null;
	const email = input.normalize('NFC').trim().toLowerCase();
	if (email.length === 0 || email.length > 254 || /\p{Cc}/u.test(email)) return null;
	if (!EMAIL_RE.test(email)) return null;
	const domain = email.slice(email.lastIndexOf('@') + 1);
	if (domain.split('.').some((label) => label.length === 0 || label.length > 63)) return null;
	return email;
}

/** Text cleaned of control characters, whitespace collapsed, trimmed; null outside 1..max. */
export function cleanText(input: unknown, max: number, min = 1): string | null {
	if (typeof input !== 'string' || input.length > max * 4 + 100) return null;
	const text = input.normalize('NFC').replace(STRIP_RE, ' ').replace(/\s+/gu, ' ').trim();
	const length = [...text].length;
	return length >= min && length <= max ? text : null;
}

export type PasswordProblem = 'weak_password' | 'password_too_long' | null;

export function checkPassword(input: unknown): PasswordProblem {
	if (typeof input !== 'string' || [...input].length < PASSWORD_MIN) return 'weak_password';
	if ([...input].length > PASSWORD_MAX) return 'password_too_long';
	return null;
}

/** base64url tokens as issued by tokens.ts; anything else is rejected before any lookup. */
export function isTokenShaped(input: unknown, maxLength = 200): input is string {
	return (
		typeof input === 'string' &&
		input.length >= 16 &&
		input.length <= maxLength &&
		/^[A-Za-z0-9_-]+$/.test(input)
	);
}

/**
 * What Mitplan takes from a provider's answer: the e-mail (verified, unless the operator trusts
 * the directory), a display name, and which error code a failed check maps to. Pure functions.
 */
import type { SsoErrorCode } from '../../../src/lib/contract/sso';
import { normalizeEmail } from '../validate';

export type AccountClaims =
	| { ok: true; email: string; name: string }
	| { ok: false; code: 'sso_email_missing' | 'sso_email_unverified' };

export function accountClaims(
	claims: Record<string, unknown>,
	requireVerifiedEmail: boolean
): AccountClaims {
	const email = normalizeEmail(claims.email);
	if (!email) return { ok: false, code: 'sso_email_missing' };
	const verified = claims.email_verified === true || claims.email_verified === 'true';
	if (requireVerifiedEmail && !verified) return { ok: false, code: 'sso_email_unverified' };
	const given = typeof claims.given_name === 'string' ? claims.given_name : '';
	const family = typeof claims.family_name === 'string' ? claims.family_name : '';
	const name =
		(typeof claims.name === 'string' && claims.name.trim()) ||
		`${given} ${family}`.trim() ||
		(typeof claims.preferred_username === 'string' && claims.preferred_username.trim()) ||
		email.split('@')[0];
	return { ok: true, email, name: name.slice(0, 80) };
}

/** Walks an error and its causes for a failed nonce check (openid-client / oauth4webapi). */
function mentionsNonce(error: unknown, depth = 0): boolean {
	if (!error || typeof error !== 'object' || depth > 5) return false;
	const e = error as { message?: unknown; claim?: unknown; cause?: unknown };
	if (e.claim === 'nonce') return true;
	if (typeof e.message === 'string' && e.message.includes('"nonce"')) return true;
	return mentionsNonce(e.cause, depth + 1);
}

function isNetworkFailure(error: unknown): boolean {
	if (!(error instanceof Error)) return false;
	if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
	// fetch() rejects with a TypeError ("fetch failed") when the host cannot be reached.
	return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

/** The error code for a failure of discovery or the code exchange, and a log-safe description. */
export function describeFailure(error: unknown): {
	code: SsoErrorCode;
	message: string;
	name: string;
} {
	const name = error instanceof Error ? error.name : typeof error;
	const message =
		error instanceof Error ? error.message.slice(0, 300) : String(error).slice(0, 300);
	let code: SsoErrorCode = 'sso_response_invalid';
	if (isNetworkFailure(error)) code = 'sso_provider_unavailable';
	else if (mentionsNonce(error)) code = 'sso_nonce_invalid';
	else if (name === 'AuthorizationResponseError') code = 'sso_denied';
	return { code, message, name };
}

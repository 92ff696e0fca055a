/**
 * Texts (in the interface language) for API errors the pages explain in their own words. For
 * everything else the server's message is shown: it comes in the request's language already
 * (cookie mitplan_lang / Accept-Language, $lib/server/error-language), so it matches the page.
 */
import type { ApiError } from '$lib/components/api';
import { m } from '$lib/i18n';

/** "in 1 Minute" / "in 15 Minuten" */
export function inMinutes(seconds: number | undefined): string {
	const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
	return m.admin_minutes({ count: minutes });
}

const TEXTS: Record<string, () => string> = {
	invalid_credentials: m.admin_err_invalid_credentials,
	wrong_password: m.admin_err_wrong_password,
	weak_password: m.admin_err_weak_password,
	email_taken: m.admin_err_email_taken,
	invalid_email: m.admin_err_invalid_email,
	last_admin: m.admin_err_last_admin,
	last_owner: m.admin_err_last_owner,
	user_not_found: m.admin_err_user_not_found,
	setup_done: m.admin_err_setup_done,
	invite_not_found: m.admin_err_invite_not_found,
	invite_expired: m.admin_err_invite_expired,
	invite_revoked: m.admin_err_invite_revoked,
	invite_used_up: m.admin_err_invite_used_up,
	guests_not_allowed: m.admin_err_guests_not_allowed,
	forbidden: m.admin_err_forbidden
};

export function errorText(error: ApiError): string {
	if (error.code === 'too_many_attempts' || error.code === 'rate_limited' || error.status === 429) {
		return m.admin_err_too_many({ when: inMinutes(error.retryAfter) });
	}
	const text = Object.hasOwn(TEXTS, error.code) ? TEXTS[error.code] : undefined;
	return text ? text() : error.message;
}

/**
 * The password rules the forms check before sending (the server checks the same again:
 * server/auth/validate.ts PASSWORD_MIN): the minimum length, whether the repetition matches, and
 * a short strength hint while typing. Used by PasswordFields and the reset dialog. Texts come in
 * the interface language.
 */
import { m } from '$lib/i18n';

export const MIN_PASSWORD_LENGTH = 10;

/** Field errors of a new password (and its repetition, if the form asks for one). */
export function passwordErrors(
	password: string,
	repeat?: string
): { password?: string; repeat?: string } {
	return {
		password: password.length >= MIN_PASSWORD_LENGTH ? undefined : m.admin_pw_too_short(),
		repeat: repeat === undefined || repeat === password ? undefined : m.admin_pw_differ()
	};
}

/** A short hint on the password being typed ('' while the field is empty). */
export function strengthHint(password: string): string {
	if (password.length === 0) return '';
	const missing = MIN_PASSWORD_LENGTH - password.length;
	if (missing > 0) return m.admin_pw_missing({ count: missing });
	if (password.length >= 16 || /\s/.test(password.trim())) return m.admin_pw_good();
	return m.admin_pw_ok();
}

/**
 * The password rules the forms check before sending (the server checks the same again:
 * server/auth/validate.ts PASSWORD_MIN): the minimum length, whether the repetition matches, and
 * a short strength hint while typing. Used by PasswordFields and the reset dialog.
 */
export const MIN_PASSWORD_LENGTH = 10;
export const PASSWORD_TOO_SHORT = 'Das Passwort muss mindestens 10 Zeichen lang sein.';
export const PASSWORDS_DIFFER = 'Die beiden Passwörter stimmen nicht überein.';

/** Field errors of a new password (and its repetition, if the form asks for one). */
export function passwordErrors(
	password: string,
	repeat?: string
): { password?: string; repeat?: string } {
	return {
		password: password.length >= MIN_PASSWORD_LENGTH ? undefined : PASSWORD_TOO_SHORT,
		repeat: repeat === undefined || repeat === password ? undefined : PASSWORDS_DIFFER
	};
}

/** A short hint on the password being typed ('' while the field is empty). */
export function strengthHint(password: string): string {
	if (password.length === 0) return '';
	const missing = MIN_PASSWORD_LENGTH - password.length;
	if (missing > 0) return missing === 1 ? 'Noch 1 Zeichen.' : `Noch ${missing} Zeichen.`;
	if (password.length >= 16 || /\s/.test(password.trim())) return 'Gut: lang genug.';
	return 'Lang genug. Länger – etwa ein ganzer Satz – ist noch sicherer.';
}

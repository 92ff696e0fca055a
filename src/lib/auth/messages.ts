/**
 * German texts for API errors the pages explain in their own words (the server's message is
 * used for everything else).
 */
import type { ApiError } from '$lib/components/api';

/** "in 1 Minute" / "in 15 Minuten" */
export function inMinutes(seconds: number | undefined): string {
	const minutes = Math.max(1, Math.ceil((seconds ?? 60) / 60));
	return `in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`;
}

const TEXTS: Record<string, string> = {
	invalid_credentials:
		'E-Mail-Adresse oder Passwort ist falsch – oder das Konto ist gesperrt. Bitte prüfen Sie Ihre Eingaben.',
	wrong_password: 'Das aktuelle Passwort ist falsch.',
	weak_password: 'Das Passwort ist zu kurz: Bitte mindestens 10 Zeichen verwenden.',
	email_taken: 'Mit dieser E-Mail-Adresse gibt es bereits ein Konto.',
	invalid_email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
	last_admin:
		'Das ist das letzte aktive Administrationskonto. Ernennen Sie zuerst eine andere Person zur Administration.',
	last_owner:
		'Ein Plan braucht mindestens eine Person in der Prozesssteuerung. Ernennen Sie zuerst eine andere Person dazu.',
	user_not_found:
		'Zu dieser E-Mail-Adresse gibt es kein Konto. Bitten Sie die Administration, eines anzulegen – oder laden Sie die Person mit einem Einladungslink ein.',
	setup_done: 'Mitplan ist bereits eingerichtet. Bitte melden Sie sich an.',
	invite_not_found:
		'Diese Einladung gibt es nicht. Bitte prüfen Sie den Link oder fragen Sie nach einem neuen.',
	invite_expired: 'Diese Einladung ist abgelaufen. Bitte fragen Sie nach einem neuen Link.',
	invite_revoked: 'Diese Einladung wurde zurückgezogen. Bitte fragen Sie nach einem neuen Link.',
	invite_used_up:
		'Diese Einladung wurde schon so oft verwendet wie erlaubt. Bitte fragen Sie nach einem neuen Link.',
	guests_not_allowed:
		'Mit dieser Einladung ist keine Teilnahme als Gast möglich. Bitte melden Sie sich an.',
	forbidden: 'Dafür fehlt Ihnen die nötige Rolle.'
};

export function errorText(error: ApiError): string {
	if (error.code === 'too_many_attempts' || error.code === 'rate_limited' || error.status === 429) {
		return `Zu viele Versuche. Bitte versuchen Sie es ${inMinutes(error.retryAfter)} erneut.`;
	}
	return TEXTS[error.code] ?? error.message;
}

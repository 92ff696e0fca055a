/**
 * Error codes, HTTP statuses and the German messages the UI shows as they are. One place, so
 * wording stays consistent; `fail()` builds the `{ ok: false, error }` half of an ApiResult.
 */
import type { ApiError, ApiResult } from '../../src/lib/contract/result';

export const MESSAGES = {
	storage_unavailable: [
		503,
		'Der Speicher ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment noch einmal.'
	],
	invalid_plan_id: [400, 'Diese Plan-ID ist ungültig.'],
	setup_done: [409, 'Mitplan ist bereits eingerichtet. Bitte melden Sie sich mit Ihrem Konto an.'],
	invalid_email: [400, 'Bitte geben Sie eine gültige E-Mail-Adresse ein.'],
	invalid_name: [400, 'Bitte geben Sie einen Namen mit 1 bis 80 Zeichen ein.'],
	invalid_guest_name: [400, 'Bitte geben Sie einen Namen mit 1 bis 60 Zeichen ein.'],
	weak_password: [400, 'Das Passwort muss mindestens 10 Zeichen lang sein.'],
	password_too_long: [400, 'Das Passwort darf höchstens 1.024 Zeichen lang sein.'],
	email_taken: [409, 'Für diese E-Mail-Adresse gibt es bereits ein Konto.'],
	user_not_found: [404, 'Dieses Konto gibt es nicht.'],
	user_not_found_by_email: [
		404,
		'Zu dieser E-Mail-Adresse gibt es kein Konto. Die Administration kann eines anlegen – oder Sie laden die Person mit einem Einladungslink ein.'
	],
	last_admin: [
		409,
		'Das letzte aktive Administrationskonto kann weder gesperrt noch herabgestuft werden. Ernennen Sie zuerst eine weitere Person zur Administration.'
	],
	wrong_password: [403, 'Das aktuelle Passwort ist nicht richtig.'],
	invalid_credentials: [401, 'E-Mail-Adresse oder Passwort ist nicht richtig.'],
	invalid_role: [400, 'Diese Rolle gibt es nicht.'],
	invalid_language: [400, 'Unbekannte Sprache.'],
	last_owner: [
		409,
		'Ein Plan braucht mindestens eine Person mit der Rolle „Prozesssteuerung“. Ernennen Sie zuerst eine weitere Person dazu.'
	],
	member_not_found: [404, 'Diese Person ist kein Mitglied dieses Plans.'],
	invite_not_found: [
		404,
		'Diese Einladung gibt es nicht. Bitte prüfen Sie, ob der Link vollständig kopiert wurde.'
	],
	invite_expired: [
		410,
		'Diese Einladung ist abgelaufen. Bitten Sie die Prozesssteuerung des Plans um einen neuen Link.'
	],
	invite_revoked: [
		410,
		'Diese Einladung wurde zurückgezogen. Bitten Sie die Prozesssteuerung des Plans um einen neuen Link.'
	],
	invite_used_up: [
		410,
		'Diese Einladung wurde bereits so oft genutzt wie vorgesehen. Bitten Sie die Prozesssteuerung des Plans um einen neuen Link.'
	],
	reset_link_invalid: [
		410,
		'Dieser Link zum Zurücksetzen ist abgelaufen oder wurde schon verwendet. Bitte bitten Sie die Administration um einen neuen.'
	],
	guest_not_found: [404, 'Diesen Gast gibt es in diesem Plan nicht (mehr).'],
	guests_not_allowed: [
		403,
		'Diese Einladung gilt nur für Personen mit Konto. Bitte melden Sie sich an, um sie anzunehmen.'
	]
} as const satisfies Record<string, readonly [number, string]>;

export type MessageKey = keyof typeof MESSAGES;

/** Codes whose key differs from the code sent to the client. */
const CODE_OF: Partial<Record<MessageKey, string>> = {
	invalid_guest_name: 'invalid_name',
	password_too_long: 'weak_password',
	user_not_found_by_email: 'user_not_found'
};

export function apiError(key: MessageKey): ApiError {
	const [status, message] = MESSAGES[key];
	return { status, code: CODE_OF[key] ?? key, message };
}

export function fail(key: MessageKey): { ok: false; error: ApiError } {
	return { ok: false, error: apiError(key) };
}

/** A 400 `invalid_invite` with a precise reason. */
export function invalidInvite(message: string): { ok: false; error: ApiError } {
	return { ok: false, error: { status: 400, code: 'invalid_invite', message } };
}

function waitText(seconds: number): string {
	if (seconds < 90) return `${seconds} Sekunden`;
	const minutes = Math.ceil(seconds / 60);
	return minutes === 1 ? 'einer Minute' : `${minutes} Minuten`;
}

/** 429 for login attempts. */
export function tooManyAttempts(retryAfterSeconds: number): {
	ok: false;
	error: ApiError;
	retryAfterSeconds: number;
} {
	return {
		ok: false,
		retryAfterSeconds,
		error: {
			status: 429,
			code: 'too_many_attempts',
			params: { seconds: retryAfterSeconds },
			message: `Zu viele fehlgeschlagene Anmeldeversuche. Zum Schutz des Kontos ist die Anmeldung kurz gesperrt – bitte versuchen Sie es in ${waitText(retryAfterSeconds)} noch einmal.`
		}
	};
}

/** 429 for other per-address limits (guest joins). */
export function rateLimited(retryAfterSeconds: number): {
	ok: false;
	error: ApiError;
	retryAfterSeconds: number;
} {
	return {
		ok: false,
		retryAfterSeconds,
		error: {
			status: 429,
			code: 'rate_limited',
			params: { seconds: retryAfterSeconds },
			message: `Zu viele Versuche von dieser Adresse. Bitte versuchen Sie es in ${waitText(retryAfterSeconds)} noch einmal.`
		}
	};
}

export type Failure = { ok: false; error: ApiError };
export type { ApiResult };

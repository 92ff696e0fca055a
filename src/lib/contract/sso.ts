/**
 * Single sign-on (OpenID Connect, server/auth/oidc) as the app sees it: the service the routes
 * under /auth/oidc call, its paths, and its error codes with the German texts the error page
 * /anmelden/sso-fehler shows (the server sends only the code there, never provider text).
 */
import type { User } from './access';
import type { ApiError, ApiResult } from './result';

export const SSO_START_PATH = '/auth/oidc/start';
export const SSO_CALLBACK_PATH = '/auth/oidc/callback';
export const SSO_ERROR_PATH = '/anmelden/sso-fehler';
/** Cookie that binds a started sign-in to this browser (random id; the flow lives on the server). */
export const SSO_FLOW_COOKIE = 'mitplan_sso';
/** How long a started sign-in may take at the provider. */
export const SSO_FLOW_TTL_MS = 10 * 60 * 1000;

export const SSO_ERRORS = {
	sso_not_configured: [404, 'Die Anmeldung über einen Anmeldedienst ist hier nicht eingerichtet.'],
	sso_provider_unavailable: [
		502,
		'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es später noch einmal oder melden Sie sich mit Ihrem Mitplan-Passwort an.'
	],
	sso_flow_expired: [
		400,
		'Diese Anmeldung ist abgelaufen oder wurde in einem anderen Browser begonnen. Bitte starten Sie die Anmeldung erneut.'
	],
	sso_state_invalid: [
		400,
		'Die Rückmeldung des Anmeldedienstes gehört nicht zu dieser Anmeldung (Prüfwert „state“ stimmt nicht). Aus Sicherheitsgründen wurde niemand angemeldet. Bitte starten Sie die Anmeldung erneut.'
	],
	sso_nonce_invalid: [
		400,
		'Die Bestätigung des Anmeldedienstes gehört nicht zu dieser Anmeldung (Prüfwert „nonce“ stimmt nicht). Aus Sicherheitsgründen wurde niemand angemeldet. Bitte starten Sie die Anmeldung erneut.'
	],
	sso_response_invalid: [
		400,
		'Die Antwort des Anmeldedienstes konnte nicht geprüft werden. Es wurde niemand angemeldet. Bitte starten Sie die Anmeldung erneut; passiert es wieder, wenden Sie sich an die IT.'
	],
	sso_denied: [
		403,
		'Der Anmeldedienst hat die Anmeldung abgebrochen oder abgelehnt. Es wurde niemand angemeldet.'
	],
	sso_email_missing: [
		403,
		'Der Anmeldedienst hat keine E-Mail-Adresse übermittelt. Mitplan ordnet Konten über die E-Mail-Adresse zu; bitte wenden Sie sich an die IT.'
	],
	sso_email_unverified: [
		403,
		'Der Anmeldedienst hat Ihre E-Mail-Adresse nicht als bestätigt gemeldet. Aus Sicherheitsgründen ordnet Mitplan nur bestätigte Adressen einem Konto zu; bitte wenden Sie sich an die IT.'
	],
	sso_no_account: [
		403,
		'Zu Ihrer E-Mail-Adresse gibt es in Mitplan noch kein Konto. Bitte wenden Sie sich an die Administration; sie legt es an.'
	],
	sso_account_disabled: [
		403,
		'Ihr Mitplan-Konto ist gesperrt. Bitte wenden Sie sich an die Administration.'
	],
	storage_unavailable: [
		503,
		'Der Speicher ist gerade nicht erreichbar. Bitte versuchen Sie es in einem Moment noch einmal.'
	]
} as const satisfies Record<string, readonly [number, string]>;

export type SsoErrorCode = keyof typeof SSO_ERRORS;

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
	return typeof value === 'string' && Object.hasOwn(SSO_ERRORS, value);
}

export function ssoError(code: SsoErrorCode): ApiError {
	const [status, message] = SSO_ERRORS[code];
	return { status, code, message };
}

/** What the login page shows: the button, when single sign-on is configured. */
export interface SsoInfo {
	/** The button reads „Mit <label> anmelden“. */
	label: string;
}

export interface SsoService {
	readonly info: SsoInfo;
	/**
	 * Begins a sign-in: stores state, nonce and PKCE verifier under a new flow id (the cookie
	 * value) and returns the provider's authorization URL. `returnTo` is a checked local path.
	 */
	start(input: {
		redirectUri: string;
		returnTo: string;
	}): Promise<ApiResult<{ url: string; flowId: string }>>;
	/**
	 * Completes a sign-in at the callback: the flow of `flowId` is used up (once), the response
	 * checked (state, PKCE, ID token incl. nonce), the account found by e-mail (or created when
	 * allowed) and a session made. Every failure: no session, an SsoErrorCode.
	 */
	finish(input: {
		flowId: string | undefined;
		callbackUrl: URL;
		redirectUri: string;
	}): Promise<ApiResult<{ token: string; user: User; expiresAt: number; returnTo: string }>>;
}

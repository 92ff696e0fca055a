/**
 * The single sign-on settings (OpenID Connect) read from the environment: OIDC_ISSUER,
 * OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_LABEL, OIDC_AUTO_CREATE, OIDC_REQUIRE_VERIFIED_EMAIL.
 * Called by server/config.ts, which reports the problems with all others at start-up.
 */

export interface OidcConfig {
	/** OIDC_ISSUER: the provider's issuer identifier (discovery: <issuer>/.well-known/openid-configuration). */
	issuer: URL;
	/** OIDC_CLIENT_ID / OIDC_CLIENT_SECRET (no secret: a public client, PKCE only). */
	clientId: string;
	clientSecret: string | undefined;
	/** OIDC_LABEL: the button reads „Mit <label> anmelden“ (default „Dienstkonto“). */
	label: string;
	/** OIDC_AUTO_CREATE: a verified e-mail without account gets a new account (default false). */
	autoCreate: boolean;
	/**
	 * OIDC_REQUIRE_VERIFIED_EMAIL: only `email_verified: true` counts (default true). AD FS and
	 * Entra ID send no such claim; there the directory itself vouches for the address.
	 */
	requireVerifiedEmail: boolean;
	/** http issuers are accepted on loopback addresses only (development, tests). */
	allowHttp: boolean;
}

type Env = Record<string, string | undefined>;

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

export function readOidcConfig(
	env: Env,
	problems: string[],
	bool: (name: string, fallback: boolean) => boolean
): OidcConfig | undefined {
	const issuerRaw = env.OIDC_ISSUER?.trim() || '';
	const clientId = env.OIDC_CLIENT_ID?.trim() || '';
	const clientSecret = env.OIDC_CLIENT_SECRET?.trim() || undefined;
	const labelRaw = env.OIDC_LABEL?.trim();
	const autoCreate = bool('OIDC_AUTO_CREATE', false);
	const requireVerifiedEmail = bool('OIDC_REQUIRE_VERIFIED_EMAIL', true);
	if (!issuerRaw && !clientId) {
		if (clientSecret || labelRaw) {
			problems.push(
				'OIDC_CLIENT_SECRET und OIDC_LABEL wirken nur mit OIDC_ISSUER und OIDC_CLIENT_ID.'
			);
		}
		return undefined;
	}
	if (!issuerRaw || !clientId) {
		problems.push('OIDC_ISSUER und OIDC_CLIENT_ID müssen zusammen gesetzt werden.');
		return undefined;
	}
	let issuer: URL;
	try {
		issuer = new URL(issuerRaw);
	} catch {
		problems.push(
			`OIDC_ISSUER="${issuerRaw}" muss eine Adresse wie https://login.stadt.de/realms/stadt sein.`
		);
		return undefined;
	}
	const allowHttp = issuer.protocol === 'http:' && LOOPBACK.test(issuer.hostname);
	if (issuer.protocol !== 'https:' && !allowHttp) {
		problems.push(
			`OIDC_ISSUER="${issuerRaw}" muss mit https:// beginnen (http nur für localhost zum Testen).`
		);
		return undefined;
	}
	if (issuer.search || issuer.hash) {
		problems.push(`OIDC_ISSUER="${issuerRaw}" darf keine Parameter (?, #) enthalten.`);
		return undefined;
	}
	const label = labelRaw || 'Dienstkonto';
	if (
		label.length > 40 ||
		[...label].some((ch) => ch.charCodeAt(0) < 32 || ch === '<' || ch === '>')
	) {
		problems.push(
			'OIDC_LABEL darf höchstens 40 Zeichen lang sein und keine Steuerzeichen oder < > enthalten.'
		);
	}
	if (clientId.length > 255) problems.push('OIDC_CLIENT_ID darf höchstens 255 Zeichen lang sein.');
	return { issuer, clientId, clientSecret, label, autoCreate, requireVerifiedEmail, allowHttp };
}

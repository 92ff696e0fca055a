/**
 * Single sign-on through OpenID Connect (openid-client): authorization code flow with PKCE,
 * state and nonce. A started sign-in (state, nonce, PKCE verifier, where to go afterwards) is kept
 * in the KvStore under the hash of a random flow id that only the browser's cookie holds, so it
 * works across instances (Redis) and can be used exactly once. The provider's metadata is
 * discovered on first use and cached; a provider that is down is asked again next time.
 */
import * as client from 'openid-client';
import {
	ssoError,
	SSO_FLOW_TTL_MS,
	type SsoErrorCode,
	type SsoService
} from '../../../src/lib/contract/sso';
import type { Logger } from '../../log';
import type { KvStore } from '../../storage/kv';
import { randomToken, sha256 } from '../tokens';
import type { AccessService } from '../types';
import { isTokenShaped } from '../validate';
import type { OidcConfig } from './config';
import { accountClaims, describeFailure } from './claims';

interface FlowRecord {
	state: string;
	nonce: string;
	codeVerifier: string;
	redirectUri: string;
	returnTo: string;
}

const flowKey = (flowId: string) => `oidc:flow:${sha256(flowId)}`;
const SCOPE = 'openid email profile';
/** Time budget of each request to the provider. */
const PROVIDER_TIMEOUT_S = 10;

export interface OidcServiceDeps {
	config: OidcConfig;
	kv: KvStore;
	access: Pick<AccessService, 'loginExternal'>;
	log: Logger;
}

export function createOidcService({ config, kv, access, log }: OidcServiceDeps): SsoService {
	let discovered: Promise<client.Configuration> | null = null;

	function providerConfig(): Promise<client.Configuration> {
		discovered ??= client
			.discovery(
				config.issuer,
				config.clientId,
				config.clientSecret ? { client_secret: config.clientSecret } : undefined,
				config.clientSecret ? client.ClientSecretBasic(config.clientSecret) : client.None(),
				{
					timeout: PROVIDER_TIMEOUT_S,
					...(config.allowHttp ? { execute: [client.allowInsecureRequests] } : {})
				}
			)
			.catch((error: unknown) => {
				discovered = null; // ask again on the next sign-in
				throw error;
			});
		return discovered;
	}

	const refuse = (code: SsoErrorCode) => ({ ok: false as const, error: ssoError(code) });

	return {
		info: { label: config.label },

		async start({ redirectUri, returnTo }) {
			let provider: client.Configuration;
			try {
				provider = await providerConfig();
			} catch (error) {
				log.warn('[sso] provider unreachable', { error: describeFailure(error) });
				return refuse('sso_provider_unavailable');
			}
			const flow: FlowRecord = {
				state: client.randomState(),
				nonce: client.randomNonce(),
				codeVerifier: client.randomPKCECodeVerifier(),
				redirectUri,
				returnTo
			};
			const url = client.buildAuthorizationUrl(provider, {
				redirect_uri: redirectUri,
				scope: SCOPE,
				response_type: 'code',
				code_challenge: await client.calculatePKCECodeChallenge(flow.codeVerifier),
				code_challenge_method: 'S256',
				state: flow.state,
				nonce: flow.nonce
			});
			const flowId = randomToken();
			try {
				await kv.set(flowKey(flowId), JSON.stringify(flow), { ttlMs: SSO_FLOW_TTL_MS });
			} catch (error) {
				log.warn('[sso] could not store the sign-in', { error });
				return refuse('storage_unavailable');
			}
			return { ok: true, value: { url: url.href, flowId } };
		},

		async finish({ flowId, callbackUrl }) {
			if (!isTokenShaped(flowId)) return refuse('sso_flow_expired');
			let flow: FlowRecord | null;
			try {
				// Taken atomically: a callback (or a replay of it) can use a flow only once.
				flow = await kv.update(flowKey(flowId), (raw) => {
					if (raw === null) return { result: null };
					try {
						return { value: null, result: JSON.parse(raw) as FlowRecord };
					} catch {
						return { value: null, result: null };
					}
				});
			} catch (error) {
				log.warn('[sso] could not read the sign-in', { error });
				return refuse('storage_unavailable');
			}
			if (!flow) return refuse('sso_flow_expired');
			const params = callbackUrl.searchParams;
			if (params.get('state') !== flow.state) {
				log.warn('[sso] callback with a wrong state');
				return refuse('sso_state_invalid');
			}
			if (params.has('error')) {
				log.info('[sso] provider refused', { error: params.get('error')?.slice(0, 100) });
				return refuse('sso_denied');
			}
			let provider: client.Configuration;
			try {
				provider = await providerConfig();
			} catch (error) {
				log.warn('[sso] provider unreachable', { error: describeFailure(error) });
				return refuse('sso_provider_unavailable');
			}
			// The registered redirect URI with the provider's parameters (not the URL as seen behind
			// a proxy): the token request must name exactly the URI the flow started with.
			const current = new URL(flow.redirectUri);
			current.search = callbackUrl.search;
			let claims: Record<string, unknown>;
			try {
				const tokens = await client.authorizationCodeGrant(provider, current, {
					pkceCodeVerifier: flow.codeVerifier,
					expectedState: flow.state,
					expectedNonce: flow.nonce,
					idTokenExpected: true
				});
				claims = { ...(tokens.claims() ?? {}) };
				// Providers that keep the e-mail out of the ID token (oidc-provider's default,
				// AD FS) hand it out at the UserInfo endpoint.
				if (typeof claims.email !== 'string' && provider.serverMetadata().userinfo_endpoint) {
					const info = await client.fetchUserInfo(
						provider,
						tokens.access_token,
						String(claims.sub)
					);
					claims = { ...info, ...claims, email: info.email, email_verified: info.email_verified };
				}
			} catch (error) {
				const failure = describeFailure(error);
				log.warn('[sso] sign-in response refused', { error: failure });
				return refuse(failure.code);
			}
			const account = accountClaims(claims, config.requireVerifiedEmail);
			if (!account.ok) {
				log.info('[sso] sign-in without usable e-mail', { code: account.code });
				return refuse(account.code);
			}
			const session = await access.loginExternal({
				email: account.email,
				name: account.name,
				createIfMissing: config.autoCreate
			});
			if (!session.ok) return session;
			return { ok: true, value: { ...session.value, returnTo: flow.returnTo } };
		}
	};
}

/**
 * A real OpenID Connect provider for tests (the `oidc-provider` package, the certified
 * implementation Keycloak-like setups are tested against) on a free loopback port. Its login
 * "interaction" signs in whichever account the test chose with `signInAs` without a form, so a
 * test can follow the whole code flow with plain HTTP redirects. Accounts carry the claims the
 * test needs (e-mail missing, unverified …).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface TestAccount {
	sub: string;
	email?: string;
	email_verified?: boolean;
	name?: string;
}

export interface TestProvider {
	issuer: string;
	clientId: string;
	clientSecret: string;
	/** Who the provider signs in at the next interaction. */
	signInAs(account: TestAccount): void;
	/** The next interaction ends with `error=access_denied` (person cancelled at the provider). */
	denyNext(): void;
	stop(): Promise<void>;
}

export async function startTestProvider(redirectUris: string[]): Promise<TestProvider> {
	const accounts = new Map<string, TestAccount>();
	let current: TestAccount | null = null;
	let deny = false;
	const clientId = 'mitplan-test';
	const clientSecret = 'test-client-secret-with-enough-length';

	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const issuer = `http://127.0.0.1:${port}`;

	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		claims: {
			openid: ['sub'],
			email: ['email', 'email_verified'],
			profile: ['name']
		},
		features: { devInteractions: { enabled: false } },
		ttl: {
			AccessToken: 600,
			AuthorizationCode: 60,
			Grant: 600,
			IdToken: 600,
			Interaction: 600,
			Session: 600
		},
		pkce: { required: () => true },
		cookies: { keys: ['test-cookie-key-1234567890'] },
		async findAccount(_ctx, sub) {
			const account = accounts.get(sub);
			if (!account) return undefined;
			return {
				accountId: sub,
				async claims() {
					return { ...account };
				}
			};
		}
	});
	provider.on('server_error', (_ctx: unknown, error: Error) => {
		console.error('[test oidc provider]', error);
	});
	const handle = provider.callback();

	server.on('request', (req, res) => {
		const match = /^\/interaction\/([^/?]+)/.exec(req.url ?? '');
		if (!match) {
			handle(req, res);
			return;
		}
		void (async () => {
			try {
				if (deny || !current) {
					deny = false;
					await provider.interactionFinished(
						req,
						res,
						{ error: 'access_denied', error_description: 'cancelled' },
						{ mergeWithLastSubmission: false }
					);
					return;
				}
				const details = await provider.interactionDetails(req, res);
				const account = current;
				accounts.set(account.sub, account);
				const grant = new provider.Grant({
					accountId: account.sub,
					clientId: String(details.params.client_id)
				});
				grant.addOIDCScope('openid email profile');
				const grantId = await grant.save();
				await provider.interactionFinished(
					req,
					res,
					{ login: { accountId: account.sub }, consent: { grantId } },
					{ mergeWithLastSubmission: false }
				);
			} catch (error) {
				res.statusCode = 500;
				res.end(String(error));
			}
		})();
	});

	return {
		issuer,
		clientId,
		clientSecret,
		signInAs(account) {
			current = account;
		},
		denyNext() {
			deny = true;
		},
		async stop() {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

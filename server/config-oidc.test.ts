import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** OIDC_* (single sign-on, server/auth/oidc/config.ts) as loadConfig validates it. */
describe('loadConfig: OIDC_*', () => {
	const problems = (env: Record<string, string>): string[] => {
		try {
			loadConfig(env);
		} catch (error) {
			if (error instanceof ConfigError) return error.problems;
			throw error;
		}
		return [];
	};

	it('is off without OIDC_ISSUER and OIDC_CLIENT_ID', () => {
		expect(loadConfig({}).oidc).toBeUndefined();
	});

	it('reads every variable', () => {
		const { oidc } = loadConfig({
			OIDC_ISSUER: 'https://login.stadt.de/realms/stadt',
			OIDC_CLIENT_ID: 'mitplan',
			OIDC_CLIENT_SECRET: 'geheim',
			OIDC_LABEL: 'Stadt-Konto',
			OIDC_AUTO_CREATE: 'true',
			OIDC_REQUIRE_VERIFIED_EMAIL: 'false'
		});
		expect(oidc).toMatchObject({
			clientId: 'mitplan',
			clientSecret: 'geheim',
			label: 'Stadt-Konto',
			autoCreate: true,
			requireVerifiedEmail: false,
			allowHttp: false
		});
		expect(oidc?.issuer.href).toBe('https://login.stadt.de/realms/stadt');
	});

	it('has safe defaults: no auto-create, verified e-mail required, label „Dienstkonto“', () => {
		const { oidc } = loadConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'c' });
		expect(oidc).toMatchObject({
			label: 'Dienstkonto',
			autoCreate: false,
			requireVerifiedEmail: true,
			clientSecret: undefined
		});
	});

	it('accepts http only for a loopback issuer (tests, development)', () => {
		expect(
			loadConfig({ OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_CLIENT_ID: 'c' }).oidc?.allowHttp
		).toBe(true);
		expect(problems({ OIDC_ISSUER: 'http://login.stadt.de', OIDC_CLIENT_ID: 'c' })).toEqual([
			expect.stringContaining('https://')
		]);
	});

	it('refuses half or broken settings with German messages', () => {
		expect(problems({ OIDC_ISSUER: 'https://idp.example' })).toEqual([
			expect.stringContaining('zusammen')
		]);
		expect(problems({ OIDC_CLIENT_ID: 'c' })).toEqual([expect.stringContaining('zusammen')]);
		expect(problems({ OIDC_CLIENT_SECRET: 's' })).toEqual([expect.stringContaining('wirken nur')]);
		expect(problems({ OIDC_ISSUER: 'kein url', OIDC_CLIENT_ID: 'c' })).toEqual([
			expect.stringContaining('OIDC_ISSUER')
		]);
		expect(problems({ OIDC_ISSUER: 'https://idp.example?x=1', OIDC_CLIENT_ID: 'c' })).toEqual([
			expect.stringContaining('Parameter')
		]);
		expect(
			problems({
				OIDC_ISSUER: 'https://idp.example',
				OIDC_CLIENT_ID: 'c',
				OIDC_LABEL: '<b>x</b>'
			})
		).toEqual([expect.stringContaining('OIDC_LABEL')]);
		expect(
			problems({
				OIDC_ISSUER: 'https://idp.example',
				OIDC_CLIENT_ID: 'c',
				OIDC_AUTO_CREATE: 'vielleicht'
			})
		).toEqual([expect.stringContaining('OIDC_AUTO_CREATE')]);
	});
});

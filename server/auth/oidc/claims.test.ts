import { describe, expect, it } from 'vitest';
import { accountClaims, describeFailure } from './claims';

describe('accountClaims', () => {
	it('takes the verified e-mail (normalized) and a display name', () => {
		expect(
			accountClaims({ email: ' Ada@Stadt.DE ', email_verified: true, name: 'Ada Lovelace' }, true)
		).toEqual({ ok: true, email: 'ada@stadt.de', name: 'Ada Lovelace' });
		expect(
			accountClaims(
				{ email: 'b@stadt.de', email_verified: 'true', given_name: 'Bea', family_name: 'Berg' },
				true
			)
		).toEqual({ ok: true, email: 'b@stadt.de', name: 'Bea Berg' });
		expect(accountClaims({ email: 'c@stadt.de', email_verified: true }, true)).toEqual({
			ok: true,
			email: 'c@stadt.de',
			name: 'c'
		});
	});

	it('refuses a missing, malformed or unverified e-mail', () => {
		expect(accountClaims({ name: 'X' }, true)).toEqual({ ok: false, code: 'sso_email_missing' });
		expect(accountClaims({ email: 'kein-at' }, true)).toEqual({
			ok: false,
			code: 'sso_email_missing'
		});
		expect(accountClaims({ email: 'a@stadt.de', email_verified: false }, true)).toEqual({
			ok: false,
			code: 'sso_email_unverified'
		});
		expect(accountClaims({ email: 'a@stadt.de' }, true)).toEqual({
			ok: false,
			code: 'sso_email_unverified'
		});
	});

	it('trusts the directory when OIDC_REQUIRE_VERIFIED_EMAIL=false (AD FS, Entra ID)', () => {
		expect(accountClaims({ email: 'a@stadt.de' }, false)).toMatchObject({ ok: true });
	});
});

describe('describeFailure', () => {
	it('maps network failures, nonce checks and provider refusals', () => {
		expect(describeFailure(new TypeError('fetch failed')).code).toBe('sso_provider_unavailable');
		const timeout = new Error('timed out');
		timeout.name = 'TimeoutError';
		expect(describeFailure(timeout).code).toBe('sso_provider_unavailable');
		expect(describeFailure(new Error('x', { cause: { claim: 'nonce' } })).code).toBe(
			'sso_nonce_invalid'
		);
		expect(describeFailure(new Error('unexpected ID Token "nonce" claim value')).code).toBe(
			'sso_nonce_invalid'
		);
		const refused = new Error('authorization response from the server is an error');
		refused.name = 'AuthorizationResponseError';
		expect(describeFailure(refused).code).toBe('sso_denied');
		expect(describeFailure(new Error('bad signature')).code).toBe('sso_response_invalid');
	});
});

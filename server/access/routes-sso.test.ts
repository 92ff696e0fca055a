import { describe, expect, it } from 'vitest';
import { isPublicRoute } from './routes';

/** Single sign-on's entries in the public route table (server/auth/oidc). */
describe('public routes of single sign-on', () => {
	it('lets GET /auth/oidc/start and /auth/oidc/callback, the error page and /api/auth/sso through', () => {
		expect(isPublicRoute('GET', '/auth/oidc/start')).toBe(true);
		expect(isPublicRoute('GET', '/auth/oidc/callback')).toBe(true);
		expect(isPublicRoute('GET', '/anmelden/sso-fehler')).toBe(true);
		expect(isPublicRoute('GET', '/api/auth/sso')).toBe(true);
	});

	it('nothing else under /auth, no other methods', () => {
		expect(isPublicRoute('POST', '/auth/oidc/callback')).toBe(false);
		expect(isPublicRoute('POST', '/api/auth/sso')).toBe(false);
		expect(isPublicRoute('GET', '/auth/oidc/other')).toBe(false);
		expect(isPublicRoute('GET', '/auth/oidc/start/x')).toBe(false);
	});
});

import { describe, expect, it } from 'vitest';
import { isAllowedOrigin, readCookie } from './credentials';

describe('isAllowedOrigin', () => {
	it('allows requests without Origin (scripts)', () => {
		expect(isAllowedOrigin(undefined, 'mitplan.stadt.de', undefined)).toBe(true);
	});

	it('allows the configured origin and the requested host', () => {
		expect(
			isAllowedOrigin('https://mitplan.stadt.de', 'intern:3000', 'https://mitplan.stadt.de')
		).toBe(true);
		expect(isAllowedOrigin('http://localhost:3000', 'localhost:3000', undefined)).toBe(true);
		expect(isAllowedOrigin('https://localhost:3000', 'localhost:3000', undefined)).toBe(true);
	});

	it('refuses other sites, look-alikes and opaque origins', () => {
		expect(isAllowedOrigin('https://evil.example', 'mitplan.stadt.de', undefined)).toBe(false);
		expect(
			isAllowedOrigin('https://mitplan.stadt.de.evil.example', 'mitplan.stadt.de', undefined)
		).toBe(false);
		expect(
			isAllowedOrigin('http://localhost:3001', 'localhost:3000', 'http://localhost:3002')
		).toBe(false);
		expect(isAllowedOrigin('null', 'localhost:3000', undefined)).toBe(false);
		expect(isAllowedOrigin('https://evil.example', undefined, undefined)).toBe(false);
	});
});

describe('readCookie', () => {
	it('finds a cookie among others and decodes it', () => {
		expect(readCookie('a=1; mitplan_session=abc%2Bd; b=2', 'mitplan_session')).toBe('abc+d');
	});

	it('ignores absent, empty, malformed and oversized values', () => {
		expect(readCookie(undefined, 'x')).toBeUndefined();
		expect(readCookie('x=', 'x')).toBeUndefined();
		expect(readCookie('x=%E0%A4%A', 'x')).toBeUndefined();
		expect(readCookie(`x=${'a'.repeat(5000)}`, 'x')).toBeUndefined();
		expect(readCookie('garbage', 'x')).toBeUndefined();
	});
});

/** The compiled Paraglide runtime and the shared contract agree on locales and the cookie name. */
import { describe, expect, it } from 'vitest';
import { cookieName, locales, baseLocale, strategy } from '$lib/paraglide/runtime';
import { INTERFACE_LOCALES, LANGUAGE_COOKIE } from '$lib/contract/languages';
import { intlLocale, isLocale } from '$lib/i18n';

describe('interface languages', () => {
	it('match between Paraglide and the contract', () => {
		expect(cookieName).toBe(LANGUAGE_COOKIE);
		expect([...locales]).toEqual([...INTERFACE_LOCALES]);
		expect(baseLocale).toBe('de');
		expect([...strategy]).toEqual(['cookie', 'preferredLanguage', 'baseLocale']);
	});

	it('format with a European English and German locale; refuse unknown codes', () => {
		expect(intlLocale('de')).toBe('de-DE');
		expect(intlLocale('en')).toBe('en-GB');
		expect(isLocale('en')).toBe(true);
		expect(isLocale('xx')).toBe(false);
		expect(isLocale(undefined)).toBe(false);
	});
});

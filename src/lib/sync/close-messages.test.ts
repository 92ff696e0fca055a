/** What the board shows when /sync closes: per close code, in the interface language. */
import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { CloseCode } from '../contract/close-codes';
import { closeMessage } from './close-messages';

const use = (locale: Locale) => overwriteGetLocale(() => locale);
afterEach(() => use('de'));

describe('closeMessage', () => {
	it('speaks the interface language for every application code', () => {
		const codes = Object.values(CloseCode).filter((c) => c !== CloseCode.GoingAway);
		use('de');
		const german = codes.map(closeMessage);
		use('en');
		const english = codes.map(closeMessage);
		expect(new Set(english).size).toBe(codes.length);
		for (const [i, text] of english.entries()) {
			expect(text).not.toBe(german[i]);
			expect(text).not.toMatch(/[äöüß]|Bitte|Plan-Adresse/);
		}
		expect(closeMessage(CloseCode.PlanDeleted)).toBe('This plan has been deleted.');
		use('de');
		expect(closeMessage(CloseCode.PlanDeleted)).toBe('Dieser Plan wurde gelöscht.');
		expect(closeMessage(4999)).toBe('Die Verbindung wurde unterbrochen. Es wird erneut versucht.');
	});
});

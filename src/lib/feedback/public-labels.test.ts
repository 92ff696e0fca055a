/** Reasons in the consideration table: a merged submission worded in the interface language. */
import { afterEach, describe, expect, it } from 'vitest';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import { reasonText } from './public-labels';

const original = getLocale;
afterEach(() => overwriteGetLocale(original));

describe('reasonText', () => {
	it('words a merged reason per reader; others as entered', () => {
		const merged = {
			reason: 'Zusammengeführt mit Beitrag #1. Gibt es schon.',
			mergedInto: { number: 1, reason: 'Gibt es schon.' }
		};
		overwriteGetLocale(() => 'en');
		expect(reasonText(merged)).toBe('Merged with submission #1. Gibt es schon.');
		expect(reasonText({ ...merged, mergedInto: { number: 4, reason: '' } })).toBe(
			'Merged with submission #4.'
		);
		expect(reasonText({ reason: 'Passt.' })).toBe('Passt.');
		overwriteGetLocale(() => 'de');
		expect(reasonText(merged)).toBe('Zusammengeführt mit Beitrag #1. Gibt es schon.');
		expect(reasonText({ ...merged, mergedInto: { number: 4, reason: '' } })).toBe(
			'Zusammengeführt mit Beitrag #4.'
		);
	});
});

import { describe, expect, it } from 'vitest';
import { dayLabel } from './format';

describe('dayLabel', () => {
	it('formats a day in German and English order', () => {
		expect(dayLabel('2027-03-12', 'de-DE')).toBe('12.03.2027');
		expect(dayLabel('2027-03-12', 'en-GB')).toBe('12/03/2027');
	});
	it('leaves anything else as it is', () => {
		expect(dayLabel('morgen', 'de-DE')).toBe('morgen');
	});
});

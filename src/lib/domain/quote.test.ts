import { describe, expect, it } from 'vitest';
import { nestQuotes, quoteDe } from './quote';

describe('German nested quotes', () => {
	it('quotes with „…“ and nests inner quotes as ‚…‘', () => {
		expect(quoteDe('Wohnen')).toBe('„Wohnen“');
		expect(quoteDe('Programm „WIR“ fortsetzen')).toBe('„Programm ‚WIR‘ fortsetzen“');
		expect(quoteDe('Programm "WIR" und "Demokratie leben"')).toBe(
			'„Programm ‚WIR‘ und ‚Demokratie leben‘“'
		);
		expect(nestQuotes('ohne Anführungszeichen')).toBe('ohne Anführungszeichen');
	});
});

/** The Leichte-Sprache check: long sentences and long words are flagged, short text is not. */
import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_WORDS, MAX_WORD_LENGTH, checkEasyLanguage } from './easy-language';

describe('checkEasyLanguage', () => {
	it('accepts short sentences with short words', () => {
		expect(
			checkEasyLanguage('Wir machen ein Sprach-Café. Es ist am Montag. Alle dürfen kommen!')
		).toEqual([]);
		expect(checkEasyLanguage('')).toEqual([]);
	});

	it('flags a sentence with more than the allowed words, at its position', () => {
		const ok = Array.from({ length: MAX_SENTENCE_WORDS }, () => 'Wort').join(' ') + '.';
		expect(checkEasyLanguage(ok)).toEqual([]);
		const long = Array.from({ length: MAX_SENTENCE_WORDS + 1 }, () => 'Wort').join(' ') + '.';
		const text = `Kurz. ${long}`;
		const hints = checkEasyLanguage(text);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ kind: 'sentence', index: 6 });
		expect(hints[0].count).toBe(MAX_SENTENCE_WORDS + 1);
	});

	it('flags very long words but not hyphenated parts', () => {
		const word = 'Donaudampfschifffahrtsgesellschaft';
		expect(word.length).toBeGreaterThan(MAX_WORD_LENGTH);
		const hints = checkEasyLanguage(`Das ist die ${word}. Das ist die Donau-Dampf-Schiff-Fahrt.`);
		expect(hints).toHaveLength(1);
		expect(hints[0]).toMatchObject({ kind: 'word', excerpt: word, index: 12 });
		expect(hints[0].count).toBe(34);
	});

	it('handles a 10,000-character text without a sentence end', () => {
		const hints = checkEasyLanguage('wort '.repeat(2000));
		expect(hints).toHaveLength(1);
		expect(hints[0].excerpt.length).toBeLessThanOrEqual(60);
	});
});

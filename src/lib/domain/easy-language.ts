/**
 * The Leichte-Sprache check (issue 15, item 3): flags sentences with too many words and very long
 * words. Pure and tolerant; a hint, never a refusal. The wording of hints and the guidance are
 * interface texts (messages/content, keys content_ls_*).
 */

/** More words than this in one sentence get a hint. */
export const MAX_SENTENCE_WORDS = 15;
/** Words longer than this (letters, without hyphens' parts) get a hint. */
export const MAX_WORD_LENGTH = 20;

export interface EasyLanguageHint {
	kind: 'sentence' | 'word';
	/** Where the sentence or word starts in the text (UTF-16 index). */
	index: number;
	/** The sentence (shortened) or the word. */
	excerpt: string;
	/** Words in the sentence, or letters in the word. */
	count: number;
}

const SENTENCE = /[^.!?\n]+[.!?]*/g;
const WORD = /[\p{L}\p{N}]+/gu;

function shorten(s: string, max = 60): string {
	const t = s.trim();
	return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** Hints for a Leichte-Sprache text, in text order. */
export function checkEasyLanguage(text: string): EasyLanguageHint[] {
	const hints: EasyLanguageHint[] = [];
	for (const sentence of text.matchAll(SENTENCE)) {
		const start = sentence.index ?? 0;
		const words = [...sentence[0].matchAll(WORD)];
		if (words.length > MAX_SENTENCE_WORDS) {
			hints.push({
				kind: 'sentence',
				index: start + (sentence[0].length - sentence[0].trimStart().length),
				excerpt: shorten(sentence[0]),
				count: words.length
			});
		}
		for (const w of words) {
			if (w[0].length > MAX_WORD_LENGTH) {
				hints.push({
					kind: 'word',
					index: start + (w.index ?? 0),
					excerpt: shorten(w[0], 40),
					count: w[0].length
				});
			}
		}
	}
	return hints;
}

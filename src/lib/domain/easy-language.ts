/**
 * The Leichte-Sprache check (issue 15, item 3): flags sentences with too many words and very long
 * words, with German hints for the editor. Pure and tolerant; a hint, never a refusal.
 */

/** More words than this in one sentence get a hint. */
export const MAX_SENTENCE_WORDS = 15;
/** Words longer than this (letters, without hyphens' parts) get a hint. */
export const MAX_WORD_LENGTH = 20;

/** Short guidance shown above Leichte-Sprache fields. */
export const EASY_LANGUAGE_GUIDANCE = [
	'Schreiben Sie kurze Sätze.',
	'Jeder Satz enthält nur eine Aussage.',
	'Benutzen Sie einfache, bekannte Wörter.',
	'Trennen Sie lange Wörter mit einem Bindestrich: Sprach-Café.'
] as const;

export interface EasyLanguageHint {
	kind: 'sentence' | 'word';
	/** Where the sentence or word starts in the text (UTF-16 index). */
	index: number;
	/** The sentence (shortened) or the word. */
	excerpt: string;
	message: string;
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
				message: `Dieser Satz hat ${words.length} Wörter. Besser: höchstens ${MAX_SENTENCE_WORDS} Wörter und eine Aussage pro Satz.`
			});
		}
		for (const w of words) {
			if (w[0].length > MAX_WORD_LENGTH) {
				hints.push({
					kind: 'word',
					index: start + (w.index ?? 0),
					excerpt: w[0],
					message: `Das Wort „${shorten(w[0], 40)}“ ist sehr lang (${w[0].length} Buchstaben). Trennen Sie es mit Bindestrich oder sagen Sie es einfacher.`
				});
			}
		}
	}
	return hints;
}

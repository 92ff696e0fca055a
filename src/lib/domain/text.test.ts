import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { applyTextDiff, textDiff } from './text';

describe('textDiff', () => {
	it('finds the changed middle only', () => {
		expect(textDiff('Hallo Welt', 'Hallo schöne Welt')).toEqual({
			index: 6,
			remove: 0,
			insert: 'schöne '
		});
		expect(textDiff('abcdef', 'abXef')).toEqual({ index: 2, remove: 2, insert: 'X' });
		expect(textDiff('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
		expect(textDiff('', 'neu')).toEqual({ index: 0, remove: 0, insert: 'neu' });
	});
	it('never splits a surrogate pair', () => {
		// 😀 = D83D DE00, 😁 = D83D DE01: same high surrogate
		const d = textDiff('a😀b', 'a😁b');
		expect(d).toEqual({ index: 1, remove: 2, insert: '😁' });
	});
});

describe('applyTextDiff', () => {
	it('results in the new string', () => {
		const doc = new Y.Doc();
		const t = doc.getText('t');
		for (const next of ['Hallo', 'Hallo Welt', 'Hi Welt', '', 'a😀b', 'a😁b', 'a😁b']) {
			applyTextDiff(t, next);
			expect(t.toString()).toBe(next);
		}
	});
});

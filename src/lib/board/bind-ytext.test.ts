import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, deleteItem, getText, initPlan } from '$lib/domain';
import { bindYText, caretDiff, replacementFor } from './bind-ytext';

/** The part of an <input> that bindYText uses, typed into like a person at the keyboard. */
class FakeInput {
	value = '';
	selectionStart: number | null = 0;
	selectionEnd: number | null = 0;
	selectionDirection: 'forward' | 'backward' | 'none' = 'none';
	disabled = false;
	ownerDocument: { activeElement: unknown } = { activeElement: this };
	#listeners = new Map<string, Array<() => void>>();
	addEventListener(type: string, fn: () => void) {
		this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), fn]);
	}
	removeEventListener(type: string, fn: () => void) {
		this.#listeners.set(
			type,
			(this.#listeners.get(type) ?? []).filter((f) => f !== fn)
		);
	}
	setSelectionRange(start: number, end: number) {
		this.selectionStart = start;
		this.selectionEnd = end;
	}
	/** Type one character at the caret (as the browser does before firing `input`). */
	type(char: string) {
		const at = this.selectionStart ?? this.value.length;
		this.value = this.value.slice(0, at) + char + this.value.slice(this.selectionEnd ?? at);
		this.setSelectionRange(at + 1, at + 1);
		for (const fn of this.#listeners.get('input') ?? []) fn();
	}
}

/** Two people, each with a doc and a bound input; `exchange()` delivers what each typed. */
function twoPeople(initial: string) {
	const a = new Y.Doc();
	const b = new Y.Doc();
	a.getText('t').insert(0, initial);
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
	const inputA = new FakeInput();
	const inputB = new FakeInput();
	bindYText(inputA as unknown as HTMLInputElement, { text: a.getText('t') });
	bindYText(inputB as unknown as HTMLInputElement, { text: b.getText('t') });
	const exchange = () => {
		const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
		const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
		Y.applyUpdate(b, toB);
		Y.applyUpdate(a, toA);
	};
	return { a, b, inputA, inputB, exchange };
}

describe('two people typing at the same spot', () => {
	for (const initial of ['', 'Hallo ', 'Hallo  und']) {
		it(`keeps each run whole (text ${JSON.stringify(initial)})`, () => {
			const { a, b, inputA, inputB, exchange } = twoPeople(initial);
			const at = initial === 'Hallo  und' ? 6 : initial.length;
			inputA.setSelectionRange(at, at);
			inputB.setSelectionRange(at, at);
			const sabine = 'Sabine';
			const anna = 'Anna';
			for (let i = 0; i < Math.max(sabine.length, anna.length); i++) {
				// both type a character at the same moment, then the updates cross
				if (sabine[i]) inputA.type(sabine[i]!);
				if (anna[i]) inputB.type(anna[i]!);
				exchange();
				expect(inputA.value).toBe(a.getText('t').toString());
				expect(inputB.value).toBe(b.getText('t').toString());
			}
			const result = a.getText('t').toString();
			expect(b.getText('t').toString()).toBe(result);
			expect(result).toContain('Sabine');
			expect(result).toContain('Anna');
			expect(result.length).toBe(initial.length + 10);
		});
	}

	it('a remote insert before the caret still moves the caret along', () => {
		const { inputA, inputB, exchange } = twoPeople('Hallo Welt');
		inputA.setSelectionRange(5, 5);
		inputB.setSelectionRange(0, 0);
		for (const c of 'Liebe ') {
			inputB.type(c);
			exchange();
		}
		expect(inputA.value).toBe('Liebe Hallo Welt');
		expect(inputA.selectionStart).toBe(11);
		inputA.type(',');
		exchange();
		expect(inputB.value).toBe('Liebe Hallo, Welt');
	});
});

describe('caretDiff', () => {
	it('places a repeated character where the caret is', () => {
		// "Ann" + "n" typed after the first "n": the plain diff would say index 3
		expect(caretDiff('Ann', 'Annn', 2)).toEqual({ index: 1, remove: 0, insert: 'n' });
		expect(caretDiff('SaAn', 'SaAAn', 3)).toEqual({ index: 2, remove: 0, insert: 'A' });
		expect(caretDiff('abc', 'abXc', 3)).toEqual({ index: 2, remove: 0, insert: 'X' });
		expect(caretDiff('abc', 'ab', 2)).toEqual({ index: 2, remove: 1, insert: '' });
	});
});

describe('replacementFor', () => {
	it('finds the new text after someone deleted the item and undid it in one batch', () => {
		const anna = new Y.Doc();
		initPlan(anna, { title: 'Plan' });
		const created = createItem(anna, { type: 'field', values: { title: 'Gesundheit' } }, 'anna');
		if (!created.ok) throw new Error(created.error.message);
		const id = created.value;
		const ben = new Y.Doc();
		Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna));
		const bound = getText(ben, id, 'title')!; // Ben's open detail panel
		const lookUp = () => getText(ben, id, 'title');
		expect(replacementFor(bound, lookUp)).toBeNull();

		const undo = new Y.UndoManager(anna.getMap('items'), { trackedOrigins: new Set(['anna']) });
		const known = Y.encodeStateVector(ben);
		deleteItem(anna, id, 'anna');
		undo.undo();
		Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna, known)); // both arrive at once

		const fresh = replacementFor(bound, lookUp);
		expect(fresh).not.toBeNull();
		expect(fresh).not.toBe(bound);
		expect(fresh!.toString()).toBe('Gesundheit');
		// Typing into the fresh text reaches Anna.
		fresh!.insert(fresh!.length, ' und Pflege');
		Y.applyUpdate(anna, Y.encodeStateAsUpdate(ben));
		expect(getText(anna, id, 'title')!.toString()).toBe('Gesundheit und Pflege');
	});

	it('keeps the text when nothing can replace it', () => {
		const doc = new Y.Doc();
		initPlan(doc, { title: 'Plan' });
		const created = createItem(doc, { type: 'field', values: { title: 'Wohnen' } });
		if (!created.ok) throw new Error(created.error.message);
		const text = getText(doc, created.value, 'title')!;
		deleteItem(doc, created.value);
		expect(replacementFor(text, () => getText(doc, created.value, 'title'))).toBeNull();
		expect(replacementFor(text, undefined)).toBeNull();
		expect(replacementFor(null, () => null)).toBeNull();
	});
});

describe('bindYText filter', () => {
	it('cleans typed text before it reaches the Y.Text, keeping the caret', () => {
		const doc = new Y.Doc();
		const text = doc.getText('t');
		const input = new FakeInput();
		const strip = (v: string) => v.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
		bindYText(input as unknown as HTMLInputElement, { text, filter: strip });
		for (const ch of ['a', '\u202E', 'b']) input.type(ch);
		expect(text.toString()).toBe('ab');
		expect(input.value).toBe('ab');
		expect(input.selectionEnd).toBe(2);
	});
});

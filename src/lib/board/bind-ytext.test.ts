import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, deleteItem, getText, initPlan } from '$lib/domain';
import { replacementFor } from './bind-ytext';

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

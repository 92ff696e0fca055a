/** Which undo steps change the plan's structure (refused while a session locks it) and which do not. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, deleteItem, getText, moveItem, updateItem } from '$lib/domain';
import { isStructuralStep } from './structure-steps';

const ME = Symbol('local');

function setup() {
	const doc = new Y.Doc();
	const undo = new Y.UndoManager(doc.getMap('items'), { trackedOrigins: new Set([ME]) });
	/** Runs one step and answers whether undoing it is structural. */
	const step = (fn: () => void) => {
		undo.stopCapturing();
		fn();
		undo.stopCapturing();
		return isStructuralStep(doc, undo.undoStack.at(-1));
	};
	return { doc, undo, step };
}

describe('isStructuralStep', () => {
	it('is true for creating, moving and deleting items', () => {
		const { doc, step, undo } = setup();
		let a = '';
		let b = '';
		expect(
			step(() => {
				const r = createItem(doc, { type: 'field', values: { title: 'Bildung' } }, ME);
				if (r.ok) a = r.value;
			})
		).toBe(true);
		expect(
			step(() => {
				const r = createItem(doc, { type: 'field', values: { title: 'Wohnen' } }, ME);
				if (r.ok) b = r.value;
			})
		).toBe(true);
		expect(step(() => moveItem(doc, b, { parentId: null, index: 0 }, ME))).toBe(true);
		expect(step(() => deleteItem(doc, a, ME))).toBe(true);
		// undone: the redo step is structural too
		undo.undo();
		expect(isStructuralStep(doc, undo.redoStack.at(-1))).toBe(true);
	});

	it('is false for texts and values, and for no step at all', () => {
		const { doc, step, undo } = setup();
		const r = createItem(doc, { type: 'field', values: { title: 'Bildung' } }, ME);
		if (!r.ok) throw new Error(r.error.message);
		const id = r.value;
		expect(step(() => doc.transact(() => getText(doc, id, 'title')!.insert(0, 'AG '), ME))).toBe(
			false
		);
		expect(
			step(() => {
				const u = updateItem(doc, id, { phase: 'B' }, ME);
				if (!u.ok) throw new Error(u.error.message);
			})
		).toBe(false);
		undo.undo();
		expect(isStructuralStep(doc, undo.redoStack.at(-1))).toBe(false);
		expect(isStructuralStep(doc, undefined)).toBe(false);
	});
});

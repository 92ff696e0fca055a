/**
 * `use:bindYText={{ text, origin }}` binds an <input> or <textarea> to a Y.Text:
 * - local typing is written as the minimal diff (so two people typing in one text merge),
 * - remote changes update the value while the caret stays where it was, tracked through
 *   Y.RelativePosition (positions are anchored to characters, not to offsets). A collapsed
 *   caret is anchored to the character on its LEFT (assoc −1, like y-prosemirror's cursor
 *   plugin), so when someone else inserts exactly at the caret, their text lands after the caret
 *   and the local person keeps typing after their own run ("Sabine" + "Anna" stay whole instead
 *   of "SAanbniane"). A selection keeps both ends inside it.
 * During IME composition remote changes wait until the composition ends.
 */
import * as Y from 'yjs';
import { textDiff } from '$lib/domain';

export interface BindYTextParams {
	text: Y.Text | null;
	/** Transaction origin of local edits (the UndoManager's tracked origin). */
	origin?: unknown;
	/** Called after every local edit with the new value (e.g. for a length counter). */
	oninput?: (value: string) => void;
	/**
	 * Looks the text up again. Used when the bound Y.Text was deleted and the item came back
	 * with a new one (someone deleted it and undid that, both arriving in one batch).
	 */
	resolve?: () => Y.Text | null;
	/** Cleans typed or pasted text before it is written (e.g. strips bidi controls in titles). */
	filter?: (value: string) => string;
}

type TextInput = HTMLInputElement | HTMLTextAreaElement;

/**
 * The Y.Text to bind instead of `text`, if `text` was deleted and the item came back with a new
 * one (delete + undo by someone else, arriving in one batch); null if `text` is still current.
 */
export function replacementFor(
	text: Y.Text | null,
	resolve: (() => Y.Text | null) | undefined
): Y.Text | null {
	if (!text?._item?.deleted || !resolve) return null;
	const fresh = resolve();
	return fresh && fresh !== text ? fresh : null;
}

/**
 * Relative positions for a selection: a collapsed caret sticks to the character before it
 * (assoc −1), so a remote insert at the caret goes after the caret; a range keeps inserts at
 * its edges outside (start sticks right, end sticks left).
 */
export function caretAnchors(
	text: Y.Text,
	start: number,
	end: number
): { start: Y.RelativePosition; end: Y.RelativePosition } {
	const len = text.length;
	const s = Math.min(start, len);
	const e = Math.min(end, len);
	if (s === e) {
		const at = Y.createRelativePositionFromTypeIndex(text, s, -1);
		return { start: at, end: at };
	}
	return {
		start: Y.createRelativePositionFromTypeIndex(text, s, 0),
		end: Y.createRelativePositionFromTypeIndex(text, e, -1)
	};
}

/**
 * The edit from `prev` to `next`; for an insert that could sit at several places ("Ann" + "n"),
 * the one that ends at the caret – where the person actually typed, next to their own run.
 */
export function caretDiff(
	prev: string,
	next: string,
	caret: number | null
): { index: number; remove: number; insert: string } {
	const diff = textDiff(prev, next);
	const grow = next.length - prev.length;
	if (caret === null || diff.remove !== 0 || grow <= 0) return diff;
	const at = caret - grow;
	if (
		at >= 0 &&
		at !== diff.index &&
		prev.slice(0, at) === next.slice(0, at) &&
		prev.slice(at) === next.slice(caret)
	) {
		return { index: at, remove: 0, insert: next.slice(at, caret) };
	}
	return diff;
}

export function bindYText(node: TextInput, params: BindYTextParams) {
	let text = params.text;
	let origin = params.origin;
	let onLocal = params.oninput;
	let resolve = params.resolve;
	let filter = params.filter;
	let composing = false;
	let relStart: Y.RelativePosition | null = null;
	let relEnd: Y.RelativePosition | null = null;
	let direction: 'forward' | 'backward' | 'none' = 'none';

	const isFocused = () => node.ownerDocument.activeElement === node;

	/** Remember the selection as relative positions, before a transaction changes the text. */
	const capture = () => {
		if (!text || !isFocused() || node.selectionStart === null) return;
		const anchors = caretAnchors(
			text,
			node.selectionStart,
			node.selectionEnd ?? node.selectionStart
		);
		relStart = anchors.start;
		relEnd = anchors.end;
		direction = node.selectionDirection ?? 'none';
	};

	const render = () => {
		if (!text || composing) return;
		const value = text.toString();
		if (node.value === value) return;
		if (isFocused() && relStart && relEnd && text.doc) {
			const start = Y.createAbsolutePositionFromRelativePosition(relStart, text.doc);
			const end = Y.createAbsolutePositionFromRelativePosition(relEnd, text.doc);
			node.value = value;
			if (start && end) node.setSelectionRange(start.index, end.index, direction);
		} else {
			node.value = value;
		}
	};

	const observer = () => render();
	const beforeTransaction = () => capture();
	const afterTransaction = () => {
		const fresh = replacementFor(text, resolve);
		if (!fresh) return;
		const start = node.selectionStart;
		const end = node.selectionEnd;
		detach();
		text = fresh;
		attach();
		if (isFocused() && start !== null && end !== null) {
			node.setSelectionRange(Math.min(start, node.value.length), Math.min(end, node.value.length));
		}
	};

	// Composition (IME, dead keys): the text at its start and where it started.
	let compositionBase = '';
	let compositionAt: Y.RelativePosition | null = null;
	let compositionOffset = 0;

	const onInput = () => {
		if (!text || composing) return;
		const prev = text.toString();
		if (filter) {
			const clean = filter(node.value);
			if (clean !== node.value) {
				const caret = Math.max(0, (node.selectionEnd ?? 0) - (node.value.length - clean.length));
				node.value = clean;
				node.setSelectionRange(caret, caret);
			}
		}
		const next = node.value;
		if (prev === next) return;
		const { index, remove, insert } = caretDiff(prev, next, node.selectionEnd);
		const apply = () => {
			if (remove > 0) text!.delete(index, remove);
			if (insert.length > 0) text!.insert(index, insert);
		};
		if (text.doc) text.doc.transact(apply, origin);
		else apply();
		onLocal?.(next);
	};

	const onCompositionStart = () => {
		if (!text) return;
		composing = true;
		compositionBase = text.toString();
		compositionOffset = node.selectionStart ?? 0;
		compositionAt = Y.createRelativePositionFromTypeIndex(text, compositionOffset);
	};
	const onCompositionEnd = () => {
		composing = false;
		if (!text) return;
		if (text.toString() === compositionBase) {
			onInput();
			return;
		}
		// Someone else changed the text meanwhile: apply our composed change at its anchor.
		const { index, remove, insert } = textDiff(compositionBase, node.value);
		const anchor =
			compositionAt && text.doc
				? Y.createAbsolutePositionFromRelativePosition(compositionAt, text.doc)
				: null;
		const at = Math.max(0, (anchor?.index ?? compositionOffset) + (index - compositionOffset));
		const t = text;
		const apply = () => {
			const len = t.length;
			if (remove > 0 && at < len) t.delete(at, Math.min(remove, len - at));
			if (insert.length > 0) t.insert(Math.min(at, t.length), insert);
		};
		if (t.doc) t.doc.transact(apply, origin);
		else apply();
		const caret = at + insert.length;
		node.value = t.toString();
		if (isFocused()) node.setSelectionRange(caret, caret);
		onLocal?.(node.value);
	};

	function attach() {
		if (!text) {
			node.value = '';
			node.disabled = true;
			return;
		}
		node.disabled = false;
		node.value = text.toString();
		text.observe(observer);
		text.doc?.on('beforeTransaction', beforeTransaction);
		text.doc?.on('afterTransaction', afterTransaction);
	}

	function detach() {
		text?.unobserve(observer);
		text?.doc?.off('beforeTransaction', beforeTransaction);
		text?.doc?.off('afterTransaction', afterTransaction);
		relStart = relEnd = null;
	}

	node.addEventListener('input', onInput);
	node.addEventListener('compositionstart', onCompositionStart);
	node.addEventListener('compositionend', onCompositionEnd);
	attach();

	return {
		update(next: BindYTextParams) {
			origin = next.origin;
			onLocal = next.oninput;
			resolve = next.resolve;
			filter = next.filter;
			if (next.text !== text) {
				detach();
				text = next.text;
				attach();
			}
		},
		destroy() {
			detach();
			node.removeEventListener('input', onInput);
			node.removeEventListener('compositionstart', onCompositionStart);
			node.removeEventListener('compositionend', onCompositionEnd);
		}
	};
}

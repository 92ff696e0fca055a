/**
 * Writing a whole new string into a Y.Text by its minimal edit. Replacing the full content would
 * delete what a co-editor typed concurrently elsewhere in the text; a prefix/suffix diff touches
 * only the changed middle, so concurrent typing outside that range survives the merge.
 */
import type * as Y from 'yjs';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** The changed range between `prev` and `next` (never splitting a surrogate pair). */
export function textDiff(
	prev: string,
	next: string
): { index: number; remove: number; insert: string } {
	const max = Math.min(prev.length, next.length);
	let start = 0;
	while (start < max && prev.charCodeAt(start) === next.charCodeAt(start)) start++;
	if (start > 0 && isHigh(prev.charCodeAt(start - 1))) start--;
	let end = 0;
	const maxEnd = max - start;
	while (
		end < maxEnd &&
		prev.charCodeAt(prev.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
	) {
		end++;
	}
	if (end > 0 && isLow(prev.charCodeAt(prev.length - end))) end--;
	return {
		index: start,
		remove: prev.length - start - end,
		insert: next.slice(start, next.length - end)
	};
}

/** Make `ytext` read `next` with the smallest delete+insert. Call inside a transaction. */
export function applyTextDiff(ytext: Y.Text, next: string): void {
	const prev = ytext.toString();
	if (prev === next) return;
	const { index, remove, insert } = textDiff(prev, next);
	if (remove > 0) ytext.delete(index, remove);
	if (insert.length > 0) ytext.insert(index, insert);
}

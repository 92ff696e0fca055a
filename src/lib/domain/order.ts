/**
 * Sibling order. Every item carries a fractional-indexing key; siblings sort by (order, id).
 * The id tie-break makes two clients that inserted at the same spot concurrently (and so chose
 * the same key) still show the same order. When neighbours share a key, or a key is malformed,
 * no key fits between them: then all siblings get fresh, evenly spaced keys (a rebalance).
 */
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing';

export interface OrderEntry {
	id: string;
	order: string;
}

/** Total order on siblings: by key (code-unit order, as fractional-indexing expects), then id. */
export function compareOrder(a: OrderEntry, b: OrderEntry): number {
	if (a.order !== b.order) return a.order < b.order ? -1 : 1;
	if (a.id !== b.id) return a.id < b.id ? -1 : 1;
	return 0;
}

/**
 * A key that sorts at position `index` among `siblings` (sorted, not containing the item).
 * `reorder` lists the sibling keys to rewrite when a rebalance was needed (usually empty).
 */
export function keyForIndex(
	siblings: readonly OrderEntry[],
	index: number
): { key: string; reorder: Array<[string, string]> } {
	const i = Math.max(0, Math.min(index, siblings.length));
	const prev = i > 0 ? siblings[i - 1].order : null;
	const next = i < siblings.length ? siblings[i].order : null;
	try {
		return { key: generateKeyBetween(prev, next), reorder: [] };
	} catch {
		// Equal, out-of-order or malformed neighbour keys: rebalance the whole sibling list.
		const keys = generateNKeysBetween(null, null, siblings.length + 1);
		const reorder: Array<[string, string]> = siblings.map((s, j) => [
			s.id,
			keys[j < i ? j : j + 1]
		]);
		return { key: keys[i], reorder };
	}
}

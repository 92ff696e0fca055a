/**
 * What counts as a change of the plan's structure (issue 13: a session's structure lock refuses
 * it): adding or deleting an item (an entry of the root map `items`) and moving one (its keys
 * `type`, `parentId`, `order`). Shared by the sync server's guard (server/sync/doc-guard.ts) and
 * the board's undo, which refuses only structural steps while the structure is locked.
 */
import * as Y from 'yjs';

/** Keys of an item's map that place it in the plan (changing them moves the item). */
export const STRUCTURE_KEYS: ReadonlySet<string> = new Set(['type', 'parentId', 'order']);

/** A Yjs delete set (ids by client), as an undo step keeps its insertions and deletions. */
interface IdRanges {
	clients: Map<number, Array<{ clock: number; len: number }>>;
}

/** Does this struct add, delete or move an item? */
function isStructural(s: Y.Item | Y.GC | Y.Skip, items: Y.Map<unknown>): boolean {
	if (!(s instanceof Y.Item)) return false;
	const parent = s.parent;
	if (parent === items) return true;
	if (!(parent instanceof Y.Map) || s.parentSub === null) return false;
	return parent._item?.parent === items && STRUCTURE_KEYS.has(s.parentSub);
}

function touchesStructure(doc: Y.Doc, ds: IdRanges, items: Y.Map<unknown>): boolean {
	for (const [client, ranges] of ds.clients) {
		const structs = doc.store.clients.get(client);
		if (!structs || structs.length === 0) continue;
		const state = Y.getState(doc.store, client);
		for (const { clock, len } of ranges) {
			if (clock >= state) continue;
			const end = clock + len;
			for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
				const s = structs[i];
				if (s.id.clock >= end) break;
				if (isStructural(s, items)) return true;
			}
		}
	}
	return false;
}

/**
 * Would undoing (or redoing) this step of a Y.UndoManager add, delete or move items? It inserted
 * or deleted an entry of `items`, or set an item's `type`, `parentId` or `order`.
 */
export function isStructuralStep(
	doc: Y.Doc,
	step: { insertions: IdRanges; deletions: IdRanges } | undefined
): boolean {
	if (!step) return false;
	const items = doc.getMap('items');
	return (
		touchesStructure(doc, step.insertions, items) || touchesStructure(doc, step.deletions, items)
	);
}

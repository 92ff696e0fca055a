/**
 * Which items and fields a Yjs transaction touched, for the per-item history. Works on the
 * flat `items` map (docs/data-model.md): a key of `items` added or removed = item created or
 * deleted; any other changed type is walked up its parents to the item's Y.Map, and the key
 * directly below the item names the field (a Y.Text, the `principleIds` map, or a scalar).
 * `parentId`/`order` changes are reported as the pseudo-field `position` (a move).
 */
import * as Y from 'yjs';
import type { ItemType } from '../../src/lib/domain/types';
import { isItemType } from '../../src/lib/domain/schema';

export interface Touched {
	itemId: string;
	itemType: ItemType | null;
	kind: 'created' | 'deleted' | 'changed';
	/** Changed fields; `position` for parentId/order. Empty for created/deleted. */
	fields: string[];
}

const POSITION_KEYS = new Set(['parentId', 'order']);

function typeOf(value: unknown): ItemType | null {
	if (!(value instanceof Y.Map)) return null;
	const t = value.get('type');
	return isItemType(t) ? t : null;
}

/** The items touched by `transaction` on a document whose items map is `items`. */
export function touchedItems(transaction: Y.Transaction, items: Y.Map<unknown>): Touched[] {
	const out = new Map<string, Touched>();
	const get = (itemId: string, itemType: ItemType | null) => {
		let t = out.get(itemId);
		if (!t) {
			t = { itemId, itemType, kind: 'changed', fields: [] };
			out.set(itemId, t);
		}
		return t;
	};
	for (const [type, keys] of transaction.changed) {
		if ((type as unknown) === items) {
			for (const key of keys) {
				if (key === null) continue;
				const value = items.get(key);
				if (value !== undefined) {
					const t = get(key, typeOf(value));
					t.kind = 'created';
					t.itemType = typeOf(value);
				} else {
					const t = get(key, null);
					t.kind = 'deleted';
				}
			}
			continue;
		}
		// Walk up to the child of `items` (the item's Y.Map); remember the key just below it.
		let current: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
		let fieldKey: string | null = null;
		let changedKeys: Set<string | null> | null = keys;
		for (let depth = 0; depth < 16; depth++) {
			const parentItem = current._item;
			if (!parentItem) break;
			const parent = parentItem.parent as Y.AbstractType<unknown> | null;
			if (!parent || !(parent instanceof Y.AbstractType)) break;
			if (parent === items) {
				const itemId = parentItem.parentSub;
				if (!itemId) break;
				if (out.get(itemId)?.kind === 'created') break;
				const t = get(itemId, typeOf(current));
				if (t.kind === 'changed') {
					const fields: string[] =
						fieldKey !== null
							? [fieldKey]
							: [...(changedKeys ?? [])].filter((k): k is string => k !== null);
					for (const f of fields) {
						const name = POSITION_KEYS.has(f) ? 'position' : f;
						if (!t.fields.includes(name)) t.fields.push(name);
					}
				}
				break;
			}
			fieldKey = parentItem.parentSub;
			changedKeys = null;
			current = parent;
		}
	}
	for (const t of out.values()) if (t.kind !== 'changed') t.fields = [];
	return [...out.values()].filter((t) => t.kind !== 'changed' || t.fields.length > 0);
}

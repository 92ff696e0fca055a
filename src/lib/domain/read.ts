/**
 * Tolerant readers for single items. Whatever is in the document (an older version, a broken
 * client, hand-edited data) must not crash the page: values of the wrong kind fall back to
 * defaults, and entries that cannot be an item at all read as `null`.
 */
import * as Y from 'yjs';
import { compareOrder } from './order';
import { SCALAR_DEFAULTS, isItemType, isValidScalar, type ScalarField } from './schema';
import { PARENT_TYPE, TEXT_FIELDS, type Item, type ItemType } from './types';

export type ItemsMap = Y.Map<unknown>;

export function itemsMap(doc: Y.Doc): ItemsMap {
	return doc.getMap<unknown>('items');
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
	return doc.getMap<unknown>('meta');
}

/** The item's Y.Map if `id` names a map with a known type; otherwise null. */
export function itemMap(items: ItemsMap, id: string): Y.Map<unknown> | null {
	const raw = items.get(id);
	return raw instanceof Y.Map && isItemType(raw.get('type')) ? raw : null;
}

export function itemType(m: Y.Map<unknown>): ItemType {
	return m.get('type') as ItemType;
}

/** Top-level types always read with parent null, whatever junk their parentId holds. */
export function parentOf(m: Y.Map<unknown>): string | null {
	if (PARENT_TYPE[itemType(m)] === null) return null;
	const p = m.get('parentId');
	return typeof p === 'string' ? p : null;
}

export function orderOf(m: Y.Map<unknown>): string {
	const o = m.get('order');
	return typeof o === 'string' ? o : '';
}

export function readText(m: Y.Map<unknown>, field: string): string {
	const v = m.get(field);
	if (v instanceof Y.Text) return v.toString();
	return typeof v === 'string' ? v : '';
}

export function readScalar(m: Y.Map<unknown>, field: ScalarField): string {
	const v = m.get(field);
	return isValidScalar(field, v) ? (v as string) : SCALAR_DEFAULTS[field];
}

/** Linked Leitlinien of a goal: sorted ids, only those that still exist as principles. */
export function readPrincipleIds(items: ItemsMap, m: Y.Map<unknown>): string[] {
	const v = m.get('principleIds');
	let ids: unknown[] = [];
	if (v instanceof Y.Map) ids = [...v.keys()].filter((k) => v.get(k) === true);
	else if (v instanceof Y.Array) ids = v.toArray();
	else if (Array.isArray(v)) ids = v;
	const valid = ids.filter(
		(id): id is string => typeof id === 'string' && itemMap(items, id)?.get('type') === 'principle'
	);
	return [...new Set(valid)].sort();
}

/** Parse one entry into an Item, or null if it cannot be one (not a map, unknown type, …). */
export function parseItem(items: ItemsMap, id: string): Item | null {
	const m = itemMap(items, id);
	if (!m) return null;
	const type = itemType(m);
	const parentId = parentOf(m);
	if (PARENT_TYPE[type] !== null && parentId === null) return null;
	const base: Record<string, unknown> = { id, type, parentId, order: orderOf(m) };
	for (const f of TEXT_FIELDS[type]) base[f] = readText(m, f);
	if (type === 'field') base.phase = readScalar(m, 'phase');
	if (type === 'goal') base.principleIds = readPrincipleIds(items, m);
	if (type === 'measure') {
		for (const f of ['startDate', 'endDate', 'priority', 'status'] as const) {
			base[f] = readScalar(m, f);
		}
	}
	return base as unknown as Item;
}

/** Sorted (order, id) entries of the children of `parentId` with `type`, cheap (no texts). */
export function siblingEntries(
	items: ItemsMap,
	parentId: string | null,
	type: ItemType,
	excludeId?: string
): Array<{ id: string; order: string }> {
	const out: Array<{ id: string; order: string }> = [];
	items.forEach((raw, id) => {
		if (id === excludeId || !(raw instanceof Y.Map) || raw.get('type') !== type) return;
		if (parentOf(raw as Y.Map<unknown>) !== parentId) return;
		out.push({ id, order: orderOf(raw as Y.Map<unknown>) });
	});
	return out.sort(compareOrder);
}

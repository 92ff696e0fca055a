/**
 * Mutators and item readers for the flat items map (see docs/data-model.md). Every mutation runs
 * in one `doc.transact(fn, origin)` so it is one update on the wire and one Y.UndoManager step;
 * pass your UndoManager's tracked origin as the last argument.
 */
import * as Y from 'yjs';
import { err, ok, type Result } from './errors';
import { newId } from './ids';
import { keyForIndex } from './order';
import {
	itemMap,
	itemType,
	itemsMap,
	parentOf,
	parseItem,
	readScalar,
	siblingEntries,
	type ItemsMap
} from './read';
import { SCALAR_DEFAULTS, isItemType, isTextField, validatePatch, type ValidPatch } from './schema';
import { applyTextDiff } from './text';
import { TR_KEY } from './translations';
import { PARENT_TYPE, TEXT_FIELDS, type Item, type ItemType } from './types';

/** Origin of internal repair writes (lazy Y.Text creation); UndoManagers should not track it. */
export const REPAIR_ORIGIN = 'mitplan:repair';

const unknownItem = <T>(field?: string) =>
	err<T>(
		'unknown_item',
		'Dieses Element gibt es nicht (mehr). Vielleicht wurde es gerade gelöscht.',
		field
	);

/** Check that `parentId` is a valid parent for an item of `type`. */
function checkParent(items: ItemsMap, type: ItemType, parentId: unknown): Result<string | null> {
	const expected = PARENT_TYPE[type];
	if (expected === null) {
		if (parentId === null || parentId === undefined) return ok(null);
		return err('invalid_parent', 'Leitlinien und Handlungsfelder stehen auf oberster Ebene.');
	}
	if (typeof parentId !== 'string' || !itemMap(items, parentId)) {
		return err('unknown_parent', 'Das übergeordnete Element gibt es nicht (mehr).', 'parentId');
	}
	if (itemType(itemMap(items, parentId)!) !== expected) {
		const msg =
			type === 'goal'
				? 'Ein Ziel kann nur unter einem Handlungsfeld stehen.'
				: 'Eine Maßnahme kann nur unter einem Ziel stehen.';
		return err('invalid_parent', msg, 'parentId');
	}
	return ok(parentId);
}

const isPrinciple = (items: ItemsMap) => (id: string) =>
	itemMap(items, id)?.get('type') === 'principle';

/** Write a validated patch into an item map (inside a transaction). */
function writePatch(m: Y.Map<unknown>, patch: ValidPatch): void {
	for (const [field, value] of patch.texts) {
		const current = m.get(field);
		if (current instanceof Y.Text) applyTextDiff(current, value);
		else m.set(field, new Y.Text(value));
	}
	for (const [field, value] of patch.scalars) if (m.get(field) !== value) m.set(field, value);
	if (patch.principleIds) {
		let links = m.get('principleIds');
		if (!(links instanceof Y.Map)) {
			links = new Y.Map<true>();
			m.set('principleIds', links);
		}
		const set = links as Y.Map<true>;
		const wanted = new Set(patch.principleIds);
		for (const id of [...set.keys()]) if (!wanted.has(id)) set.delete(id);
		for (const id of wanted) if (set.get(id) !== true) set.set(id, true);
	}
}

export interface CreateItemInput {
	type: ItemType;
	/** Required for goals (a field id) and measures (a goal id); null/absent for the others. */
	parentId?: string | null;
	/** Sibling to insert after: null = at the start, undefined = at the end. */
	afterId?: string | null;
	/** Initial field values, validated like updateItem. */
	values?: Record<string, unknown>;
}

/** Create an item; returns its new id. All Y.Texts are created here, never lazily by two peers. */
export function createItem(doc: Y.Doc, input: CreateItemInput, origin?: unknown): Result<string> {
	const items = itemsMap(doc);
	const type = input?.type;
	if (!isItemType(type)) return err('invalid_value', 'Unbekannte Art von Element.', 'type');
	const parent = checkParent(items, type, input.parentId);
	if (!parent.ok) return parent;
	const patch = validatePatch(type, input.values ?? {}, SCALAR_DEFAULTS, isPrinciple(items));
	if (!patch.ok) return patch;
	const siblings = siblingEntries(items, parent.value, type);
	let index = siblings.length;
	if (input.afterId === null) index = 0;
	else if (input.afterId !== undefined) {
		const at = siblings.findIndex((s) => s.id === input.afterId);
		if (at < 0) return unknownItem('afterId');
		index = at + 1;
	}
	const { key, reorder } = keyForIndex(siblings, index);
	const id = newId();
	doc.transact(() => {
		for (const [sid, skey] of reorder) (items.get(sid) as Y.Map<unknown>).set('order', skey);
		const m = new Y.Map<unknown>();
		items.set(id, m);
		m.set('type', type);
		m.set('parentId', parent.value);
		m.set('order', key);
		m.set('createdAt', new Date().toISOString());
		for (const f of TEXT_FIELDS[type]) m.set(f, new Y.Text());
		m.set(TR_KEY, new Y.Map<unknown>());
		if (type === 'field') m.set('phase', SCALAR_DEFAULTS.phase);
		if (type === 'goal') m.set('principleIds', new Y.Map<true>());
		if (type === 'measure') {
			for (const f of ['startDate', 'endDate', 'priority', 'status'] as const) {
				m.set(f, SCALAR_DEFAULTS[f]);
			}
		}
		writePatch(m, patch.value);
	}, origin);
	return ok(id);
}

/** Change fields of an item. Texts are written as a minimal diff so concurrent typing survives. */
export function updateItem(
	doc: Y.Doc,
	id: string,
	patch: Record<string, unknown>,
	origin?: unknown
): Result<void> {
	const items = itemsMap(doc);
	const m = itemMap(items, id);
	if (!m) return unknownItem();
	const current = { startDate: readScalar(m, 'startDate'), endDate: readScalar(m, 'endDate') };
	const valid = validatePatch(itemType(m), patch, current, isPrinciple(items));
	if (!valid.ok) return valid;
	doc.transact(() => writePatch(m, valid.value), origin);
	return ok();
}

/**
 * The live Y.Text of a text field, for binding an editor. Items created by createItem already
 * have every Y.Text; for older or repaired items a missing one is created here (keeping a plain
 * string value as content) in a REPAIR_ORIGIN transaction. Null if item or field is unknown.
 */
export function getText(doc: Y.Doc, id: string, field: string): Y.Text | null {
	const m = itemMap(itemsMap(doc), id);
	if (!m || !isTextField(itemType(m), field)) return null;
	const v = m.get(field);
	if (v instanceof Y.Text) return v;
	const text = new Y.Text(typeof v === 'string' ? v : '');
	doc.transact(() => m.set(field, text), REPAIR_ORIGIN);
	return text;
}

/**
 * Move an item to position `index` among the children of the same type of `parentId` (absent =
 * keep the parent). A move writes only `parentId` and `order` of the same Y.Map, so someone
 * typing into the item concurrently keeps their text.
 */
export function moveItem(
	doc: Y.Doc,
	id: string,
	to: { parentId?: string | null; index: number },
	origin?: unknown
): Result<void> {
	const items = itemsMap(doc);
	const m = itemMap(items, id);
	if (!m) return unknownItem();
	const type = itemType(m);
	if (typeof to?.index !== 'number' || !Number.isInteger(to.index) || to.index < 0) {
		return err('invalid_value', 'Die Zielposition ist ungültig.', 'index');
	}
	const parent = checkParent(items, type, to.parentId === undefined ? parentOf(m) : to.parentId);
	if (!parent.ok) return parent;
	const siblings = siblingEntries(items, parent.value, type, id);
	const index = Math.min(to.index, siblings.length);
	const sameParent = parent.value === parentOf(m) && m.get('parentId') === parent.value;
	if (sameParent) {
		const withSelf = siblingEntries(items, parent.value, type);
		if (withSelf.findIndex((s) => s.id === id) === index) return ok();
	}
	const { key, reorder } = keyForIndex(siblings, index);
	doc.transact(() => {
		for (const [sid, skey] of reorder) (items.get(sid) as Y.Map<unknown>).set('order', skey);
		if (!sameParent) m.set('parentId', parent.value);
		m.set('order', key);
	}, origin);
	return ok();
}

/** All ids below `id` (any depth), found by parentId; guarded against cycles in junk data. */
function descendants(items: ItemsMap, id: string): string[] {
	const children = new Map<string, string[]>();
	items.forEach((raw, cid) => {
		if (!(raw instanceof Y.Map)) return;
		const p = raw.get('parentId');
		if (typeof p === 'string') children.set(p, [...(children.get(p) ?? []), cid]);
	});
	const seen = new Set<string>([id]);
	const stack = [id];
	while (stack.length) {
		for (const c of children.get(stack.pop()!) ?? []) {
			if (!seen.has(c)) {
				seen.add(c);
				stack.push(c);
			}
		}
	}
	seen.delete(id);
	return [...seen];
}

/**
 * Delete an item with all its descendants (and, for a Leitlinie, its links from goals) in one
 * transaction, so one Y.UndoManager undo restores everything. Also removes junk entries.
 */
export function deleteItem(doc: Y.Doc, id: string, origin?: unknown): Result<void> {
	const items = itemsMap(doc);
	if (typeof id !== 'string' || !items.has(id)) return unknownItem();
	const isPrincipleItem = itemMap(items, id)?.get('type') === 'principle';
	const doomed = [id, ...descendants(items, id)];
	doc.transact(() => {
		for (const d of doomed) items.delete(d);
		if (!isPrincipleItem) return;
		items.forEach((raw) => {
			const links = raw instanceof Y.Map ? raw.get('principleIds') : undefined;
			if (links instanceof Y.Map && links.has(id)) links.delete(id);
		});
	}, origin);
	return ok();
}

/** Link or unlink a Leitlinie to a goal. A set (Y.Map id → true), so concurrent links merge. */
export function setPrincipleLink(
	doc: Y.Doc,
	goalId: string,
	principleId: string,
	linked: boolean,
	origin?: unknown
): Result<void> {
	const items = itemsMap(doc);
	const goal = itemMap(items, goalId);
	if (!goal) return unknownItem();
	if (itemType(goal) !== 'goal') {
		return err('invalid_value', 'Leitlinien können nur mit Zielen verknüpft werden.', 'goalId');
	}
	if (linked && !isPrinciple(items)(principleId)) {
		return err('unknown_item', 'Diese Leitlinie gibt es nicht (mehr).', 'principleId');
	}
	doc.transact(() => {
		let links = goal.get('principleIds');
		if (!(links instanceof Y.Map)) {
			links = new Y.Map<true>();
			goal.set('principleIds', links);
		}
		const set = links as Y.Map<true>;
		if (linked && set.get(principleId) !== true) set.set(principleId, true);
		if (!linked && set.has(principleId)) set.delete(principleId);
	}, origin);
	return ok();
}

/** One item as plain data, or null if it does not exist or is not a readable item. */
export function readItem(doc: Y.Doc, id: string): Item | null {
	return parseItem(itemsMap(doc), id);
}

/** Children of `parentId` (null = top level) with `type`, sorted by (order, id). */
export function childrenOf(doc: Y.Doc, parentId: string | null, type: ItemType): Item[] {
	const items = itemsMap(doc);
	return siblingEntries(items, parentId, type)
		.map((s) => parseItem(items, s.id))
		.filter((i): i is Item => i !== null);
}

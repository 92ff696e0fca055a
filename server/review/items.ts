/**
 * What review needs to know about a plan's document: which items exist (type, parent, title) and
 * the plan title. Read from the live room (the same Y.Doc the websocket clients edit), so an item
 * deleted a moment ago is gone here too.
 */
import {
	itemMap,
	itemType,
	itemsMap,
	metaMap,
	parentOf,
	readText
} from '../../src/lib/domain/read';
import type { ItemType } from '../../src/lib/domain/types';
import type { RoomManager } from '../sync/rooms';

export interface ItemInfo {
	type: ItemType;
	parentId: string | null;
	title: string;
}

export interface PlanItems {
	title: string;
	items: Map<string, ItemInfo>;
}

/** Reads the plan's items; null when the plan does not exist. Rejects when the store fails. */
export type PlanItemsReader = (planId: string) => Promise<PlanItems | null>;

export function createPlanItemsReader(rooms: RoomManager): PlanItemsReader {
	return async (planId) => {
		const room = await rooms.acquire(planId);
		if (!room) return null;
		try {
			const items = itemsMap(room.doc);
			const raw = new Map<string, ItemInfo>();
			items.forEach((_value, id) => {
				const m = itemMap(items, id);
				if (!m) return;
				raw.set(id, { type: itemType(m), parentId: parentOf(m), title: readText(m, 'title') });
			});
			// Only items whose ancestors still exist (a child of a deleted item is gone too).
			const result = new Map<string, ItemInfo>();
			for (const [id, info] of raw) {
				let parent = info.parentId;
				let ok = true;
				for (let depth = 0; parent !== null && depth < 5; depth++) {
					const p = raw.get(parent);
					if (!p) {
						ok = false;
						break;
					}
					parent = p.parentId;
				}
				if (ok) result.set(id, info);
			}
			const title = metaMap(room.doc).get('title');
			return { title: typeof title === 'string' ? title : '', items: result };
		} finally {
			rooms.release(room);
		}
	};
}

/** The field a goal or measure belongs to (null for other items). */
export function fieldOf(items: Map<string, ItemInfo>, id: string): string | null {
	let current = items.get(id);
	let currentId = id;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current.type === 'field') return currentId;
		if (current.parentId === null) return null;
		currentId = current.parentId;
		current = items.get(currentId);
	}
	return null;
}

/** Display title of an item for notification texts. */
export function itemLabel(plan: PlanItems, itemId: string | null): string {
	if (itemId === null) return plan.title || 'Plan';
	const t = plan.items.get(itemId)?.title.trim();
	return t ? (t.length > 80 ? `${t.slice(0, 79)}…` : t) : 'Eintrag ohne Titel';
}

/** A notice's `params` naming an item (its title now, '' untitled) or, for null, the whole plan. */
export function noticeItem(plan: PlanItems, itemId: string | null): { item?: string } {
	if (itemId === null) return {};
	const t = plan.items.get(itemId)?.title.trim() ?? '';
	return { item: t.length > 80 ? `${t.slice(0, 79)}…` : t };
}

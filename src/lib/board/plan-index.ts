/**
 * Lookups over one read of the plan: where an item sits (parent, position among its siblings)
 * and display names, for moves, announcements and the detail panel.
 */
import type { Goal, ItemType, Measure, PlanJson, Principle } from '$lib/domain';
import { m } from '$lib/i18n';

export type BoardField = PlanJson['fields'][number];
export type BoardGoal = Goal & { measures: Measure[] };
/** An item as the board reads it: fields carry their goals, goals their measures. */
export type BoardItem = Principle | BoardField | BoardGoal | Measure;

export interface IndexEntry {
	item: BoardItem;
	type: ItemType;
	parentId: string | null;
	/** Ids of all siblings of the same type (including this item), in board order. */
	siblings: string[];
	position: number;
}

export type PlanIndex = Map<string, IndexEntry>;

export function buildIndex(plan: PlanJson): PlanIndex {
	const index: PlanIndex = new Map();
	const add = (items: BoardItem[], parentId: string | null) => {
		const ids = items.map((i) => i.id);
		items.forEach((item, position) =>
			index.set(item.id, { item, type: item.type, parentId, siblings: ids, position })
		);
	};
	add(plan.principles, null);
	add(plan.fields, null);
	for (const field of plan.fields) {
		add(field.goals, field.id);
		for (const goal of field.goals) add(goal.measures, goal.id);
	}
	return index;
}

export function displayTitle(item: { title: string } | null | undefined): string {
	const t = item?.title.trim();
	return t ? t : m.board_untitled();
}

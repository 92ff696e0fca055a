/**
 * The whole plan as plain JSON (GET /api/plans/<id>, PDF export, server-side rendering). The
 * reader is tolerant: it walks from the top-level items down, so items whose parent is missing
 * or of the wrong type (orphans, cycles, junk) are simply not reachable and are left out.
 */
import * as Y from 'yjs';
import { readMeta } from './meta';
import { compareOrder } from './order';
import { itemsMap, parseItem, type ItemsMap } from './read';
import type {
	Field,
	Goal,
	Item,
	ItemType,
	Measure,
	PlanJson,
	PlanSummary,
	Principle
} from './types';

/** Index of readable items by (parentId, type), each list sorted by (order, id). One pass. */
function indexItems(items: ItemsMap): Map<string, Item[]> {
	const index = new Map<string, Item[]>();
	items.forEach((raw, id) => {
		if (!(raw instanceof Y.Map)) return;
		const item = parseItem(items, id);
		if (!item) return;
		const key = `${item.type}:${item.parentId ?? ''}`;
		const list = index.get(key);
		if (list) list.push(item);
		else index.set(key, [item]);
	});
	for (const list of index.values()) list.sort(compareOrder);
	return index;
}

function childrenIn<T extends Item>(
	index: Map<string, Item[]>,
	type: ItemType,
	parentId: string | null
): T[] {
	return (index.get(`${type}:${parentId ?? ''}`) ?? []) as T[];
}

/** Never throws for malformed content; `planId` is echoed, not validated. */
export function readPlan(doc: Y.Doc, planId: string): PlanJson {
	const meta = readMeta(doc);
	const index = indexItems(itemsMap(doc));
	return {
		id: planId,
		schemaVersion: meta.schemaVersion,
		meta,
		principles: childrenIn<Principle>(index, 'principle', null),
		fields: childrenIn<Field>(index, 'field', null).map((field) => ({
			...field,
			goals: childrenIn<Goal>(index, 'goal', field.id).map((goal) => ({
				...goal,
				measures: childrenIn<Measure>(index, 'measure', goal.id)
			}))
		}))
	};
}

/** Title, status and item counts for plan lists (counts only items readPlan would show). */
export function summarize(doc: Y.Doc, planId: string): PlanSummary {
	const plan = readPlan(doc, planId);
	const goals = plan.fields.flatMap((f) => f.goals);
	return {
		id: planId,
		title: plan.meta.title,
		municipality: plan.meta.municipality,
		status: plan.meta.status,
		counts: {
			principles: plan.principles.length,
			fields: plan.fields.length,
			goals: goals.length,
			measures: goals.reduce((n, g) => n + g.measures.length, 0)
		}
	};
}

/**
 * Restoring a version: make the live document read like `target` (a PlanJson, e.g. read from a
 * snapshot) in ONE transaction, so every connected client receives it as one live update and
 * nothing of the history is lost (the restore is an ordinary edit on top of the document).
 *
 * - Items keep their ids: an item that still exists is updated in place (its Y.Map and Y.Texts
 *   stay), texts are written by minimal diff, so someone typing elsewhere in the same text at the
 *   same moment keeps their typing. Parent and order are written only where they differ.
 * - Items the target does not have are deleted (one by one, never by cascade, because a child
 *   may live on under another parent in the target); items only the target has are created with
 *   their old id and order key.
 * - Plan meta (title, municipality, status, Förderhinweis) is set where it differs.
 * - Entries that are not items at all (junk, see data-model.md) are left alone.
 */
import * as Y from 'yjs';
import { itemMap, itemsMap, metaMap } from '../domain/read';
import { applyTextDiff } from '../domain/text';
import { TR_KEY } from '../domain/translations';
import { SCALAR_FIELDS } from '../domain/schema';
import { TEXT_FIELDS, type Item, type PlanJson } from '../domain/types';
import { isItemType } from '../domain/schema';

export interface RestoreStats {
	created: string[];
	updated: string[];
	deleted: string[];
}

/** All items of a PlanJson, parents before children. */
export function planItems(plan: PlanJson): Item[] {
	const out: Item[] = [...plan.principles];
	for (const { goals, ...field } of plan.fields) {
		out.push(field);
		for (const { measures, ...goal } of goals) {
			out.push(goal);
			out.push(...measures);
		}
	}
	return out;
}

function setIfDifferent(m: Y.Map<unknown>, key: string, value: unknown): boolean {
	if (m.get(key) === value) return false;
	m.set(key, value);
	return true;
}

/** Writes the item's content into its Y.Map; true if anything changed. */
function writeItem(m: Y.Map<unknown>, item: Item): boolean {
	let changed = false;
	const record = item as unknown as Record<string, unknown>;
	changed = setIfDifferent(m, 'type', item.type) || changed;
	changed = setIfDifferent(m, 'parentId', item.parentId) || changed;
	changed = setIfDifferent(m, 'order', item.order) || changed;
	for (const field of TEXT_FIELDS[item.type]) {
		const next = String(record[field] ?? '');
		const current = m.get(field);
		if (current instanceof Y.Text) {
			if (current.toString() !== next) {
				applyTextDiff(current, next);
				changed = true;
			}
		} else {
			m.set(field, new Y.Text(next));
			changed = true;
		}
	}
	for (const field of SCALAR_FIELDS[item.type]) {
		changed = setIfDifferent(m, field, String(record[field] ?? '')) || changed;
	}
	if (item.type === 'goal') {
		let links = m.get('principleIds');
		if (!(links instanceof Y.Map)) {
			links = new Y.Map<true>();
			m.set('principleIds', links);
			changed = true;
		}
		const set = links as Y.Map<true>;
		const wanted = new Set(item.principleIds);
		for (const id of [...set.keys()]) {
			if (!wanted.has(id)) {
				set.delete(id);
				changed = true;
			}
		}
		for (const id of wanted) {
			if (set.get(id) !== true) {
				set.set(id, true);
				changed = true;
			}
		}
	}
	return changed;
}

/**
 * Makes `doc` read like `target` (readPlan(doc) deep-equals target apart from `id`, `createdAt`
 * and `schemaVersion`). One transaction with `origin`.
 */
export function restorePlan(doc: Y.Doc, target: PlanJson, origin?: unknown): RestoreStats {
	const stats: RestoreStats = { created: [], updated: [], deleted: [] };
	const items = itemsMap(doc);
	const wanted = planItems(target);
	const wantedIds = new Set(wanted.map((i) => i.id));
	doc.transact(() => {
		for (const id of [...items.keys()]) {
			const raw = items.get(id);
			if (wantedIds.has(id)) continue;
			if (!(raw instanceof Y.Map) || !isItemType(raw.get('type'))) continue; // junk: left
			items.delete(id);
			stats.deleted.push(id);
		}
		const now = new Date().toISOString();
		for (const item of wanted) {
			const existing = itemMap(items, item.id);
			if (existing && existing.get('type') === item.type) {
				if (writeItem(existing, item)) stats.updated.push(item.id);
				continue;
			}
			const m = new Y.Map<unknown>();
			items.set(item.id, m);
			m.set('createdAt', now);
			m.set(TR_KEY, new Y.Map<unknown>());
			writeItem(m, item);
			stats.created.push(item.id);
		}
		const meta = metaMap(doc);
		for (const key of ['title', 'municipality', 'status', 'fundingNotice'] as const) {
			const value = target.meta[key] ?? '';
			if ((meta.get(key) ?? '') !== value) meta.set(key, value);
		}
	}, origin);
	return stats;
}

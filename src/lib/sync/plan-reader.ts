/**
 * Incremental version of the domain's readPlan() for the board. readPlan parses every item on
 * every call; with 2,000 measures that is too slow to run on each keystroke. This reader
 * re-parses only the items a transaction touched (via observeDeep) and rebuilds the tree with
 * structural sharing: unchanged items, goals and fields keep their object identity, so keyed
 * Svelte lists skip them. The result equals readPlan(doc, planId) (see plan-reader.test.ts).
 */
import * as Y from 'yjs';
import { compareOrder, readMeta, type Item, type PlanJson } from '$lib/domain';
import { itemsMap, metaMap, parseItem } from '$lib/domain/read';

type FieldNode = PlanJson['fields'][number];
type GoalNode = FieldNode['goals'][number];

function sameArray<T>(a: readonly T[] | undefined, b: readonly T[]): boolean {
	if (!a || a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
	return true;
}

export class PlanReader {
	readonly #doc: Y.Doc;
	readonly #planId: string;
	readonly #items: Y.Map<unknown>;
	/** Parsed items by id (null = entry exists but is not a readable item). */
	#cache = new Map<string, Item | null>();
	#dirty = new Set<string>();
	#all = true;
	#metaDirty = true;
	#meta: PlanJson['meta'] | null = null;
	#goalNodes = new Map<string, GoalNode>();
	#fieldNodes = new Map<string, FieldNode>();
	#last: PlanJson | null = null;

	constructor(doc: Y.Doc, planId: string) {
		this.#doc = doc;
		this.#planId = planId;
		this.#items = itemsMap(doc);
		this.#items.observeDeep(this.#onItems);
		metaMap(doc).observe(this.#onMeta);
	}

	#onMeta = () => {
		this.#metaDirty = true;
	};

	#onItems = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
		if (this.#all) return;
		for (const event of events) {
			if (event.target === this.#items) {
				for (const key of event.changes.keys.keys()) {
					this.#dirty.add(key);
					// a Leitlinie appeared or vanished: goals read their links against existing ones
					const type = (this.#cache.get(key) ?? parseItem(this.#items, key))?.type;
					if (type === 'principle' || type === undefined) this.#all = true;
				}
			} else {
				const top = event.path[0];
				if (typeof top === 'string') this.#dirty.add(top);
				else this.#all = true;
			}
		}
	};

	/** Mark everything for re-reading (e.g. after a migration rewrote the document). */
	invalidate() {
		this.#all = true;
		this.#metaDirty = true;
	}

	read(): PlanJson {
		const items = this.#items;
		let changed = false;
		if (this.#all) {
			this.#cache.clear();
			items.forEach((_raw, id) => this.#cache.set(id, parseItem(items, id)));
			this.#all = false;
			this.#dirty.clear();
			changed = true;
		} else if (this.#dirty.size) {
			for (const id of this.#dirty) {
				const prev = this.#cache.get(id);
				if (!items.has(id)) this.#cache.delete(id);
				else {
					const next = parseItem(items, id);
					this.#cache.set(id, next && prev && shallowEqualItem(prev, next) ? prev : next);
				}
			}
			this.#dirty.clear();
			changed = true;
		}
		if (this.#metaDirty) {
			const meta = readMeta(this.#doc);
			if (!this.#meta || JSON.stringify(meta) !== JSON.stringify(this.#meta)) this.#meta = meta;
			this.#metaDirty = false;
			changed = true;
		}
		if (!changed && this.#last) return this.#last;
		return (this.#last = this.#build());
	}

	#build(): PlanJson {
		const children = new Map<string, Item[]>();
		for (const item of this.#cache.values()) {
			if (!item) continue;
			const key = `${item.type}:${item.parentId ?? ''}`;
			const list = children.get(key);
			if (list) list.push(item);
			else children.set(key, [item]);
		}
		for (const list of children.values()) list.sort(compareOrder);
		const get = <T>(type: string, parentId: string | null) =>
			(children.get(`${type}:${parentId ?? ''}`) ?? []) as T[];

		const last = this.#last;
		const goalNodes = new Map<string, GoalNode>();
		const fieldNodes = new Map<string, FieldNode>();
		const fields = get<Extract<Item, { type: 'field' }>>('field', null).map((field) => {
			const goals = get<Extract<Item, { type: 'goal' }>>('goal', field.id).map((goal) => {
				const measures = get<Extract<Item, { type: 'measure' }>>('measure', goal.id);
				const prev = this.#goalNodes.get(goal.id);
				const node =
					prev && sameBase(prev, goal) && sameArray(prev.measures, measures)
						? prev
						: {
								...goal,
								measures: sameArray(prev?.measures, measures) ? prev!.measures : measures
							};
				goalNodes.set(goal.id, node);
				return node;
			});
			const prev = this.#fieldNodes.get(field.id);
			const node =
				prev && sameBase(prev, field) && sameArray(prev.goals, goals)
					? prev
					: { ...field, goals: sameArray(prev?.goals, goals) ? prev!.goals : goals };
			fieldNodes.set(field.id, node);
			return node;
		});
		this.#goalNodes = goalNodes;
		this.#fieldNodes = fieldNodes;
		const principles = get<Extract<Item, { type: 'principle' }>>('principle', null);
		const meta = this.#meta!;
		const next: PlanJson = {
			id: this.#planId,
			schemaVersion: meta.schemaVersion,
			meta,
			principles: last && sameArray(last.principles, principles) ? last.principles : principles,
			fields: last && sameArray(last.fields, fields) ? last.fields : fields
		};
		if (
			last &&
			last.meta === next.meta &&
			last.principles === next.principles &&
			last.fields === next.fields
		) {
			return last;
		}
		return next;
	}

	destroy() {
		this.#items.unobserveDeep(this.#onItems);
		metaMap(this.#doc).unobserve(this.#onMeta);
	}
}

/** Are all own (non-child) properties of the node equal to the item's? */
function sameBase(node: object, item: object): boolean {
	const n = node as Record<string, unknown>;
	for (const [k, v] of Object.entries(item)) {
		if (n[k] !== v && !(Array.isArray(v) && Array.isArray(n[k]) && sameArray(n[k] as [], v))) {
			return false;
		}
	}
	return true;
}

function shallowEqualItem(a: Item, b: Item): boolean {
	const ra = a as unknown as Record<string, unknown>;
	const rb = b as unknown as Record<string, unknown>;
	const keys = Object.keys(rb);
	if (keys.length !== Object.keys(ra).length) return false;
	for (const k of keys) {
		const x = ra[k];
		const y = rb[k];
		if (x === y) continue;
		if (Array.isArray(x) && Array.isArray(y) && sameArray(x, y)) continue;
		return false;
	}
	return true;
}

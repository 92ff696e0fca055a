/**
 * Compares two states of a plan item by item (pure, runs in browser and Node). Items are matched
 * by id (restores keep ids). For each item: added, removed, moved (another parent, or a new place
 * among its siblings), changed scalars, changed Leitlinien links and changed texts as a word
 * redline. Inserting one item does not make its siblings "moved": only items outside the longest
 * common subsequence of the sibling order count as reordered.
 */
import { diffWordsWithSpace } from 'diff';
import { SCALAR_FIELDS } from '../domain/schema';
import { TEXT_FIELDS, type Item, type PlanJson } from '../domain/types';
import type { FieldChange, ItemDiff, MoveInfo, PlanDiff, TextSegment } from './types';

interface Flat {
	item: Item;
	parentId: string | null;
	/** type:parentId – the sibling group */
	group: string;
	index: number;
	number: string;
	section: string;
}

/** Items in board order (pre-order) with their numbers (1.n Leitlinien, 2… Handlungsfelder). */
export function flattenPlan(plan: PlanJson): Map<string, Flat> {
	const out = new Map<string, Flat>();
	plan.principles.forEach((p, i) =>
		out.set(p.id, {
			item: p,
			parentId: null,
			group: 'principle:',
			index: i,
			number: `1.${i + 1}`,
			section: 'Leitlinien'
		})
	);
	plan.fields.forEach((f, fi) => {
		const fNumber = String(fi + 2);
		const { goals, ...field } = f;
		const section = f.title || 'Handlungsfeld ohne Titel';
		out.set(f.id, {
			item: field,
			parentId: null,
			group: 'field:',
			index: fi,
			number: fNumber,
			section
		});
		goals.forEach((g, gi) => {
			const gNumber = `${fNumber}.${gi + 1}`;
			const { measures, ...goal } = g;
			out.set(g.id, {
				item: goal,
				parentId: f.id,
				group: `goal:${f.id}`,
				index: gi,
				number: gNumber,
				section
			});
			measures.forEach((m, mi) =>
				out.set(m.id, {
					item: m,
					parentId: g.id,
					group: `measure:${g.id}`,
					index: mi,
					number: `${gNumber}.${mi + 1}`,
					section
				})
			);
		});
	});
	return out;
}

/**
 * Limits of the word diff (its cost grows with text length × number of edits: two different
 * 16,000-character texts took seconds): beyond them a text is shown as one deletion of the old
 * and one insertion of the new text — coarser, but still a correct redline.
 */
export const REDLINE_LIMITS = {
	/** Per text: edits (inserted + removed words and spaces) the word diff may look for. */
	maxEditLength: 2000,
	/** Per text: milliseconds the word diff may take. */
	timeoutMs: 100,
	/** Per comparison (diffPlans): milliseconds all word diffs together may take. */
	budgetMs: 400
};

export interface RedlineOptions {
	maxEditLength?: number;
	timeoutMs?: number;
}

/**
 * Word redline from `from` to `to`; joining equal+delete gives `from`, equal+insert gives `to`.
 * Neighbouring changes separated only by spaces are shown as one deletion followed by one
 * insertion ("im Rathaus" → "in der Bücherei", not word by word interleaved). Beyond the
 * limits (REDLINE_LIMITS, or `options`) the whole text is one deletion and one insertion.
 */
export function redline(from: string, to: string, options: RedlineOptions = {}): TextSegment[] {
	const timeout = options.timeoutMs ?? REDLINE_LIMITS.timeoutMs;
	const words =
		timeout > 0
			? diffWordsWithSpace(from, to, {
					maxEditLength: options.maxEditLength ?? REDLINE_LIMITS.maxEditLength,
					timeout
				})
			: undefined; // no time left: do not even start
	if (!words) return wholeText(from, to);
	const parts: TextSegment[] = words.map((part) => ({
		type: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
		text: part.value
	}));
	const out: TextSegment[] = [];
	let i = 0;
	while (i < parts.length) {
		if (parts[i].type === 'equal') {
			out.push(parts[i++]);
			continue;
		}
		// A block of changes, with whitespace-only equal parts inside it.
		let del = '';
		let ins = '';
		let end = i;
		let j = i;
		while (j < parts.length) {
			const part = parts[j];
			if (part.type === 'equal') {
				const next = parts[j + 1];
				if (!/^\s+$/.test(part.text) || !next || next.type === 'equal') break;
			}
			j++;
			end = j;
		}
		for (const part of parts.slice(i, end)) {
			if (part.type !== 'insert') del += part.text;
			if (part.type !== 'delete') ins += part.text;
		}
		if (del) out.push({ type: 'delete', text: del });
		if (ins) out.push({ type: 'insert', text: ins });
		i = end;
	}
	const merged: TextSegment[] = [];
	for (const segment of out) {
		const last = merged[merged.length - 1];
		if (last && last.type === segment.type) last.text += segment.text;
		else merged.push({ ...segment });
	}
	return merged;
}

/** Indexes (into `seq`) of one longest strictly increasing subsequence. O(n log n). */
export function longestIncreasing(seq: number[]): Set<number> {
	const tails: number[] = []; // index into seq of the smallest tail of each length
	const prev: number[] = new Array(seq.length).fill(-1);
	for (let i = 0; i < seq.length; i++) {
		let lo = 0;
		let hi = tails.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (seq[tails[mid]] < seq[i]) lo = mid + 1;
			else hi = mid;
		}
		if (lo > 0) prev[i] = tails[lo - 1];
		tails[lo] = i;
	}
	const keep = new Set<number>();
	let k = tails.length > 0 ? tails[tails.length - 1] : -1;
	while (k >= 0) {
		keep.add(k);
		k = prev[k];
	}
	return keep;
}

/** Ids of items that kept their group but changed their relative order among the kept ones. */
function reorderedIds(a: Map<string, Flat>, b: Map<string, Flat>): Set<string> {
	const groups = new Map<string, Array<{ id: string; aIndex: number; bIndex: number }>>();
	for (const [id, fb] of b) {
		const fa = a.get(id);
		if (!fa || fa.group !== fb.group) continue;
		const list = groups.get(fb.group) ?? [];
		list.push({ id, aIndex: fa.index, bIndex: fb.index });
		groups.set(fb.group, list);
	}
	const out = new Set<string>();
	for (const list of groups.values()) {
		list.sort((x, y) => x.bIndex - y.bIndex);
		const keep = longestIncreasing(list.map((e) => e.aIndex));
		list.forEach((e, i) => {
			if (!keep.has(i)) out.add(e.id);
		});
	}
	return out;
}

/** The fallback redline: the old text deleted, the new one inserted. */
function wholeText(from: string, to: string): TextSegment[] {
	if (from === to) return from ? [{ type: 'equal', text: from }] : [];
	const out: TextSegment[] = [];
	if (from) out.push({ type: 'delete', text: from });
	if (to) out.push({ type: 'insert', text: to });
	return out;
}

function fieldChanges(a: Item, b: Item, deadline: number): FieldChange[] {
	const changes: FieldChange[] = [];
	const ra = a as unknown as Record<string, unknown>;
	const rb = b as unknown as Record<string, unknown>;
	for (const field of TEXT_FIELDS[b.type]) {
		const from = String(ra[field] ?? '');
		const to = String(rb[field] ?? '');
		if (from === to) continue;
		const timeoutMs = Math.min(REDLINE_LIMITS.timeoutMs, deadline - Date.now());
		changes.push({ field, kind: 'text', from, to, segments: redline(from, to, { timeoutMs }) });
	}
	for (const field of SCALAR_FIELDS[b.type]) {
		const from = String(ra[field] ?? '');
		const to = String(rb[field] ?? '');
		if (from !== to) changes.push({ field, kind: 'scalar', from, to });
	}
	if (a.type === 'goal' && b.type === 'goal') {
		const before = new Set(a.principleIds);
		const after = new Set(b.principleIds);
		const added = [...after].filter((id) => !before.has(id));
		const removed = [...before].filter((id) => !after.has(id));
		if (added.length || removed.length) {
			changes.push({ field: 'principleIds', kind: 'links', added, removed });
		}
	}
	return changes;
}

const META_FIELDS = ['title', 'municipality', 'status', 'fundingNotice'] as const;

/**
 * Differences from `a` (older) to `b` (newer). The word diffs of all texts together take at most
 * about `budgetMs`; texts after that are shown as whole-text replacements.
 */
export function diffPlans(a: PlanJson, b: PlanJson, options: { budgetMs?: number } = {}): PlanDiff {
	const deadline = Date.now() + (options.budgetMs ?? REDLINE_LIMITS.budgetMs);
	const fa = flattenPlan(a);
	const fb = flattenPlan(b);
	const reordered = reorderedIds(fa, fb);
	const parentRef = (flat: Map<string, Flat>, id: string | null) =>
		id === null ? null : { id, title: flat.get(id)?.item.title ?? '' };
	const items: ItemDiff[] = [];
	const summary = { added: 0, removed: 0, moved: 0, changed: 0 };
	for (const [id, nb] of fb) {
		const ref = {
			id,
			type: nb.item.type,
			title: nb.item.title,
			number: nb.number,
			section: nb.section
		};
		const na = fa.get(id);
		if (!na) {
			items.push({ ...ref, status: 'added' });
			summary.added++;
			continue;
		}
		const parentChanged = na.parentId !== nb.parentId;
		const moved: MoveInfo | null =
			parentChanged || reordered.has(id)
				? {
						parentChanged,
						fromParent: parentRef(fa, na.parentId),
						toParent: parentRef(fb, nb.parentId),
						reordered: !parentChanged,
						fromNumber: na.number,
						toNumber: nb.number
					}
				: null;
		const changes = fieldChanges(na.item, nb.item, deadline);
		if (!moved && changes.length === 0) continue;
		items.push({ ...ref, status: 'changed', moved, changes });
		if (moved) summary.moved++;
		if (changes.length > 0) summary.changed++;
	}
	for (const [id, na] of fa) {
		if (fb.has(id)) continue;
		items.push({
			id,
			type: na.item.type,
			title: na.item.title,
			number: na.number,
			section: na.section,
			status: 'removed'
		});
		summary.removed++;
	}
	const meta = META_FIELDS.filter((f) => (a.meta[f] ?? '') !== (b.meta[f] ?? '')).map((field) => ({
		field,
		from: String(a.meta[field] ?? ''),
		to: String(b.meta[field] ?? '')
	}));
	const principleTitles: Record<string, string> = {};
	for (const p of [...a.principles, ...b.principles]) principleTitles[p.id] = p.title;
	return { meta, items, summary, principleTitles };
}

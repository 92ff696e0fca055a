import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildExamplePlan,
	createItem,
	deleteItem,
	moveItem,
	readPlan,
	setMeta,
	setPrincipleLink,
	updateItem
} from '../domain/index';
import { forkDoc, must } from '../domain/testing';
import { diffPlans, longestIncreasing, redline } from './diff';
import type { ItemDiff } from './types';

function examplePair() {
	const a = new Y.Doc();
	must(buildExamplePlan(a));
	const b = forkDoc(a);
	return { a, b, plan: readPlan(a, 'p') };
}

const changed = (items: ItemDiff[], id: string) => {
	const found = items.find((i) => i.id === id);
	if (!found || found.status !== 'changed') throw new Error(`no change for ${id}`);
	return found;
};

describe('redline', () => {
	it('marks deleted and inserted words and reproduces both texts exactly', () => {
		const from = 'Der Hund  bellt laut.\nZweite Zeile';
		const to = 'Der Kater bellt laut heute.\nZweite Zeile';
		const segments = redline(from, to);
		expect(
			segments
				.filter((s) => s.type !== 'insert')
				.map((s) => s.text)
				.join('')
		).toBe(from);
		expect(
			segments
				.filter((s) => s.type !== 'delete')
				.map((s) => s.text)
				.join('')
		).toBe(to);
		expect(segments.find((s) => s.type === 'delete')?.text).toContain('Hund');
		expect(segments.find((s) => s.type === 'insert')?.text).toContain('Kater');
		expect(segments[0]).toEqual({ type: 'equal', text: 'Der ' });
	});

	it('shows neighbouring word changes as one deletion and one insertion', () => {
		expect(
			redline('Treffen jeden Montag im Rathaus', 'Treffen jeden Dienstag in der Bücherei')
		).toEqual([
			{ type: 'equal', text: 'Treffen jeden ' },
			{ type: 'delete', text: 'Montag im Rathaus' },
			{ type: 'insert', text: 'Dienstag in der Bücherei' }
		]);
		const segments = redline('a b c d e', 'a X c Y e');
		expect(
			segments
				.filter((s) => s.type !== 'insert')
				.map((s) => s.text)
				.join('')
		).toBe('a b c d e');
		expect(
			segments
				.filter((s) => s.type !== 'delete')
				.map((s) => s.text)
				.join('')
		).toBe('a X c Y e');
		expect(segments.filter((s) => s.type === 'equal').map((s) => s.text)).toEqual([
			'a ',
			' c ',
			' e'
		]);
	});

	it('is all equal for the same text, and one insert from empty', () => {
		expect(redline('gleich', 'gleich')).toEqual([{ type: 'equal', text: 'gleich' }]);
		expect(redline('', 'neu')).toEqual([{ type: 'insert', text: 'neu' }]);
	});

	const words = (prefix: string, n: number, separator = ' ') =>
		Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(separator);
	const sides = (segments: ReturnType<typeof redline>) => ({
		from: segments
			.filter((s) => s.type !== 'insert')
			.map((s) => s.text)
			.join(''),
		to: segments
			.filter((s) => s.type !== 'delete')
			.map((s) => s.text)
			.join('')
	});

	it('replaces two large different texts as a whole instead of searching for seconds', () => {
		// about 16,000 characters each; every other word is the same ("und")
		const from = words('Alt', 1500, ' und ');
		const to = words('Neu', 1500, ' und ');
		expect(from.length).toBeGreaterThan(15_000);
		expect(redline(from, to)).toEqual([
			{ type: 'delete', text: from },
			{ type: 'insert', text: to }
		]);
		// the same fallback when the caller's limit is exceeded
		expect(redline('a b c', 'x y z', { maxEditLength: 1 })).toEqual([
			{ type: 'delete', text: 'a b c' },
			{ type: 'insert', text: 'x y z' }
		]);
	});

	it('still finds one changed word in a large text', () => {
		const from = words('Wort', 2000);
		const to = from.replace('Wort1000 ', 'Satz1000 ');
		const segments = redline(from, to);
		expect(sides(segments)).toEqual({ from, to });
		expect(segments.filter((s) => s.type !== 'equal')).toEqual([
			{ type: 'delete', text: 'Wort1000' },
			{ type: 'insert', text: 'Satz1000' }
		]);
	});
});

describe('diffPlans time budget', () => {
	it('shows texts as whole replacements once the budget is spent, still correct', () => {
		const { a, b, plan } = examplePair();
		const measure = plan.fields[0].goals[0].measures[0];
		must(updateItem(a, measure.id, { description: 'Treffen jeden Montag im Rathaus' }));
		must(updateItem(b, measure.id, { description: 'Treffen jeden Dienstag im Rathaus' }));
		const [before, after] = [readPlan(a, 'p'), readPlan(b, 'p')];
		const fine = changed(diffPlans(before, after).items, measure.id).changes;
		const spent = changed(diffPlans(before, after, { budgetMs: 0 }).items, measure.id).changes;
		expect(fine).toHaveLength(1);
		expect(spent).toHaveLength(1);
		const [f, s] = [fine[0], spent[0]];
		if (f.kind !== 'text' || s.kind !== 'text') throw new Error('text change expected');
		expect(s.segments).toEqual([
			{ type: 'delete', text: 'Treffen jeden Montag im Rathaus' },
			{ type: 'insert', text: 'Treffen jeden Dienstag im Rathaus' }
		]);
		expect(f.segments).toEqual([
			{ type: 'equal', text: 'Treffen jeden ' },
			{ type: 'delete', text: 'Montag' },
			{ type: 'insert', text: 'Dienstag' },
			{ type: 'equal', text: ' im Rathaus' }
		]);
	});
});

describe('longestIncreasing', () => {
	it('keeps the longest increasing run', () => {
		expect([...longestIncreasing([0, 1, 2, 3])].sort()).toEqual([0, 1, 2, 3]);
		// [0, 3, 1, 2]: the item with a-index 3 jumped forward; 0, 1, 2 stay in order
		expect([...longestIncreasing([0, 3, 1, 2])].sort()).toEqual([0, 2, 3]);
		expect(longestIncreasing([]).size).toBe(0);
	});
});

describe('diffPlans', () => {
	it('reports nothing for the same plan', () => {
		const { plan } = examplePair();
		const diff = diffPlans(plan, plan);
		expect(diff.items).toEqual([]);
		expect(diff.meta).toEqual([]);
		expect(Object.keys(diff.principleTitles)).toHaveLength(plan.principles.length);
		expect(diff.summary).toEqual({ added: 0, removed: 0, moved: 0, changed: 0 });
	});

	it('finds added and removed items (removing a goal removes its measures)', () => {
		const { b, plan } = examplePair();
		const goal = plan.fields[0].goals[0];
		const newId = must(
			createItem(b, {
				type: 'measure',
				parentId: plan.fields[1].goals[0].id,
				values: { title: 'Neu' }
			})
		);
		must(deleteItem(b, goal.id));
		const diff = diffPlans(plan, readPlan(b, 'p'));
		expect(diff.items.find((i) => i.id === newId)).toMatchObject({ status: 'added', title: 'Neu' });
		const removed = diff.items.filter((i) => i.status === 'removed').map((i) => i.id);
		expect(removed.sort()).toEqual([goal.id, ...goal.measures.map((m) => m.id)].sort());
		expect(diff.summary.added).toBe(1);
		expect(diff.summary.removed).toBe(1 + goal.measures.length);
	});

	it('does not report siblings as moved when one item is inserted before them', () => {
		const { b, plan } = examplePair();
		must(createItem(b, { type: 'field', afterId: null, values: { title: 'Ganz vorn' } }));
		const diff = diffPlans(plan, readPlan(b, 'p'));
		expect(diff.summary).toEqual({ added: 1, removed: 0, moved: 0, changed: 0 });
	});

	it('reports exactly the reordered item and a parent change as moves', () => {
		const { b, plan } = examplePair();
		const fields = plan.fields;
		// last field to the front: only that one is "moved", not the four it jumped over
		must(moveItem(b, fields[fields.length - 1].id, { index: 0 }));
		const measure = fields[0].goals[0].measures[0];
		const target = fields[1].goals[0];
		must(moveItem(b, measure.id, { parentId: target.id, index: 0 }));
		const diff = diffPlans(plan, readPlan(b, 'p'));
		const moved = diff.items.filter((i) => i.status === 'changed' && i.moved);
		expect(moved.map((i) => i.id).sort()).toEqual(
			[fields[fields.length - 1].id, measure.id].sort()
		);
		const m = changed(diff.items, measure.id);
		expect(m.moved).toMatchObject({
			parentChanged: true,
			fromParent: { id: fields[0].goals[0].id },
			toParent: { id: target.id }
		});
		expect(changed(diff.items, fields[fields.length - 1].id).moved).toMatchObject({
			parentChanged: false,
			reordered: true,
			toNumber: '2'
		});
		expect(diff.summary.moved).toBe(2);
		expect(diff.summary.changed).toBe(0);
	});

	it('lists changed scalars, principle links, meta and texts as a redline', () => {
		const { b, plan } = examplePair();
		const measure = plan.fields[0].goals[0].measures[0];
		const goal = plan.fields[0].goals[0];
		const newStatus = measure.status === 'geplant' ? 'umgesetzt' : 'geplant';
		must(
			updateItem(b, measure.id, {
				status: newStatus,
				title: measure.title + ' mit Stadtplan'
			})
		);
		const unlinked = goal.principleIds[0];
		const linked = plan.principles.find((p) => !goal.principleIds.includes(p.id))!.id;
		if (unlinked) must(setPrincipleLink(b, goal.id, unlinked, false));
		must(setPrincipleLink(b, goal.id, linked, true));
		must(setMeta(b, { title: 'Ratsfassung' }));
		const diff = diffPlans(plan, readPlan(b, 'p'));
		const m = changed(diff.items, measure.id);
		expect(m.moved).toBeNull();
		expect(m.changes).toContainEqual({
			field: 'status',
			kind: 'scalar',
			from: measure.status,
			to: newStatus
		});
		const title = m.changes.find((c) => c.field === 'title');
		expect(title?.kind).toBe('text');
		if (title?.kind === 'text') {
			expect(
				title.segments
					.filter((s) => s.type === 'insert')
					.map((s) => s.text)
					.join('')
			).toBe(' mit Stadtplan');
			expect(title.segments.some((s) => s.type === 'delete')).toBe(false);
		}
		expect(changed(diff.items, goal.id).changes).toEqual([
			{ field: 'principleIds', kind: 'links', added: [linked], removed: unlinked ? [unlinked] : [] }
		]);
		expect(diff.meta).toEqual([{ field: 'title', from: plan.meta.title, to: 'Ratsfassung' }]);
		expect(diff.summary.changed).toBe(2);
	});
});

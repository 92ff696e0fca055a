import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildExamplePlan,
	createItem,
	deleteItem,
	getText,
	moveItem,
	readPlan,
	setPrincipleLink,
	updateItem
} from '../../src/lib/domain/index';
import { must } from '../../src/lib/domain/testing';
import { touchedItems, type Touched } from './attribution';

/** Runs `fn` on a fork of the example plan and returns what its transactions touched. */
function touchedBy(fn: (doc: Y.Doc, plan: ReturnType<typeof readPlan>) => void): Touched[] {
	const doc = new Y.Doc();
	must(buildExamplePlan(doc));
	const plan = readPlan(doc, 'p');
	const seen: Touched[] = [];
	doc.on('afterTransaction', (tr: Y.Transaction) =>
		seen.push(...touchedItems(tr, doc.getMap('items')))
	);
	fn(doc, plan);
	return seen;
}

describe('touchedItems', () => {
	it('names the item and text field someone typed into', () => {
		let id = '';
		const seen = touchedBy((doc, plan) => {
			id = plan.fields[0].goals[0].measures[0].id;
			getText(doc, id, 'description')!.insert(0, 'x');
		});
		expect(seen).toEqual([
			{ itemId: id, itemType: 'measure', kind: 'changed', fields: ['description'] }
		]);
	});

	it('names scalars, principle links and moves (as position)', () => {
		let measure = '';
		let goal = '';
		const seen = touchedBy((doc, plan) => {
			measure = plan.fields[0].goals[0].measures[0].id;
			goal = plan.fields[0].goals[0].id;
			doc.transact(() => {
				must(updateItem(doc, measure, { status: 'umgesetzt', lead: 'Amt 50' }));
				must(moveItem(doc, measure, { parentId: plan.fields[1].goals[0].id, index: 0 }));
				const free = plan.principles.find(
					(p) => !plan.fields[0].goals[0].principleIds.includes(p.id)
				)!;
				must(setPrincipleLink(doc, goal, free.id, true));
			});
		});
		expect(seen).toHaveLength(2);
		const m = seen.find((t) => t.itemId === measure)!;
		expect(m.kind).toBe('changed');
		expect(m.fields.sort()).toEqual(['lead', 'position', 'status']);
		expect(seen.find((t) => t.itemId === goal)).toEqual({
			itemId: goal,
			itemType: 'goal',
			kind: 'changed',
			fields: ['principleIds']
		});
	});

	it('reports created and deleted items without their fields', () => {
		let created = '';
		let deleted: string[] = [];
		const seen = touchedBy((doc, plan) => {
			created = must(createItem(doc, { type: 'principle', values: { title: 'Neu' } }));
			const goal = plan.fields[0].goals[0];
			deleted = [goal.id, ...goal.measures.map((m) => m.id)];
			must(deleteItem(doc, goal.id));
		});
		expect(seen[0]).toEqual({
			itemId: created,
			itemType: 'principle',
			kind: 'created',
			fields: []
		});
		expect(seen.slice(1).map((t) => t.kind)).toEqual(deleted.map(() => 'deleted'));
		expect(
			seen
				.slice(1)
				.map((t) => t.itemId)
				.sort()
		).toEqual(deleted.sort());
	});

	it('sees the same on a peer that applies the update', () => {
		const a = new Y.Doc();
		must(buildExamplePlan(a));
		const b = new Y.Doc();
		Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
		const id = readPlan(a, 'p').principles[0].id;
		const seen: Touched[] = [];
		b.on('afterTransaction', (tr: Y.Transaction) =>
			seen.push(...touchedItems(tr, b.getMap('items')))
		);
		a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'peer'));
		must(updateItem(a, id, { rationale: 'Weil.' }));
		expect(seen).toEqual([
			{ itemId: id, itemType: 'principle', kind: 'changed', fields: ['rationale'] }
		]);
	});
});

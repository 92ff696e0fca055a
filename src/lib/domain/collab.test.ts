/**
 * Two peers editing concurrently, synced by exchanging Yjs updates. Each test would fail with a
 * naive layout (nested arrays, whole-text replacement, order without tie-break).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	childrenOf,
	createItem,
	deleteItem,
	getText,
	moveItem,
	readItem,
	setPrincipleLink,
	updateItem
} from './plan';
import { readPlan } from './plan-json';
import { forkDoc, syncDocs, must } from './testing';

function setup(measures = 1) {
	const a = new Y.Doc();
	const field = must(createItem(a, { type: 'field', values: { title: 'Kinder und Familie' } }));
	const goal1 = must(createItem(a, { type: 'goal', parentId: field }));
	const goal2 = must(createItem(a, { type: 'goal', parentId: field }));
	const ids = Array.from({ length: measures }, (_, i) =>
		must(createItem(a, { type: 'measure', parentId: goal1, values: { title: `M${i}` } }))
	);
	return { a, b: forkDoc(a), field, goal1, goal2, ids };
}

const order = (doc: Y.Doc, parent: string) => childrenOf(doc, parent, 'measure').map((m) => m.id);

describe('concurrent editing', () => {
	it('keeps concurrent edits of different attributes of one item', () => {
		const { a, b, ids } = setup();
		must(updateItem(a, ids[0], { title: 'Familienzentrum', status: 'geplant' }));
		must(updateItem(b, ids[0], { lead: 'Sozialamt', priority: 'hoch', endDate: '2026-12-31' }));
		syncDocs(a, b);
		for (const doc of [a, b]) {
			expect(readItem(doc, ids[0])).toMatchObject({
				title: 'Familienzentrum',
				status: 'geplant',
				lead: 'Sozialamt',
				priority: 'hoch',
				endDate: '2026-12-31'
			});
		}
	});

	it('merges concurrent typing in one text', () => {
		const { a, b, ids } = setup();
		must(updateItem(a, ids[0], { description: 'Ein Treffpunkt für Familien.' }));
		syncDocs(a, b);
		getText(a, ids[0], 'description')!.insert(4, 'offener ');
		must(updateItem(b, ids[0], { description: 'Ein Treffpunkt für Familien. Mit Café.' }));
		syncDocs(a, b);
		const expected = 'Ein offener Treffpunkt für Familien. Mit Café.';
		expect(readItem(a, ids[0])).toMatchObject({ description: expected });
		expect(readItem(b, ids[0])).toMatchObject({ description: expected });
	});

	it('merges two concurrent whole-value updates of one text without duplicating it', () => {
		const { a, b, ids } = setup();
		must(updateItem(a, ids[0], { lead: 'Integrationsbeauftragte' }));
		syncDocs(a, b);
		must(updateItem(a, ids[0], { lead: 'Die Integrationsbeauftragte' }));
		must(updateItem(b, ids[0], { lead: 'Integrationsbeauftragte (Rathaus)' }));
		syncDocs(a, b);
		for (const doc of [a, b]) {
			expect(readItem(doc, ids[0])).toMatchObject({
				lead: 'Die Integrationsbeauftragte (Rathaus)'
			});
		}
	});

	it('keeps typing in a measure that is concurrently moved to another goal', () => {
		const { a, b, goal1, goal2, ids } = setup(3);
		must(moveItem(a, ids[1], { parentId: goal2, index: 0 }));
		getText(b, ids[1], 'description')!.insert(0, 'Rampen am Rathaus und an der Bücherei');
		syncDocs(a, b);
		for (const doc of [a, b]) {
			expect(order(doc, goal2)).toEqual([ids[1]]);
			expect(order(doc, goal1)).toEqual([ids[0], ids[2]]);
			expect(readItem(doc, ids[1])).toMatchObject({
				parentId: goal2,
				title: 'M1',
				description: 'Rampen am Rathaus und an der Bücherei'
			});
		}
	});

	it('converges after concurrent reorders: same order, no duplicates, nothing lost', () => {
		const { a, b, goal1, goal2, ids } = setup(6);
		must(moveItem(a, ids[0], { index: 5 }));
		must(moveItem(a, ids[3], { index: 0 }));
		must(moveItem(b, ids[5], { index: 0 }));
		must(moveItem(b, ids[0], { index: 2 }));
		must(moveItem(b, ids[4], { parentId: goal2, index: 0 }));
		syncDocs(a, b);
		const onA = [...order(a, goal1), ...order(a, goal2)];
		expect(onA).toEqual([...order(b, goal1), ...order(b, goal2)]);
		expect([...onA].sort()).toEqual([...ids].sort());
		// Further moves on the converged state keep working on both sides.
		must(moveItem(b, onA[0], { index: 3 }));
		syncDocs(a, b);
		expect(order(a, goal1)).toEqual(order(b, goal1));
	});

	it('converges after concurrent inserts at the same position, and can insert between them', () => {
		const { a, b, goal1, ids } = setup(2);
		const x = must(createItem(a, { type: 'measure', parentId: goal1, afterId: ids[0] }));
		const y = must(createItem(b, { type: 'measure', parentId: goal1, afterId: ids[0] }));
		syncDocs(a, b);
		const merged = order(a, goal1);
		expect(merged).toEqual(order(b, goal1));
		expect(merged).toHaveLength(4);
		expect(merged[0]).toBe(ids[0]);
		expect(merged[3]).toBe(ids[1]);
		expect(new Set(merged.slice(1, 3))).toEqual(new Set([x, y]));
		// Both got the same key; inserting between the twins needs a rebalance, not a throw.
		const z = must(createItem(a, { type: 'measure', parentId: goal1, afterId: merged[1] }));
		syncDocs(a, b);
		expect(order(b, goal1)).toEqual([ids[0], merged[1], z, merged[2], ids[1]]);
		expect(order(a, goal1)).toEqual(order(b, goal1));
	});

	it('merges concurrent links of different Leitlinien to one goal', () => {
		const { a, goal1 } = setup();
		const p1 = must(createItem(a, { type: 'principle' }));
		const p2 = must(createItem(a, { type: 'principle' }));
		const b = forkDoc(a);
		must(setPrincipleLink(a, goal1, p1, true));
		must(setPrincipleLink(b, goal1, p2, true));
		syncDocs(a, b);
		expect(readItem(a, goal1)).toMatchObject({ principleIds: [p1, p2].sort() });
		expect(readPlan(b, 'x')).toEqual(readPlan(a, 'x'));
	});

	it('shows an edit made concurrently to a deleted item nowhere', () => {
		const { a, b, goal1, ids } = setup(2);
		must(updateItem(b, ids[0], { title: 'noch bearbeitet' }));
		must(deleteItem(a, goal1));
		syncDocs(a, b);
		expect(readItem(a, ids[0])).toBeNull();
		expect(readItem(b, ids[0])).toBeNull();
		expect(readPlan(a, 'x')).toEqual(readPlan(b, 'x'));
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createItem, initPlan, updateItem } from '$lib/domain';
import { OfflineOverlap } from './offline-overlap';

const LOCAL = 'local';
const SERVER = 'server';

/** Anna (with the tracker) and Ben share a plan with one measure. */
function setup() {
	const anna = new Y.Doc();
	initPlan(anna, { title: 'Plan' });
	const field = createItem(anna, { type: 'field', values: { title: 'Wohnen' } });
	if (!field.ok) throw new Error(field.error.message);
	const goal = createItem(anna, { type: 'goal', parentId: field.value, values: { title: 'Z' } });
	if (!goal.ok) throw new Error(goal.error.message);
	const measure = createItem(anna, {
		type: 'measure',
		parentId: goal.value,
		values: { title: 'Wohnraumbörse' }
	});
	if (!measure.ok) throw new Error(measure.error.message);
	const ben = new Y.Doc();
	Y.applyUpdate(ben, Y.encodeStateAsUpdate(anna));
	const overlap = new OfflineOverlap(anna, LOCAL, (o) => o === SERVER);
	/** What Ben did reaches Anna (as the provider would apply it). */
	const deliver = () =>
		Y.applyUpdate(anna, Y.encodeStateAsUpdate(ben, Y.encodeStateVector(anna)), SERVER);
	return { anna, ben, overlap, id: measure.value, deliver };
}

describe('OfflineOverlap', () => {
	it('names the fields both changed while one was offline', () => {
		const { anna, ben, overlap, id, deliver } = setup();
		overlap.open();
		updateItem(anna, id, { title: 'Wohnraumbörse Nord', lead: 'Amt' }, LOCAL);
		updateItem(ben, id, {
			title: 'Wohnraumbörse Süd',
			status: 'geplant',
			contributors: 'VHS'
		});
		deliver();
		expect(overlap.close().sort((a, b) => a.field.localeCompare(b.field))).toEqual([
			{ itemId: id, field: 'title' }
		]);
		// (a scalar such as the status is noted only when the other side's value won; a lost
		// concurrent write never reaches this document as a change)
		// closed: nothing more is noted
		expect(overlap.close()).toEqual([]);
	});

	it('says nothing when only one side changed a field, or outside the offline window', () => {
		const { anna, ben, overlap, id, deliver } = setup();
		updateItem(anna, id, { title: 'Vorher' }, LOCAL);
		overlap.open();
		updateItem(ben, id, { title: 'Ben allein' });
		updateItem(anna, id, { lead: 'Anna allein' }, LOCAL);
		deliver();
		expect(overlap.close()).toEqual([]);
	});
});

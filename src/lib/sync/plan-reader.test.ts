import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildPlan,
	createItem,
	deleteItem,
	getText,
	moveItem,
	readPlan,
	setMeta,
	setPrincipleLink,
	updateItem
} from '$lib/domain';
import { PlanReader } from './plan-reader';

function setup() {
	const doc = new Y.Doc();
	const built = buildPlan(doc, { principles: 3, fields: 3, goalsPerField: 3, measuresPerGoal: 4 });
	const reader = new PlanReader(doc, 'p1');
	return { doc, built, reader };
}

describe('PlanReader', () => {
	it('reads the same as readPlan', () => {
		const { doc, reader } = setup();
		expect(reader.read()).toEqual(readPlan(doc, 'p1'));
	});

	it('stays equal to readPlan through edits, moves, deletes and remote updates', () => {
		const { doc, built, reader } = setup();
		const check = () => expect(reader.read()).toEqual(readPlan(doc, 'p1'));
		reader.read();
		getText(doc, built.measures[0]!, 'title')!.insert(0, 'Neu: ');
		check();
		updateItem(doc, built.measures[1]!, { status: 'umgesetzt', startDate: '2026-01-01' });
		check();
		moveItem(doc, built.measures[2]!, { parentId: built.goals[4]!, index: 0 });
		check();
		moveItem(doc, built.goals[0]!, { parentId: built.fields[2]!, index: 1 });
		check();
		setPrincipleLink(doc, built.goals[1]!, built.principles[2]!, true);
		check();
		deleteItem(doc, built.principles[0]!);
		check();
		deleteItem(doc, built.fields[1]!);
		check();
		const r = createItem(doc, {
			type: 'measure',
			parentId: built.goals[2]!,
			values: { title: 'X' }
		});
		expect(r.ok).toBe(true);
		check();
		setMeta(doc, { title: 'Umbenannt' });
		check();
		// a remote peer's update
		const other = new Y.Doc();
		Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
		getText(other, built.measures[5]!, 'lead')!.insert(0, 'Amt für Soziales');
		deleteItem(other, built.goals[2]!);
		Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
		check();
	});

	it('keeps object identity of untouched items and subtrees', () => {
		const { doc, built, reader } = setup();
		const before = reader.read();
		getText(doc, built.measures[0]!, 'title')!.insert(0, 'a');
		const after = reader.read();
		expect(after).not.toBe(before);
		expect(after.principles).toBe(before.principles);
		expect(after.fields[1]).toBe(before.fields[1]);
		expect(after.fields[0]!.goals[1]).toBe(before.fields[0]!.goals[1]);
		expect(after.fields[0]!.goals[0]!.measures[1]).toBe(before.fields[0]!.goals[0]!.measures[1]);
		expect(after.fields[0]!.goals[0]!.measures[0]!.title.startsWith('a')).toBe(true);
		expect(reader.read()).toBe(after);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { must } from './testing';
import { initPlan } from './meta';
import { childrenOf, createItem, readItem } from './plan';
import { readPlan, summarize } from './plan-json';
import { SCHEMA_VERSION } from './types';

/** Put a raw Y.Map with the given entries into the items map (bypassing validation). */
function junkItem(doc: Y.Doc, id: string, entries: Record<string, unknown>): void {
	const m = new Y.Map<unknown>();
	doc.getMap('items').set(id, m);
	for (const [k, v] of Object.entries(entries)) m.set(k, v);
}

describe('readPlan', () => {
	it('nests fields → goals → measures in board order', () => {
		const doc = new Y.Doc();
		must(initPlan(doc, { title: 'Plan', municipality: 'Niedernhausen' }));
		const f2 = must(createItem(doc, { type: 'field', values: { title: 'Arbeit & Beruf' } }));
		const f1 = must(
			createItem(doc, { type: 'field', afterId: null, values: { title: 'Sprache & Bildung' } })
		);
		const g = must(createItem(doc, { type: 'goal', parentId: f1, values: { title: 'Ziel' } }));
		must(createItem(doc, { type: 'measure', parentId: g, values: { title: 'B' } }));
		must(createItem(doc, { type: 'measure', parentId: g, afterId: null, values: { title: 'A' } }));
		const plan = readPlan(doc, 'p1');
		expect(plan.id).toBe('p1');
		expect(plan.schemaVersion).toBe(SCHEMA_VERSION);
		expect(plan.meta).toMatchObject({ title: 'Plan', municipality: 'Niedernhausen' });
		expect(plan.fields.map((f) => f.id)).toEqual([f1, f2]);
		expect(plan.fields[0].goals[0].measures.map((m) => m.title)).toEqual(['A', 'B']);
		expect(plan.fields[1].goals).toEqual([]);
		expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
		expect(summarize(doc, 'p1')).toEqual({
			id: 'p1',
			title: 'Plan',
			municipality: 'Niedernhausen',
			status: 'entwurf',
			counts: { principles: 0, fields: 2, goals: 1, measures: 2 }
		});
	});

	it('reads an empty document with defaults', () => {
		const plan = readPlan(new Y.Doc(), 'leer');
		expect(plan).toEqual({
			id: 'leer',
			schemaVersion: 0,
			meta: {
				schemaVersion: 0,
				title: '',
				municipality: '',
				status: 'entwurf',
				createdAt: '',
				fundingNotice: ''
			},
			principles: [],
			fields: []
		});
	});

	it('skips or defaults malformed data without throwing', () => {
		const doc = new Y.Doc();
		const meta = doc.getMap('meta');
		meta.set('schemaVersion', 'eins');
		meta.set('title', 42);
		meta.set('status', 'erledigt');
		const field = must(createItem(doc, { type: 'field', values: { title: 'Gesundheit' } }));
		const goal = must(createItem(doc, { type: 'goal', parentId: field }));
		const items = doc.getMap('items');
		items.set('number', 17);
		items.set('string', 'kein Element');
		items.set('null', null);
		items.set('array', new Y.Array());
		items.set('text', new Y.Text('x'));
		junkItem(doc, 'notype', { title: 'ohne Typ' });
		junkItem(doc, 'badtype', { type: 'karte', title: 'x' });
		junkItem(doc, 'orphan', { type: 'measure', parentId: 'gone', order: 'a0' });
		junkItem(doc, 'noparent', { type: 'goal', order: 'a0' });
		junkItem(doc, 'cycleA', { type: 'goal', parentId: 'cycleB', order: 'a0' });
		junkItem(doc, 'cycleB', { type: 'goal', parentId: 'cycleA', order: 'a0' });
		junkItem(doc, 'selfparent', { type: 'measure', parentId: 'selfparent' });
		junkItem(doc, 'wrongparent', { type: 'measure', parentId: field, order: 'a0' });
		junkItem(doc, 'wrongvalues', {
			type: 'measure',
			parentId: goal,
			order: 5,
			title: 7,
			description: 'plain string',
			lead: new Y.Map(),
			startDate: '2025-13-01',
			endDate: 20250101,
			priority: 'sofort',
			status: null
		});
		junkItem(doc, 'badgoal', {
			type: 'goal',
			parentId: field,
			principleIds: ['p', 3],
			phase: 'Z'
		});
		junkItem(doc, 'badfield', { type: 'field', parentId: 'irgendwas', phase: 9 });
		junkItem(doc, 'p', { type: 'principle', title: new Y.Text('Vielfalt') });

		const plan = readPlan(doc, 'x');
		expect(plan.meta).toMatchObject({ schemaVersion: 0, title: '', status: 'entwurf' });
		expect(plan.principles.map((p) => [p.id, p.title])).toEqual([['p', 'Vielfalt']]);
		expect(plan.fields.map((f) => f.id).sort()).toEqual(['badfield', field].sort());
		const fieldJson = plan.fields.find((f) => f.id === field)!;
		expect(fieldJson.goals.map((g) => g.id).sort()).toEqual(['badgoal', goal].sort());
		expect(fieldJson.goals.find((g) => g.id === 'badgoal')?.principleIds).toEqual(['p']);
		const measures = fieldJson.goals.find((g) => g.id === goal)!.measures;
		expect(measures).toEqual([
			{
				id: 'wrongvalues',
				type: 'measure',
				parentId: goal,
				order: '',
				title: '',
				description: 'plain string',
				effect: '',
				targetGroup: '',
				benefit: '',
				lead: '',
				contributors: '',
				resources: '',
				startDate: '',
				endDate: '',
				priority: '',
				status: 'idee'
			}
		]);
		expect(plan.fields.find((f) => f.id === 'badfield')).toMatchObject({
			parentId: null,
			phase: 'A',
			title: ''
		});
		expect(summarize(doc, 'x').counts).toEqual({
			principles: 1,
			fields: 2,
			goals: 2,
			measures: 1
		});
		for (const id of ['number', 'notype', 'badtype', 'noparent']) {
			expect(readItem(doc, id)).toBeNull();
		}
		expect(childrenOf(doc, 'cycleA', 'goal').map((g) => g.id)).toEqual(['cycleB']);
	});
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { migrate } from './migrations';
import { childrenOf, createItem, getText, readItem } from './plan';
import { readPlan } from './plan-json';
import { SCHEMA_VERSION } from './types';

/** A v0 (prototype) document: plain strings, array links, no order keys, no version. */
function v0Doc(): Y.Doc {
	const doc = new Y.Doc();
	doc.getMap('meta').set('title', 'Alter Plan');
	const items = doc.getMap('items');
	const add = (id: string, entries: Record<string, unknown>) => {
		const m = new Y.Map<unknown>();
		items.set(id, m);
		for (const [k, v] of Object.entries(entries)) m.set(k, v);
	};
	add('p1', { type: 'principle', title: 'Teilhabe' });
	add('f1', { type: 'field', title: 'Wohnen', situation: 'Viele GUs', phase: 'X' });
	add('g1', { type: 'goal', parentId: 'f1', title: 'Ziel', principleIds: ['p1'] });
	add('m2', { type: 'measure', parentId: 'g1', title: 'Zweite', status: 'unbekannt' });
	add('m1', { type: 'measure', parentId: 'g1', title: 'Erste', description: 'Text' });
	items.set('junk', 5);
	return doc;
}

describe('migrate', () => {
	it('brings a v0 document to v1 without losing content', () => {
		const doc = v0Doc();
		const r = migrate(doc);
		expect(r).toEqual({ ok: true, value: { from: 0, to: SCHEMA_VERSION } });
		expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
		const m1 = doc.getMap('items').get('m1') as Y.Map<unknown>;
		expect(m1.get('description')).toBeInstanceOf(Y.Text);
		expect(m1.get('lead')).toBeInstanceOf(Y.Text);
		const g1 = doc.getMap('items').get('g1') as Y.Map<unknown>;
		expect(g1.get('principleIds')).toBeInstanceOf(Y.Map);
		for (const id of ['p1', 'f1', 'g1', 'm1', 'm2']) {
			const order = (doc.getMap('items').get(id) as Y.Map<unknown>).get('order') as string;
			expect(() => generateKeyBetween(order, null)).not.toThrow();
		}
		const plan = readPlan(doc, 'alt');
		expect(plan.meta).toMatchObject({
			title: 'Alter Plan',
			status: 'entwurf',
			schemaVersion: SCHEMA_VERSION
		});
		expect(plan.fields[0]).toMatchObject({ title: 'Wohnen', situation: 'Viele GUs', phase: 'A' });
		expect(plan.fields[0].goals[0].principleIds).toEqual(['p1']);
		// Without keys the old order is unknown; ids decide, deterministically.
		expect(plan.fields[0].goals[0].measures.map((m) => m.title)).toEqual(['Erste', 'Zweite']);
		expect(readItem(doc, 'm2')).toMatchObject({ status: 'idee' });
		expect(doc.getMap('items').get('junk')).toBe(5);
		// Migrated items are normal items again: insert between, bind texts.
		const r2 = createItem(doc, { type: 'measure', parentId: 'g1', afterId: 'm1' });
		expect(r2.ok).toBe(true);
		expect(childrenOf(doc, 'g1', 'measure').map((m) => m.title)).toEqual(['Erste', '', 'Zweite']);
		expect(getText(doc, 'm1', 'description')?.toString()).toBe('Text');
	});

	it('runs in one transaction and is idempotent', () => {
		const doc = v0Doc();
		let transactions = 0;
		doc.on('afterTransaction', () => transactions++);
		migrate(doc);
		expect(transactions).toBe(1);
		const state = Y.encodeStateAsUpdate(doc);
		expect(migrate(doc)).toEqual({
			ok: true,
			value: { from: SCHEMA_VERSION, to: SCHEMA_VERSION }
		});
		expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
	});

	it('gives v1 goals a description Y.Text (v2), keeping their answers', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('schemaVersion', 1);
		doc.getMap('meta').set('title', 'Plan v1');
		const items = doc.getMap('items');
		const add = (id: string, entries: Record<string, unknown>) => {
			const m = new Y.Map<unknown>();
			items.set(id, m);
			for (const [k, v] of Object.entries(entries)) m.set(k, v);
			return m;
		};
		add('f1', { type: 'field', parentId: null, order: 'a0', title: new Y.Text('Wohnen') });
		add('g1', {
			type: 'goal',
			parentId: 'f1',
			order: 'a0',
			title: new Y.Text('Ziel'),
			specific: new Y.Text('Ja, weil …')
		});
		expect(migrate(doc)).toEqual({ ok: true, value: { from: 1, to: SCHEMA_VERSION } });
		const g1 = items.get('g1') as Y.Map<unknown>;
		expect(g1.get('description')).toBeInstanceOf(Y.Text);
		expect(readItem(doc, 'g1')).toMatchObject({ description: '', specific: 'Ja, weil …' });
		expect((items.get('f1') as Y.Map<unknown>).has('description')).toBe(false);
		expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION);
	});

	it('gives v2 items a translations map (v3), leaving junk alone', () => {
		const doc = new Y.Doc();
		doc.getMap('meta').set('schemaVersion', 2);
		doc.getMap('meta').set('title', 'Plan v2');
		const items = doc.getMap('items');
		const f1 = new Y.Map<unknown>();
		items.set('f1', f1);
		f1.set('type', 'field');
		f1.set('title', new Y.Text('Wohnen'));
		items.set('junk', 7);
		expect(migrate(doc)).toEqual({ ok: true, value: { from: 2, to: 3 } });
		expect(f1.get('tr')).toBeInstanceOf(Y.Map);
		expect(items.get('junk')).toBe(7);
		expect(readItem(doc, 'f1')).toMatchObject({ title: 'Wohnen' });
	});

	it('leaves an empty document alone and refuses newer or broken versions', () => {
		const empty = new Y.Doc();
		expect(migrate(empty)).toEqual({ ok: true, value: { from: 0, to: 0 } });
		expect(empty.getMap('meta').size).toBe(0);
		const newer = new Y.Doc();
		newer.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 1);
		const r = migrate(newer);
		expect(r.ok ? null : r.error.code).toBe('unsupported_version');
		const broken = new Y.Doc();
		broken.getMap('meta').set('schemaVersion', '1');
		expect(migrate(broken).ok).toBe(false);
	});
});

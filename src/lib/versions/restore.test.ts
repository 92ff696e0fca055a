import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildExamplePlan,
	createItem,
	deleteItem,
	getText,
	moveItem,
	readPlan,
	setMeta,
	updateItem
} from '../domain/index';
import { forkDoc, must, syncDocs } from '../domain/testing';
import { restorePlan } from './restore';

const plain = (doc: Y.Doc) => {
	const plan = readPlan(doc, 'p');
	return JSON.parse(JSON.stringify(plan));
};

describe('restorePlan', () => {
	it('brings back an earlier state: deleted, moved, edited and added items, meta', () => {
		const doc = new Y.Doc();
		must(buildExamplePlan(doc));
		const target = readPlan(doc, 'p');
		const field = target.fields[0];
		const goal = field.goals[0];
		must(deleteItem(doc, field.id));
		must(moveItem(doc, target.fields[1].goals[0].id, { parentId: target.fields[2].id, index: 0 }));
		must(updateItem(doc, target.principles[0].id, { title: 'Anders', statement: 'Neu' }));
		must(createItem(doc, { type: 'principle', values: { title: 'Hinzugefügt' } }));
		must(setMeta(doc, { title: 'Umbenannt', status: 'beschlossen' }));
		expect(plain(doc)).not.toEqual(JSON.parse(JSON.stringify(target)));

		const stats = restorePlan(doc, target, 'restore');
		expect(plain(doc)).toEqual(JSON.parse(JSON.stringify(target)));
		expect(stats.created).toContain(goal.id);
		expect(stats.deleted).toHaveLength(1);
		// a second restore changes nothing
		expect(restorePlan(doc, target)).toEqual({ created: [], updated: [], deleted: [] });
	});

	it('is one update, and keeps the Y.Text of items that still exist', () => {
		const doc = new Y.Doc();
		must(buildExamplePlan(doc));
		const target = readPlan(doc, 'p');
		const measure = target.fields[0].goals[0].measures[0];
		const text = getText(doc, measure.id, 'description')!;
		must(updateItem(doc, measure.id, { description: 'ganz anders' }));
		let updates = 0;
		doc.on('update', () => updates++);
		restorePlan(doc, target);
		expect(updates).toBe(1);
		expect(getText(doc, measure.id, 'description')).toBe(text);
		expect(text.toString()).toBe(measure.description);
	});

	it('merges with concurrent typing on another peer (text diff, not replace)', () => {
		const server = new Y.Doc();
		must(buildExamplePlan(server));
		const target = readPlan(server, 'p');
		const measure = target.fields[0].goals[0].measures[0];
		must(updateItem(server, measure.id, { title: measure.title + ' (Entwurf)' }));
		const other = target.fields[1].goals[0].measures[0];
		const client = forkDoc(server);
		// the client types into another measure and at the start of the restored title meanwhile
		getText(client, other.id, 'description')!.insert(0, 'NEU: ');
		getText(client, measure.id, 'title')!.insert(0, '» ');
		restorePlan(server, target);
		syncDocs(server, client);
		const a = readPlan(server, 'p');
		expect(JSON.stringify(a)).toBe(JSON.stringify(readPlan(client, 'p')));
		const m = a.fields[0].goals[0].measures[0];
		expect(m.title).toBe('» ' + measure.title);
		expect(a.fields[1].goals[0].measures[0].description).toBe('NEU: ' + other.description);
	});
});

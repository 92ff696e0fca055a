/**
 * The structure lock of a session in the document guard (issue 13): while locked, a writer may
 * still type into texts and change values, but not add, delete or move items.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildPlan,
	createItem,
	deleteItem,
	getText,
	moveItem,
	updateItem
} from '../../src/lib/domain/index';
import { checkUpdate } from './doc-guard';

function setup() {
	const server = new Y.Doc();
	const built = buildPlan(server, {
		principles: 1,
		fields: 2,
		goalsPerField: 2,
		measuresPerGoal: 1
	});
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	return { server, client, built };
}

function verdict(env: ReturnType<typeof setup>, locked: boolean, change: (doc: Y.Doc) => void) {
	const updates: Uint8Array[] = [];
	const listener = (u: Uint8Array) => updates.push(u);
	env.client.on('update', listener);
	change(env.client);
	env.client.off('update', listener);
	const update = Y.mergeUpdates(updates);
	const v = checkUpdate(env.server, update, 'items', { structureLocked: locked });
	if (v.ok) Y.applyUpdate(env.server, update);
	else {
		env.client = new Y.Doc();
		Y.applyUpdate(env.client, Y.encodeStateAsUpdate(env.server));
	}
	return v;
}

const refused = {
	ok: false,
	kind: 'scope',
	reason: expect.stringContaining('Die Planstruktur ist während der Sitzung gesperrt')
};

describe('structure lock', () => {
	it('lets a locked writer type into texts and change values', () => {
		const env = setup();
		const goal = env.built.goals[0];
		expect(verdict(env, true, (d) => getText(d, goal, 'title')?.insert(0, 'Neu: '))).toMatchObject({
			ok: true
		});
		const measure = env.built.measures[0];
		expect(
			verdict(env, true, (d) => updateItem(d, measure, { priority: 'hoch', status: 'geplant' }))
		).toMatchObject({ ok: true });
	});

	it('refuses new, deleted and moved items while locked, and allows them again afterwards', () => {
		const env = setup();
		const [fieldA, fieldB] = env.built.fields;
		const [goal] = env.built.goals;
		const add = (d: Y.Doc) =>
			createItem(d, { type: 'goal', parentId: fieldA, values: { title: 'Neu' } });
		expect(verdict(env, true, add)).toMatchObject(refused);
		expect(verdict(env, true, (d) => deleteItem(d, goal))).toMatchObject(refused);
		expect(
			verdict(env, true, (d) => moveItem(d, goal, { parentId: fieldB, index: 0 }))
		).toMatchObject(refused);
		expect(verdict(env, true, (d) => moveItem(d, goal, { index: 1 }))).toMatchObject(refused);
		const items = env.server.getMap('items');
		expect(items.has(goal)).toBe(true);
		// Unlocked: the same changes pass.
		expect(verdict(env, false, add)).toMatchObject({ ok: true });
		expect(
			verdict(env, false, (d) => moveItem(d, goal, { parentId: fieldB, index: 0 }))
		).toMatchObject({
			ok: true
		});
		expect(verdict(env, false, (d) => deleteItem(d, goal))).toMatchObject({ ok: true });
		expect(items.has(goal)).toBe(false);
	});
});

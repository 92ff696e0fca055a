/** The document guard: write scopes and shape rules on real Yjs updates (no server needed). */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
	buildPlan,
	createItem,
	getText,
	initPlan,
	setMeta,
	updateItem
} from '../../src/lib/domain/index';
import { checkUpdate, type WriteScope } from './doc-guard';

/** A server doc with a plan and a client doc synced to it. */
function setup() {
	const server = new Y.Doc();
	const built = buildPlan(server, {
		principles: 2,
		fields: 1,
		goalsPerField: 1,
		measuresPerGoal: 1
	});
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	return { server, client, built };
}

/** Runs `change` on the client and checks the resulting update as the server would. */
function verdictOf(
	env: ReturnType<typeof setup>,
	scope: WriteScope,
	change: (doc: Y.Doc) => void,
	maxTextLength?: number
) {
	const updates: Uint8Array[] = [];
	const listener = (u: Uint8Array) => updates.push(u);
	env.client.on('update', listener);
	change(env.client);
	env.client.off('update', listener);
	const update = Y.mergeUpdates(updates);
	const verdict = checkUpdate(env.server, update, scope, { maxTextLength });
	if (verdict.ok) Y.applyUpdate(env.server, update);
	else {
		// The server closes a refusing connection; the client starts again from the server's state.
		env.client = new Y.Doc();
		Y.applyUpdate(env.client, Y.encodeStateAsUpdate(env.server));
	}
	return verdict;
}

describe('write scopes', () => {
	it('owners mark a Vollständigkeit point "bewusst offen"; editors may not; bad marks are refused', () => {
		const env = setup();
		const key = `ack:goal.measures:${env.built.goals[0]}`;
		const mark = { reason: 'kommt in der 2. Sitzung', by: 'Olga', at: '2026-12-03T10:00:00Z' };
		expect(verdictOf(env, 'items', (d) => d.getMap('meta').set(key, mark))).toMatchObject({
			ok: false,
			kind: 'scope'
		});
		expect(verdictOf(env, 'all', (d) => d.getMap('meta').set(key, mark))).toMatchObject({
			ok: true
		});
		expect(env.server.getMap('meta').get(key)).toEqual(mark);
		expect(
			verdictOf(env, 'all', (d) => d.getMap('meta').set(key, { ...mark, reason: '  ' }))
		).toMatchObject({ ok: false });
		expect(
			verdictOf(env, 'all', (d) => d.getMap('meta').set(key, { ...mark, evil: 1 }))
		).toMatchObject({ ok: false });
		expect(verdictOf(env, 'all', (d) => d.getMap('meta').delete(key))).toMatchObject({ ok: true });
		expect(env.server.getMap('meta').has(key)).toBe(false);
	});

	it('editors change items and texts but no plan settings', () => {
		const env = setup();
		const made = verdictOf(env, 'items', (d) => {
			createItem(d, { type: 'field', values: { title: 'Wohnen' } });
		});
		expect(made).toMatchObject({ ok: true, newEntries: 1 });
		expect(
			verdictOf(env, 'items', (d) => getText(d, env.built.goals[0], 'title')!.insert(0, 'Neu: '))
		).toMatchObject({ ok: true });
		expect(
			verdictOf(env, 'items', (d) =>
				updateItem(d, env.built.goals[0], { principleIds: [env.built.principles[1]] })
			)
		).toMatchObject({ ok: true });
		for (const patch of [
			{ title: 'Umbenannt' },
			{ status: 'beschlossen' },
			{ fundingNotice: 'x' }
		]) {
			expect(verdictOf(env, 'items', (d) => setMeta(d, patch))).toMatchObject({
				ok: false,
				kind: 'scope'
			});
		}
		expect(
			verdictOf(env, 'items', (d) => d.getMap('meta').set('schemaVersion', 999))
		).toMatchObject({ ok: false, kind: 'scope' });
		expect(verdictOf(env, 'items', (d) => d.getMap('meta').delete('title'))).toMatchObject({
			ok: false,
			kind: 'scope'
		});
		// Deleting an item is an editor's right.
		expect(
			verdictOf(env, 'items', (d) => d.getMap('items').delete(env.built.measures[0]))
		).toMatchObject({ ok: true, deletionOnly: true });
	});

	it('the owner changes settings, within the schema, but never sets "beschlossen"', () => {
		const env = setup();
		expect(verdictOf(env, 'all', (d) => setMeta(d, { status: 'in_beratung' }))).toMatchObject({
			ok: true
		});
		expect(verdictOf(env, 'all', (d) => setMeta(d, { status: 'beschlossen' }))).toEqual({
			ok: false,
			kind: 'scope',
			reason:
				'Beschlossen wird ein Plan nur mit dem Ratsbeschluss unter „Umsetzung“, nicht im Dokument.'
		});
		expect(env.server.getMap('meta').get('status')).toBe('in_beratung');
		expect(verdictOf(env, 'all', (d) => d.getMap('meta').set('schemaVersion', 999))).toMatchObject({
			ok: false,
			kind: 'shape'
		});
		expect(verdictOf(env, 'all', (d) => d.getMap('meta').set('title', '\u200B'))).toMatchObject({
			ok: false,
			kind: 'shape'
		});
		expect(verdictOf(env, 'all', (d) => d.getMap('meta').set('evil', 1))).toMatchObject({
			ok: false,
			kind: 'shape'
		});
	});
});

describe('shapes', () => {
	it('refuses unknown roots, unknown fields, bad values and rich content', () => {
		const env = setup();
		const measure = env.built.measures[0];
		const cases: Array<(d: Y.Doc) => void> = [
			(d) => d.getMap('junk').set('a', 1),
			(d) => d.getArray('items').insert(0, [1]),
			(d) => (d.getMap('items').get(measure) as Y.Map<unknown>).set('phase', 'A'),
			(d) => (d.getMap('items').get(measure) as Y.Map<unknown>).set('status', 'erledigt'),
			(d) => (d.getMap('items').get(measure) as Y.Map<unknown>).set('type', 'goal'),
			(d) => (d.getMap('items').get(measure) as Y.Map<unknown>).set('title', 'plain'),
			(d) => (d.getMap('items').get(measure) as Y.Map<unknown>).set('x', new Y.Map()),
			(d) => d.getMap('items').set('bad id!', new Y.Map()),
			(d) => d.getMap('items').set('abc', 'string'),
			(d) => getText(d, measure, 'title')!.insert(0, 'fett', { bold: true }),
			(d) => getText(d, measure, 'title')!.insertEmbed(0, { image: 'x' }),
			(d) => {
				const m = new Y.Map();
				d.getMap('items').set('ohneArt', m);
				m.set('title', new Y.Text('x'));
			}
		];
		for (const change of cases) {
			expect(verdictOf(env, 'all', change)).toMatchObject({ ok: false, kind: 'shape' });
		}
	});

	it('refuses texts over the limit but accepts shortening them', () => {
		const env = setup();
		const id = env.built.fields[0];
		const length = () => getText(env.server, id, 'situation')!.length;
		const start = length();
		expect(
			verdictOf(
				env,
				'items',
				(d) => getText(d, id, 'situation')!.insert(0, 'x'.repeat(50)),
				start + 10
			)
		).toMatchObject({ ok: false, kind: 'too_large' });
		expect(length()).toBe(start);
		// A new item with a too long text in one go.
		expect(
			verdictOf(
				env,
				'items',
				(d) => createItem(d, { type: 'principle', values: { title: 'y'.repeat(30) } }),
				20
			)
		).toMatchObject({ ok: false, kind: 'too_large' });
		expect(
			verdictOf(env, 'items', (d) => getText(d, id, 'situation')!.delete(0, 5), 10)
		).toMatchObject({ ok: true });
	});

	it('reports updates whose dependencies are not there yet as missing', () => {
		const env = setup();
		const first: Uint8Array[] = [];
		const second: Uint8Array[] = [];
		let sink = first;
		env.client.on('update', (u: Uint8Array) => sink.push(u));
		const id = createItem(env.client, { type: 'field', values: { title: 'A' } });
		sink = second;
		getText(env.client, id.ok ? id.value : '', 'title')!.insert(1, 'B');
		expect(checkUpdate(env.server, second[0], 'items')).toEqual({ ok: false, kind: 'missing' });
		const merged = Y.mergeUpdates([second[0], first[0]]);
		expect(checkUpdate(env.server, merged, 'items')).toMatchObject({ ok: true });
	});

	it('accepts a whole new plan from its owner', () => {
		const server = new Y.Doc();
		const client = new Y.Doc();
		initPlan(client, { title: 'Neu' });
		buildPlan(client, { fields: 2 });
		expect(checkUpdate(server, Y.encodeStateAsUpdate(client), 'all')).toMatchObject({ ok: true });
		expect(checkUpdate(server, Y.encodeStateAsUpdate(client), 'items')).toMatchObject({
			ok: false,
			kind: 'scope'
		});
	});
});

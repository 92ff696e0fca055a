/**
 * Translators in the document guard (issue 15): a member below editor named translator for some
 * languages may change only the `tr` entries of those languages (texts and `@src`), nothing else.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, createItem, deleteItem, getText } from '../../src/lib/domain/index';
import { checkUpdate } from './doc-guard';
import { confirmTranslation, setTranslation, translated } from '../../src/lib/domain/translations';

function setup() {
	const server = new Y.Doc();
	const built = buildPlan(server, { principles: 1, fields: 1, goalsPerField: 1 });
	return { server, m: built.measures[0] };
}

/** The verdict on `change` made by a client synced with the server, as translator of `langs`. */
function asTranslator(
	env: ReturnType<typeof setup>,
	langs: readonly string[],
	change: (d: Y.Doc) => void
) {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(env.server));
	const updates: Uint8Array[] = [];
	client.on('update', (u: Uint8Array) => updates.push(u));
	change(client);
	const update = Y.mergeUpdates(updates);
	const verdict = checkUpdate(env.server, update, 'items', { translateOnly: langs });
	if (verdict.ok) Y.applyUpdate(env.server, update);
	return verdict;
}

const titleOf = (d: Y.Doc, id: string) => getText(d, id, 'title')?.toString();

describe('translators in the document guard', () => {
	it('writes, rewrites and confirms translations of the assigned language', () => {
		const env = setup();
		expect(
			asTranslator(env, ['ar'], (d) => setTranslation(d, env.m, 'title', 'ar', 'مقهى'))
		).toMatchObject({ ok: true });
		expect(
			asTranslator(env, ['ar'], (d) => setTranslation(d, env.m, 'title', 'ar', 'مقهى اللغة'))
		).toMatchObject({ ok: true });
		expect(
			asTranslator(env, ['ar'], (d) => confirmTranslation(d, env.m, 'title', 'ar'))
		).toMatchObject({ ok: true });
		expect(translated(env.server, env.m, 'title', 'ar').text).toBe('مقهى اللغة');
	});

	it('refuses other languages, German texts, values, new and deleted items', () => {
		const env = setup();
		const german = titleOf(env.server, env.m);
		const refused: Array<[string, (d: Y.Doc) => void]> = [
			['other language', (d) => setTranslation(d, env.m, 'title', 'en', 'Cafe')],
			['German title', (d) => getText(d, env.m, 'title')!.insert(0, 'X')],
			['item value', (d) => (d.getMap('items').get(env.m) as Y.Map<unknown>).set('status', 'x')],
			['new item', (d) => createItem(d, { type: 'field', values: { title: 'Neu' } })],
			['deleted item', (d) => deleteItem(d, env.m)],
			['meta', (d) => d.getMap('meta').set('title', 'Gekapert')],
			[
				'mixed',
				(d) => {
					setTranslation(d, env.m, 'title', 'ar', 'نعم');
					getText(d, env.m, 'title')!.insert(0, 'X');
				}
			]
		];
		for (const [what, change] of refused) {
			expect(asTranslator(env, ['ar'], change), what).toMatchObject({ ok: false, kind: 'scope' });
		}
		expect(titleOf(env.server, env.m)).toBe(german);
		expect(translated(env.server, env.m, 'title', 'ar').fallback).toBe(true);
	});

	it('cannot delete or overwrite another language’s translation', () => {
		const env = setup();
		// An editor wrote the English one.
		const editor = new Y.Doc();
		Y.applyUpdate(editor, Y.encodeStateAsUpdate(env.server));
		setTranslation(editor, env.m, 'title', 'en', 'Language café');
		Y.applyUpdate(env.server, Y.encodeStateAsUpdate(editor));
		for (const change of [
			(d: Y.Doc) => setTranslation(d, env.m, 'title', 'en', ''),
			(d: Y.Doc) => confirmTranslation(d, env.m, 'title', 'en'),
			(d: Y.Doc) =>
				((d.getMap('items').get(env.m) as Y.Map<unknown>).get('tr') as Y.Map<unknown>).delete(
					'en.title'
				)
		]) {
			expect(asTranslator(env, ['ar', 'tr'], change)).toMatchObject({ ok: false, kind: 'scope' });
		}
		expect(translated(env.server, env.m, 'title', 'en').text).toBe('Language café');
	});

	it('without languages nothing passes; the owner scope ignores the restriction', () => {
		const env = setup();
		const write = (d: Y.Doc) => setTranslation(d, env.m, 'title', 'ar', 'نعم');
		expect(asTranslator(env, [], write)).toMatchObject({ ok: false, kind: 'scope' });
		const client = new Y.Doc();
		Y.applyUpdate(client, Y.encodeStateAsUpdate(env.server));
		const updates: Uint8Array[] = [];
		client.on('update', (u: Uint8Array) => updates.push(u));
		getText(client, env.m, 'title')!.insert(0, 'X');
		expect(
			checkUpdate(env.server, Y.mergeUpdates(updates), 'all', { translateOnly: ['ar'] })
		).toMatchObject({ ok: true });
	});
});

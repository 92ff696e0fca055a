/**
 * Content translations in the document guard (issue 15): raw Yjs updates into an item's `tr`
 * map are checked for language, field, length and (in titles) bidi control characters.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, deleteItem } from '../../src/lib/domain/index';
import { checkUpdate, type WriteScope } from './doc-guard';
import {
	MAX_TRANSLATION_LENGTH,
	setTranslation,
	translated,
	translationText
} from '../../src/lib/domain/translations';

function setup() {
	const server = new Y.Doc();
	const built = buildPlan(server, { principles: 1, fields: 1, goalsPerField: 1 });
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	return { server, client, built, m: built.measures[0] };
}

function verdictOf(env: ReturnType<typeof setup>, scope: WriteScope, change: (d: Y.Doc) => void) {
	const updates: Uint8Array[] = [];
	const listener = (u: Uint8Array) => updates.push(u);
	env.client.on('update', listener);
	change(env.client);
	env.client.off('update', listener);
	const update = Y.mergeUpdates(updates);
	const verdict = checkUpdate(env.server, update, scope);
	if (verdict.ok) Y.applyUpdate(env.server, update);
	else {
		env.client = new Y.Doc();
		Y.applyUpdate(env.client, Y.encodeStateAsUpdate(env.server));
	}
	return verdict;
}

/** The raw `tr` map of an item on `doc` (bypassing the domain's checks). */
const trOf = (doc: Y.Doc, id: string) =>
	(doc.getMap('items').get(id) as Y.Map<unknown>).get('tr') as Y.Map<unknown>;

describe('translations in the document guard', () => {
	it('editors write translations; the server holds them', () => {
		const env = setup();
		const v = verdictOf(env, 'items', (d) => {
			setTranslation(d, env.m, 'title', 'ar', 'مقهى اللغة');
			setTranslation(d, env.m, 'description', 'ls', 'Wir machen ein Sprach-Café.');
		});
		expect(v).toMatchObject({ ok: true });
		expect(translated(env.server, env.m, 'title', 'ar').text).toBe('مقهى اللغة');
		expect(translated(env.server, env.m, 'description', 'ls').fallback).toBe(false);
	});

	it('refuses unknown languages and fields, and wrong value kinds', () => {
		const env = setup();
		for (const key of ['xx.title', 'ar.phase', 'ar.nofield', 'ar', '.title', 'ar.title@x']) {
			const v = verdictOf(env, 'items', (d) => trOf(d, env.m).set(key, new Y.Text('x')));
			expect(v, key).toMatchObject({ ok: false, kind: 'shape' });
		}
		expect(
			verdictOf(env, 'items', (d) => trOf(d, env.m).set('ar.title', 'kein Y.Text'))
		).toMatchObject({ ok: false });
		expect(verdictOf(env, 'items', (d) => trOf(d, env.m).set('ar.title@src', 5))).toMatchObject({
			ok: false
		});
		expect(
			verdictOf(env, 'items', (d) =>
				(d.getMap('items').get(env.m) as Y.Map<unknown>).set('tr', 'kaputt')
			)
		).toMatchObject({ ok: false });
		expect(trOf(env.server, env.m).size).toBe(0);
	});

	it('caps a translation at 10,000 characters, also when typed in pieces', () => {
		const env = setup();
		const full = 'x'.repeat(MAX_TRANSLATION_LENGTH);
		expect(
			verdictOf(env, 'items', (d) => setTranslation(d, env.m, 'description', 'en', full))
		).toMatchObject({ ok: true });
		const more = verdictOf(env, 'items', (d) => {
			const t = translationText(d, env.m, 'description', 'en');
			if (t.ok) t.value.insert(0, 'y');
		});
		expect(more).toMatchObject({ ok: false, kind: 'too_large' });
		expect(translated(env.server, env.m, 'description', 'en').text).toBe(full);
	});

	it('refuses bidi override characters in translated titles, not in descriptions', () => {
		const env = setup();
		for (const ch of ['\u202A', '\u202E', '\u2066', '\u2069']) {
			const v = verdictOf(env, 'items', (d) => {
				trOf(d, env.m).set('ar.title', new Y.Text(`مقهى${ch}`));
			});
			expect(v, ch.codePointAt(0)?.toString(16)).toMatchObject({ ok: false, kind: 'shape' });
		}
		const ok = verdictOf(env, 'items', (d) => {
			trOf(d, env.m).set('ar.description', new Y.Text('نص \u2067عربي\u2069'));
		});
		expect(ok).toMatchObject({ ok: true });
	});

	it('only the owner sets the plan languages, and only known codes', () => {
		const env = setup();
		const set = (v: unknown) => (d: Y.Doc) => d.getMap('meta').set('languages', v);
		expect(verdictOf(env, 'items', set(['ar']))).toMatchObject({ ok: false, kind: 'scope' });
		expect(verdictOf(env, 'all', set(['ar', 'xx']))).toMatchObject({ ok: false });
		expect(verdictOf(env, 'all', set(['ar', 'ar']))).toMatchObject({ ok: false });
		expect(verdictOf(env, 'all', set('ar'))).toMatchObject({ ok: false });
		expect(verdictOf(env, 'all', set(['ar', 'ls']))).toMatchObject({ ok: true });
		expect(env.server.getMap('meta').get('languages')).toEqual(['ar', 'ls']);
	});

	it('a translation for an item deleted meanwhile is accepted and dropped, nothing breaks', () => {
		const env = setup();
		const translator = new Y.Doc();
		Y.applyUpdate(translator, Y.encodeStateAsUpdate(env.server));
		expect(verdictOf(env, 'items', (d) => deleteItem(d, env.m))).toMatchObject({ ok: true });
		const sv = Y.encodeStateVector(translator);
		setTranslation(translator, env.m, 'title', 'en', 'Late translation');
		const late = Y.encodeStateAsUpdate(translator, sv);
		const v = checkUpdate(env.server, late, 'items');
		expect(v).toMatchObject({ ok: true });
		Y.applyUpdate(env.server, late);
		expect(env.server.getMap('items').has(env.m)).toBe(false);
		expect(translated(env.server, env.m, 'title', 'en')).toMatchObject({ fallback: true });
	});
});

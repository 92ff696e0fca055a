/** Content translations: fallback, "veraltet" across two peers, limits and bad input. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from './meta';
import { createItem, deleteItem, updateItem } from './plan';
import { forkDoc, must, syncDocs } from './testing';
import {
	MAX_TRANSLATION_LENGTH,
	confirmTranslation,
	itemCoverage,
	planLanguages,
	setPlanLanguages,
	setTranslation,
	translated,
	translationState,
	translationText
} from './translations';

function plan() {
	const doc = new Y.Doc();
	must(initPlan(doc, { title: 'Plan', municipality: 'Stadt' }));
	const f = must(createItem(doc, { type: 'field', values: { title: 'Wohnen' } }));
	const g = must(createItem(doc, { type: 'goal', parentId: f, values: { title: 'Ziel' } }));
	const m = must(
		createItem(doc, {
			type: 'measure',
			parentId: g,
			values: { title: 'Sprachcafé eröffnen', description: 'Jeden Montag im Rathaus.' }
		})
	);
	return { doc, m };
}

describe('plan languages', () => {
	it('stores known codes in list order and refuses unknown ones', () => {
		const { doc } = plan();
		expect(planLanguages(doc)).toEqual([]);
		must(setPlanLanguages(doc, ['ls', 'ar', 'ar']));
		expect(planLanguages(doc)).toEqual(['ar', 'ls']);
		const r = setPlanLanguages(doc, ['ar', 'xx']);
		expect(r.ok).toBe(false);
		expect(planLanguages(doc)).toEqual(['ar', 'ls']);
		doc.getMap('meta').set('languages', 'kaputt');
		expect(planLanguages(doc)).toEqual([]);
	});
});

describe('translated (fallback)', () => {
	it('falls back to German when there is no or only a blank translation', () => {
		const { doc, m } = plan();
		expect(translated(doc, m, 'title', 'en')).toEqual({
			text: 'Sprachcafé eröffnen',
			fallback: true,
			outdated: false,
			lang: 'de'
		});
		must(setTranslation(doc, m, 'title', 'en', '   '));
		expect(translated(doc, m, 'title', 'en').fallback).toBe(true);
		must(setTranslation(doc, m, 'title', 'en', 'Open a language café'));
		expect(translated(doc, m, 'title', 'en')).toEqual({
			text: 'Open a language café',
			fallback: false,
			outdated: false,
			lang: 'en'
		});
		// Other languages and fields still fall back.
		expect(translated(doc, m, 'title', 'ar').fallback).toBe(true);
		expect(translated(doc, m, 'description', 'en').text).toBe('Jeden Montag im Rathaus.');
	});

	it('unknown language, field or item: fallback for readers, clear errors for writers', () => {
		const { doc, m } = plan();
		expect(translated(doc, m, 'title', 'xx').fallback).toBe(true);
		expect(translated(doc, 'nope', 'title', 'en')).toMatchObject({ text: '', fallback: true });
		const bad = setTranslation(doc, m, 'title', 'xx', 'x');
		expect(bad.ok ? null : bad.error.message).toMatch(/Unbekannte Sprache/);
		const field = setTranslation(doc, m, 'phase', 'en', 'x');
		expect(field.ok ? null : field.error.code).toBe('invalid_field');
		must(deleteItem(doc, m));
		const gone = setTranslation(doc, m, 'title', 'en', 'x');
		expect(gone.ok ? null : gone.error.code).toBe('unknown_item');
	});

	it('keeps a 10,000-character translation whole and refuses a longer one', () => {
		const { doc, m } = plan();
		const long = 'ب'.repeat(MAX_TRANSLATION_LENGTH);
		must(setTranslation(doc, m, 'description', 'ar', long));
		expect(translated(doc, m, 'description', 'ar').text).toBe(long);
		const r = setTranslation(doc, m, 'description', 'ar', long + 'x');
		expect(r.ok ? null : r.error.code).toBe('text_too_long');
		expect(translated(doc, m, 'description', 'ar').text).toBe(long);
	});

	it('strips bidi override characters from titles, keeps ordinary RTL text', () => {
		const { doc, m } = plan();
		must(setTranslation(doc, m, 'title', 'ar', '\u202Eمقهى\u2066 اللغة\u2069'));
		expect(translated(doc, m, 'title', 'ar').text).toBe('مقهى اللغة');
	});
});

describe('veraltet', () => {
	it('marks a translation outdated when the source changes, with the diff; confirm clears it', () => {
		const { doc, m } = plan();
		must(setTranslation(doc, m, 'title', 'en', 'Open a language café'));
		expect(translationState(doc, m, 'title', 'en')?.outdated).toBe(false);
		must(updateItem(doc, m, { title: 'Sprachcafé im Rathaus eröffnen' }));
		const st = translationState(doc, m, 'title', 'en');
		expect(st?.outdated).toBe(true);
		expect(st?.diff.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['im Rathaus']);
		expect(translated(doc, m, 'title', 'en')).toMatchObject({ fallback: false, outdated: true });
		expect(itemCoverage(doc, m, ['title', 'description'], 'en')).toEqual({
			total: 2,
			translated: 1,
			outdated: 1
		});
		must(confirmTranslation(doc, m, 'title', 'en'));
		expect(translationState(doc, m, 'title', 'en')).toMatchObject({ outdated: false, diff: [] });
	});

	it('is not outdated without a translation; confirming nothing is an error', () => {
		const { doc, m } = plan();
		must(updateItem(doc, m, { title: 'Neu' }));
		expect(translationState(doc, m, 'title', 'tr')?.outdated).toBe(false);
		expect(confirmTranslation(doc, m, 'title', 'tr').ok).toBe(false);
	});

	it('two peers: a source edit during a translation edit ends outdated with the right diff', () => {
		const { doc: a, m } = plan();
		const b = forkDoc(a);
		// B starts translating (typing into the live Y.Text) …
		const text = must(translationText(b, m, 'title', 'ar'));
		b.transact(() => text.insert(0, 'افتتاح مقهى'));
		// … while A edits the German source.
		must(updateItem(a, m, { title: 'Sprachcafé jetzt eröffnen' }));
		expect(translationState(b, m, 'title', 'ar')?.outdated).toBe(false);
		syncDocs(a, b);
		for (const d of [a, b]) {
			const st = translationState(d, m, 'title', 'ar');
			expect(st).toMatchObject({ text: 'افتتاح مقهى', outdated: true });
			expect(st?.diff.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['jetzt']);
		}
		// A confirms; after syncing both peers see it as current.
		must(confirmTranslation(a, m, 'title', 'ar'));
		syncDocs(a, b);
		expect(translationState(b, m, 'title', 'ar')?.outdated).toBe(false);
	});

	it('two peers translating different fields at once both keep their text', () => {
		const { doc: a, m } = plan();
		const b = forkDoc(a);
		must(setTranslation(a, m, 'title', 'en', 'Language café'));
		must(setTranslation(b, m, 'description', 'en', 'Every Monday at the town hall.'));
		syncDocs(a, b);
		expect(translated(a, m, 'description', 'en').text).toBe('Every Monday at the town hall.');
		expect(translated(b, m, 'title', 'en').text).toBe('Language café');
	});
});

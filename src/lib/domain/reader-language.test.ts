/** Readers' content language: choice of language, German fallback with marks, localized plan. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from './meta';
import { createItem } from './plan';
import { must } from './testing';
import { readPlan } from './index';
import { languageOf, setPlanLanguages, setTranslation } from './translations';
import {
	chooseLanguage,
	localizePlan,
	markOf,
	readerField,
	readerLanguages
} from './reader-language';

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
	must(setPlanLanguages(doc, ['ar', 'ls']));
	return { doc, m, f };
}
const ar = languageOf('ar')!;

describe('chooseLanguage', () => {
	it('German for nothing or de, the language when enabled', () => {
		expect(chooseLanguage(null, ['ar'])).toEqual({ ok: true, language: null });
		expect(chooseLanguage('', ['ar'])).toEqual({ ok: true, language: null });
		expect(chooseLanguage('de', [])).toEqual({ ok: true, language: null });
		const r = chooseLanguage('ar', ['ar', 'ls']);
		expect(r.ok && r.language?.code).toBe('ar');
	});
	it('refuses unknown codes and languages the plan does not offer', () => {
		for (const code of ['xx', 'AR', 'en', '<script>']) {
			const r = chooseLanguage(code, ['ar', 'ls']);
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.code).toBe('invalid_language');
				expect(r.message).toContain('Möglich: de, ar, ls');
			}
		}
	});
});

describe('readerField', () => {
	it('marks a translation with its tag and direction, a missing one as German fallback', () => {
		const { doc, m } = plan();
		must(setTranslation(doc, m, 'title', 'ar', 'افتتاح مقهى اللغة'));
		expect(readerField(doc, m, 'title', ar)).toEqual({
			text: 'افتتاح مقهى اللغة',
			mark: { lang: 'ar', dir: 'rtl', fallback: false }
		});
		expect(readerField(doc, m, 'description', ar)).toEqual({
			text: 'Jeden Montag im Rathaus.',
			mark: { lang: 'de', dir: 'ltr', fallback: true }
		});
	});
	it('Leichte Sprache is German (lang="de") but not a fallback; outdated is flagged', () => {
		const { doc, m } = plan();
		must(setTranslation(doc, m, 'title', 'ls', 'Ein Café zum Deutsch-Lernen.'));
		const r = readerField(doc, m, 'title', languageOf('ls')!);
		expect(r.mark).toEqual({ lang: 'de', dir: 'ltr', fallback: false });
		// a whitespace-only translation counts as missing
		must(setTranslation(doc, m, 'description', 'ls', '   '));
		expect(readerField(doc, m, 'description', languageOf('ls')!).mark.fallback).toBe(true);
	});
});

describe('localizePlan', () => {
	it('swaps translated fields, keeps German elsewhere and leaves the original plan alone', () => {
		const { doc, m, f } = plan();
		must(setTranslation(doc, m, 'title', 'ar', 'مقهى'));
		const original = readPlan(doc, 'p1');
		const { plan: out, marks } = localizePlan(doc, original, ar);
		const measure = out.fields[0].goals[0].measures[0];
		expect(measure.title).toBe('مقهى');
		expect(measure.description).toBe('Jeden Montag im Rathaus.');
		expect(original.fields[0].goals[0].measures[0].title).toBe('Sprachcafé eröffnen');
		expect(markOf(marks, m, 'title')).toEqual({ lang: 'ar', dir: 'rtl', fallback: false });
		expect(markOf(marks, m, 'description').fallback).toBe(true);
		expect(markOf(marks, f, 'title').fallback).toBe(true);
		// empty German fields get no mark (nothing to show)
		expect(marks[m].effect).toBeUndefined();
		expect(markOf(null, m, 'title')).toEqual({ lang: 'de', dir: 'ltr', fallback: false });
	});
	it('offers German first, then the plan languages with their own names', () => {
		const { doc } = plan();
		expect(readerLanguages(doc).map((l) => [l.code, l.tag, l.dir])).toEqual([
			['de', 'de', 'ltr'],
			['ar', 'ar', 'rtl'],
			['ls', 'de', 'ltr']
		]);
	});
});

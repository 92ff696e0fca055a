/** Board texts in the board's content language: original, translation (rtl), fallback, outdated; live updates. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initPlan } from '$lib/domain/meta';
import { createItem, updateItem } from '$lib/domain/plan';
import { must } from '$lib/domain/testing';
import { setPlanLanguages, setTranslation } from '$lib/domain/translations';
import { boardText, boardTexts } from './board-text';
import { contentVersion } from './content-version.svelte';

function plan() {
	const doc = new Y.Doc();
	must(initPlan(doc, { title: 'Plan', municipality: 'Stadt' }));
	const f = must(createItem(doc, { type: 'field', values: { title: 'Sprache' } }));
	const g = must(
		createItem(doc, {
			type: 'goal',
			parentId: f,
			values: { title: 'Deutsch lernen', description: 'Kurse für alle.' }
		})
	);
	must(setPlanLanguages(doc, ['en', 'ar']));
	return { doc, f, g };
}

describe('boardText', () => {
	it('shows the original for German, an empty source and a language the plan lacks', () => {
		const { doc, g } = plan();
		must(setTranslation(doc, g, 'title', 'ar', 'تعلم الألمانية'));
		expect(boardText(doc, 'de', g, 'title', 'Deutsch lernen')).toBeNull();
		expect(boardText(doc, 'ar', g, 'specific', '')).toBeNull();
		expect(boardText(doc, 'ar', g, 'specific', '  ')).toBeNull();
		expect(boardText(doc, 'tr', g, 'title', 'Deutsch lernen')).toBeNull();
		expect(boardText(doc, 'xx', g, 'title', 'Deutsch lernen')).toBeNull();
	});

	it('gives Arabic translations lang="ar" and dir="rtl"', () => {
		const { doc, g } = plan();
		must(setTranslation(doc, g, 'title', 'ar', 'تعلم الألمانية'));
		expect(boardText(doc, 'ar', g, 'title', 'Deutsch lernen')).toEqual({
			text: 'تعلم الألمانية',
			mark: { lang: 'ar', dir: 'rtl', fallback: false }
		});
	});

	it('falls back to German, marked, when the translation is missing', () => {
		const { doc, f } = plan();
		expect(boardText(doc, 'ar', f, 'title', 'Sprache')).toEqual({
			text: 'Sprache',
			mark: { lang: 'de', dir: 'ltr', fallback: true }
		});
		expect(boardText(doc, 'en', f, 'title', 'Sprache')?.mark.fallback).toBe(true);
	});

	it('flags a translation whose German source changed since as outdated', () => {
		const { doc, g } = plan();
		must(setTranslation(doc, g, 'title', 'en', 'Learning German'));
		expect(boardText(doc, 'en', g, 'title', 'Deutsch lernen')?.mark.outdated).toBeUndefined();
		must(updateItem(doc, g, { title: 'Deutsch lernen im Quartier' }));
		expect(boardText(doc, 'en', g, 'title', 'Deutsch lernen im Quartier')).toEqual({
			text: 'Learning German',
			mark: { lang: 'en', dir: 'ltr', fallback: false, outdated: true }
		});
	});
});

describe('boardTexts', () => {
	it('lists the non-empty fields of an item, each with its own mark', () => {
		const { doc, g } = plan();
		must(setTranslation(doc, g, 'title', 'ar', 'تعلم الألمانية'));
		const sources: Record<string, string> = {
			title: 'Deutsch lernen',
			description: 'Kurse für alle.'
		};
		const list = boardTexts(
			doc,
			'ar',
			g,
			['title', 'description', 'specific'],
			(f) => sources[f] ?? ''
		);
		expect(list.map((t) => [t.field, t.mark.dir, t.mark.fallback])).toEqual([
			['title', 'rtl', false],
			['description', 'ltr', true]
		]);
		expect(boardTexts(doc, 'de', g, ['title'], (f) => sources[f] ?? '')).toEqual([]);
	});
});

describe('contentVersion', () => {
	const tick = () => new Promise<void>((r) => queueMicrotask(r));

	it('moves on translations and the language list, not on German text', async () => {
		const { doc, g } = plan();
		const start = contentVersion(doc);
		must(updateItem(doc, g, { title: 'Deutsch lernen im Quartier' }));
		await tick();
		expect(contentVersion(doc)).toBe(start);
		must(setTranslation(doc, g, 'title', 'ar', 'تعلم الألمانية'));
		await tick();
		const afterTranslation = contentVersion(doc);
		expect(afterTranslation).toBeGreaterThan(start);
		must(setPlanLanguages(doc, ['ar']));
		await tick();
		expect(contentVersion(doc)).toBeGreaterThan(afterTranslation);
	});
});

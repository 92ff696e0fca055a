import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { buildPlan, deleteItem, getText } from '$lib/domain';
import {
	setPlanLanguages,
	setTranslation,
	translated,
	translationText
} from '$lib/domain/translations';
import { translationOverview } from './overview';

function plan() {
	const doc = new Y.Doc();
	const built = buildPlan(doc, { principles: 1, fields: 1, goalsPerField: 1 });
	setPlanLanguages(doc, ['en', 'ar']);
	return { doc, built };
}

const sync = (a: Y.Doc, b: Y.Doc) => {
	Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
	Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('translation overview', () => {
	it('counts translated, outdated and missing fields per language', () => {
		const { doc, built } = plan();
		const m = built.measures[0];
		const before = translationOverview(doc);
		expect(before.map((o) => o.lang)).toEqual(['en', 'ar']);
		const en0 = before[0];
		expect(en0.translated).toBe(0);
		expect(en0.missing).toBe(en0.total);
		expect(en0.total).toBeGreaterThan(2);
		setTranslation(doc, m, 'title', 'en', 'Language café');
		setTranslation(doc, m, 'description', 'en', 'Weekly');
		// The German title changes: the English title is outdated now.
		getText(doc, m, 'title')!.insert(0, 'Neues ');
		const [en, ar] = translationOverview(doc);
		expect(en).toMatchObject({ translated: 1, outdated: 1, missing: en0.total - 2 });
		expect(en.percent).toBe(Math.floor(100 / en0.total));
		const entry = en.entries.find((e) => e.id === m)!;
		expect(entry.outdated).toEqual(['title']);
		expect(entry.missing).not.toContain('description');
		expect(ar).toMatchObject({ translated: 0, outdated: 0, missing: en0.total });
	});

	it('no extra languages: nothing to show', () => {
		const doc = new Y.Doc();
		buildPlan(doc, { principles: 1, fields: 1, goalsPerField: 1 });
		expect(translationOverview(doc)).toEqual([]);
	});

	it('a translation written while another peer deleted the item disappears with it', () => {
		const { doc: a, built } = plan();
		const b = new Y.Doc();
		sync(a, b);
		const m = built.measures[0];
		// Offline at the same time: a deletes the measure, b translates it.
		expect(deleteItem(a, m).ok).toBe(true);
		expect(setTranslation(b, m, 'title', 'ar', 'مقهى').ok).toBe(true);
		expect(translationText(b, m, 'description', 'en').ok).toBe(true);
		expect(() => sync(a, b)).not.toThrow();
		for (const doc of [a, b]) {
			expect(doc.getMap('items').has(m)).toBe(false);
			expect(translated(doc, m, 'title', 'ar')).toMatchObject({ text: '', fallback: true });
			const overview = translationOverview(doc);
			for (const o of overview) expect(o.entries.some((e) => e.id === m)).toBe(false);
			expect(overview[1].translated).toBe(0);
		}
		expect(a.getMap('items').toJSON()).toEqual(b.getMap('items').toJSON());
		// Writing to it afterwards is refused, not a crash.
		expect(setTranslation(b, m, 'title', 'ar', 'x')).toMatchObject({ ok: false });
	});
});

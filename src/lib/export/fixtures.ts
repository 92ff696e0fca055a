/**
 * Plans for the export tests: the multilingual sample (the scripts our users write), edge cases.
 * Built through the public domain mutators, read with readPlan like every real export.
 */
import * as Y from 'yjs';
import { buildExamplePlan, buildPlan, type BuildPlanOptions } from '../domain/example';
import { initPlan, setMeta } from '../domain/meta';
import { createItem } from '../domain/plan';
import { readPlan } from '../domain/plan-json';
import type { PlanJson } from '../domain/types';

export const SAMPLES = {
	de: 'Größere Übergänge für Bürger:innen – „Maß“ statt Straße',
	tr: 'Türkçe: Göçmen ailelere danışmanlık, ılık İstanbul şöleni',
	pl: 'Polski: Zażółć gęślą jaźń, źródło łąki',
	uk: 'Українська: Ґанок, їжак і євроремонт',
	ru: 'Русский: Съешь же ещё этих мягких булок',
	ar: 'مرحبا بكم في مدينتنا'
} as const;

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
	if (!r.ok) throw new Error(r.error.message);
	return r.value;
}

export function examplePlan(): PlanJson {
	const doc = new Y.Doc();
	must(buildExamplePlan(doc));
	return readPlan(doc, 'beispiel');
}

export function sizedPlan(options: BuildPlanOptions): PlanJson {
	const doc = new Y.Doc();
	buildPlan(doc, options);
	return readPlan(doc, 'gross');
}

export function emptyPlan(title = 'Leerer Plan'): PlanJson {
	const doc = new Y.Doc();
	must(initPlan(doc, { title, municipality: 'Leerstadt' }));
	return readPlan(doc, 'leer');
}

/** One field per language; the Arabic field mixes Arabic and Latin. */
export function multilingualPlan(): PlanJson {
	const doc = new Y.Doc();
	must(initPlan(doc, { title: `Vielfaltsstrategie ${SAMPLES.de}`, municipality: 'Mörfelden' }));
	must(setMeta(doc, { status: 'beschlossen' }));
	const p = must(
		createItem(doc, { type: 'principle', values: { title: SAMPLES.tr, statement: SAMPLES.pl } })
	);
	for (const [lang, sample] of Object.entries(SAMPLES)) {
		const f = must(
			createItem(doc, {
				type: 'field',
				values: { title: sample, situation: `${lang}: ${sample}`, workingGroup: `AG ${lang}` }
			})
		);
		const g = must(
			createItem(doc, {
				type: 'goal',
				parentId: f,
				values: { title: `Ziel ${lang}`, specific: sample, principleIds: [p] }
			})
		);
		must(
			createItem(doc, {
				type: 'measure',
				parentId: g,
				values: {
					title: `Maßnahme ${lang}`,
					description: sample,
					lead: lang === 'ar' ? `${SAMPLES.ar} (Integrationsbüro 2025)` : 'Integrationsbüro',
					status: 'geplant'
				}
			})
		);
	}
	return readPlan(doc, 'mehrsprachig');
}

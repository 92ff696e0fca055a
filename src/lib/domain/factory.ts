/**
 * `buildPlan`: a plan of any size for tests and benchmarks (e.g. 10 fields × 10 goals × 20
 * measures = 2,000 measures). Texts are taken round-robin from the example plan, so sizes and
 * characters (umlauts, „quotes“) are realistic. Built through the public mutators in one
 * transaction. Throws only if the domain refuses its own fixture (a bug, not bad input).
 */
import type * as Y from 'yjs';
import { EXAMPLE_PRINCIPLES } from './example-data';
import { EXAMPLE_FIELDS_A } from './example-fields-a';
import { EXAMPLE_FIELDS_B } from './example-fields-b';
import type { Result } from './errors';
import { initPlan, readMeta } from './meta';
import { createItem } from './plan';

export interface BuildPlanOptions {
	principles?: number;
	fields?: number;
	goalsPerField?: number;
	measuresPerGoal?: number;
	/** Plan title if the doc is not initialised yet (default 'Testplan'). */
	title?: string;
	municipality?: string;
}

export interface BuiltPlan {
	principles: string[];
	fields: string[];
	goals: string[];
	measures: string[];
}

const FIELDS = [...EXAMPLE_FIELDS_A, ...EXAMPLE_FIELDS_B];
const GOALS = FIELDS.flatMap((f) => f.goals);
const MEASURES = GOALS.flatMap((g) => g.measures);

function must<T>(r: Result<T>): T {
	if (!r.ok) throw new Error(`buildPlan: ${r.error.code}: ${r.error.message}`);
	return r.value;
}

const count = (n: number | undefined, fallback: number) => Math.max(0, Math.floor(n ?? fallback));

export function buildPlan(doc: Y.Doc, options: BuildPlanOptions = {}, origin?: unknown): BuiltPlan {
	const built: BuiltPlan = { principles: [], fields: [], goals: [], measures: [] };
	doc.transact(() => {
		if (readMeta(doc).title === '') {
			const title = options.title ?? 'Testplan';
			must(initPlan(doc, { title, municipality: options.municipality ?? 'Musterstadt' }, origin));
		}
		for (let p = 0; p < count(options.principles, 3); p++) {
			const src = EXAMPLE_PRINCIPLES[p % EXAMPLE_PRINCIPLES.length];
			const values = { ...src, title: `${src.title} ${p + 1}` };
			built.principles.push(must(createItem(doc, { type: 'principle', values }, origin)));
		}
		for (let f = 0; f < count(options.fields, 3); f++) {
			const { goals: _g, ...src } = FIELDS[f % FIELDS.length];
			const values = { ...src, title: `${src.title} ${f + 1}` };
			const fieldId = must(createItem(doc, { type: 'field', values }, origin));
			built.fields.push(fieldId);
			for (let g = 0; g < count(options.goalsPerField, 2); g++) {
				const { measures: _m, principles, ...goalSrc } = GOALS[built.goals.length % GOALS.length];
				const principleIds = principles
					.map((i) => built.principles[i])
					.filter((id): id is string => id !== undefined);
				const goalValues = { ...goalSrc, title: `${goalSrc.title} ${g + 1}`, principleIds };
				const goalId = must(
					createItem(doc, { type: 'goal', parentId: fieldId, values: goalValues }, origin)
				);
				built.goals.push(goalId);
				for (let m = 0; m < count(options.measuresPerGoal, 3); m++) {
					const src = MEASURES[built.measures.length % MEASURES.length];
					const values = { ...src, title: `${src.title} ${m + 1}` };
					built.measures.push(
						must(createItem(doc, { type: 'measure', parentId: goalId, values }, origin))
					);
				}
			}
		}
	}, origin);
	return built;
}

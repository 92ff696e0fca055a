/**
 * The "Beispielplan" seeded on first start, so that a new installation shows what a finished
 * plan looks like (content: see example-data.ts), and `buildPlan`, a factory for tests and
 * benchmarks. Both build through the public mutators, so the result is valid by construction.
 */
import type * as Y from 'yjs';
import { err, ok, type Result } from './errors';
import { EXAMPLE_MUNICIPALITY, EXAMPLE_PRINCIPLES, EXAMPLE_TITLE } from './example-data';
import { EXAMPLE_FIELDS_A } from './example-fields-a';
import { EXAMPLE_FIELDS_B } from './example-fields-b';
import { initPlan, setMeta } from './meta';
import { createItem } from './plan';

export { buildPlan, type BuildPlanOptions, type BuiltPlan } from './factory';
export { EXAMPLE_MUNICIPALITY, EXAMPLE_TITLE } from './example-data';

export const EXAMPLE_FIELDS = [...EXAMPLE_FIELDS_A, ...EXAMPLE_FIELDS_B];

/**
 * Fill an empty doc with the example plan in one transaction (one update, one undo step).
 * Refused with 'already_initialized' if the doc already holds a plan.
 */
export function buildExamplePlan(doc: Y.Doc, origin?: unknown): Result<void> {
	let result: Result<void> = ok();
	doc.transact(() => {
		result = fill(doc, origin);
	}, origin);
	return result;
}

function fill(doc: Y.Doc, origin: unknown): Result<void> {
	const init = initPlan(doc, { title: EXAMPLE_TITLE, municipality: EXAMPLE_MUNICIPALITY }, origin);
	if (!init.ok) return init;
	const status = setMeta(doc, { status: 'in_beratung' }, origin);
	if (!status.ok) return status;
	const principleIds: string[] = [];
	for (const values of EXAMPLE_PRINCIPLES) {
		const r = createItem(doc, { type: 'principle', values }, origin);
		if (!r.ok) return r;
		principleIds.push(r.value);
	}
	for (const { goals, ...fieldValues } of EXAMPLE_FIELDS) {
		const field = createItem(doc, { type: 'field', values: fieldValues }, origin);
		if (!field.ok) return field;
		for (const { measures, principles, ...goalValues } of goals) {
			const values = { ...goalValues, principleIds: principles.map((i) => principleIds[i]) };
			const goal = createItem(doc, { type: 'goal', parentId: field.value, values }, origin);
			if (!goal.ok) return goal;
			for (const m of measures) {
				const r = createItem(doc, { type: 'measure', parentId: goal.value, values: m }, origin);
				if (!r.ok) return err(r.error.code, `${m.title}: ${r.error.message}`, r.error.field);
			}
		}
	}
	return ok();
}

/**
 * Adapter: fill an existing, empty plan with the example content. The domain's
 * buildExamplePlan() only initialises a brand-new doc (it refuses a doc that already has a
 * title), so we build the example in a scratch doc and copy its items through createItem.
 */
import * as Y from 'yjs';
import {
	TEXT_FIELDS,
	buildExamplePlan,
	createItem,
	readPlan,
	type ItemType,
	type PlanJson,
	type Result
} from '$lib/domain';

function values(type: ItemType, item: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const f of TEXT_FIELDS[type]) out[f] = item[f];
	if (type === 'field') out.phase = item.phase;
	if (type === 'measure') {
		for (const f of ['startDate', 'endDate', 'priority', 'status']) out[f] = item[f];
	}
	return out;
}

/** Copy all items of `plan` into `doc` (one transaction). */
export function importPlanContent(doc: Y.Doc, plan: PlanJson, origin?: unknown): Result<void> {
	let failure: Result<void> | null = null;
	doc.transact(() => {
		const principleIds = new Map<string, string>();
		const create = (type: ItemType, item: object, parentId: string | null, extra = {}) => {
			if (failure) return null;
			const r = createItem(
				doc,
				{ type, parentId, values: { ...values(type, item as Record<string, unknown>), ...extra } },
				origin
			);
			if (!r.ok) {
				failure = r;
				return null;
			}
			return r.value;
		};
		for (const p of plan.principles) {
			const id = create('principle', p, null);
			if (id) principleIds.set(p.id, id);
		}
		for (const field of plan.fields) {
			const fieldId = create('field', field, null);
			if (!fieldId) continue;
			for (const goal of field.goals) {
				const links = goal.principleIds
					.map((pid) => principleIds.get(pid))
					.filter((pid): pid is string => !!pid);
				const goalId = create('goal', goal, fieldId, { principleIds: links });
				if (!goalId) continue;
				for (const measure of goal.measures) create('measure', measure, goalId);
			}
		}
	}, origin);
	return failure ?? { ok: true, value: undefined };
}

const REQUEST_KEY = (planId: string) => `mitplan.example.${planId}`;

/** Ask the board to fill the (new, empty) plan `planId` with the example content once opened. */
export function requestExampleContent(planId: string): void {
	try {
		sessionStorage.setItem(REQUEST_KEY(planId), '1');
	} catch {
		// storage unavailable: the plan simply stays empty
	}
}

/** Was example content requested for `planId`? Clears the request. */
export function takeExampleRequest(planId: string): boolean {
	try {
		const requested = sessionStorage.getItem(REQUEST_KEY(planId)) === '1';
		sessionStorage.removeItem(REQUEST_KEY(planId));
		return requested;
	} catch {
		return false;
	}
}

/** Fill `doc` (an existing, empty plan) with the example Leitlinien, fields, goals, measures. */
export function importExampleContent(doc: Y.Doc, origin?: unknown): Result<void> {
	const scratch = new Y.Doc();
	const built = buildExamplePlan(scratch);
	if (!built.ok) return built;
	const result = importPlanContent(doc, readPlan(scratch, 'beispiel'), origin);
	scratch.destroy();
	return result;
}

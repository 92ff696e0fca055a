/**
 * Indicator service (issue 14, item 3): indicators per goal with baseline, target and measured
 * values, in the access KV. Validation is the domain's (src/lib/domain/indicators.ts); every
 * write re-reads the plan's goals, so an indicator of a goal deleted meanwhile takes no values.
 *
 * Keys (Redis: under `mitplan:app:`):
 *   ind:plan:<planId>   JSON   { indicators: Indicator[] } — one key per plan, changed atomically
 */
import { randomBytes } from 'node:crypto';
import type { ApiError, ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { IndicatorService } from '../../src/lib/contract/indicators';
import {
	INDICATOR_LIMITS,
	goalDeletedError,
	sortMeasurements,
	validateIndicator,
	validateMeasurement,
	type Indicator,
	type IndicatorError
} from '../../src/lib/domain/indicators';
import { isKvError, type KvStore } from '../storage/kv';
import type { Logger } from '../log';
import type { GoalsReader } from './goals';

export interface IndicatorDeps {
	kv: KvStore;
	log: Logger;
	/** Goal ids of the plan now; null if the plan does not exist. */
	readGoals: GoalsReader;
	now?: () => number;
}

export const IND_KEY = (planId: string) => `ind:plan:${planId}`;

type Fail = { ok: false; error: ApiError };
const fail = (status: number, code: string, message: string): Fail => ({
	ok: false,
	error: { status, code, message }
});
const STATUS: Record<IndicatorError['code'], number> = {
	invalid_value: 400,
	not_a_number: 400,
	invalid_date: 400,
	invalid_dates: 400,
	name_required: 400,
	text_too_long: 400,
	unknown_goal: 404,
	goal_deleted: 409,
	indicators_full: 409
};
const bad = (e: IndicatorError): Fail => fail(STATUS[e.code], e.code, e.message);
const notFound = (): Fail => ({ ok: false, error: PLAN_ERRORS.notFound() });
const indicatorNotFound = () =>
	fail(
		404,
		'indicator_not_found',
		'Diesen Indikator gibt es nicht (mehr). Vielleicht wurde er gerade gelöscht; bitte laden Sie neu.'
	);
const valueNotFound = () =>
	fail(404, 'value_not_found', 'Diesen Messwert gibt es nicht (mehr). Bitte laden Sie neu.');
const full = (message: string) => bad({ code: 'indicators_full', message });

const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString('base64url')}`;

function parse(raw: string | null): Indicator[] {
	if (!raw) return [];
	try {
		const v = JSON.parse(raw) as { indicators?: unknown };
		return Array.isArray(v.indicators)
			? (v.indicators as Indicator[]).filter(
					(i) => i && typeof i.id === 'string' && typeof i.goalId === 'string'
				)
			: [];
	} catch {
		return [];
	}
}

/** The plan's stored indicators as they are (no goal check): for readers that check goals themselves. */
export async function readIndicatorList(kv: KvStore, planId: string): Promise<Indicator[]> {
	return parse(await kv.get(IND_KEY(planId)));
}

export function createIndicatorService(deps: IndicatorDeps): IndicatorService {
	const { kv, log } = deps;
	const now = () => new Date((deps.now ?? Date.now)()).toISOString();

	async function guarded<T>(what: string, fn: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
		try {
			return await fn();
		} catch (error) {
			if (isKvError(error)) log.warn(`[indicators] ${what}: storage unavailable`, { error });
			else log.error(`[indicators] ${what} failed`, { error });
			return { ok: false, error: PLAN_ERRORS.unavailable() };
		}
	}

	/** Atomic change of the plan's list; `fn` returns the new list and the result, or a refusal. */
	function change<T>(
		planId: string,
		fn: (list: Indicator[]) => { list: Indicator[]; result: T } | Fail
	): Promise<ApiResult<T>> {
		return kv.update<ApiResult<T>>(IND_KEY(planId), (raw) => {
			const out = fn(parse(raw));
			if ('ok' in out) return { result: out };
			return {
				value: out.list.length ? JSON.stringify({ indicators: out.list }) : null,
				result: { ok: true, value: out.result }
			};
		});
	}

	/** Changes one indicator whose goal still exists. */
	function changeOne(
		planId: string,
		id: string,
		goals: ReadonlySet<string>,
		fn: (ind: Indicator) => Indicator | Fail
	) {
		return change<Indicator>(planId, (list) => {
			const at = list.findIndex((i) => i.id === id);
			if (at < 0) return indicatorNotFound();
			if (!goals.has(list[at].goalId)) return bad(goalDeletedError());
			const next = fn(list[at]);
			if ('ok' in next) return next;
			const updated = { ...next, updatedAt: now() };
			return { list: list.map((i, k) => (k === at ? updated : i)), result: updated };
		});
	}

	return {
		list: (planId) =>
			guarded('list', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				const list = parse(await kv.get(IND_KEY(planId))).filter((i) => goals.has(i.goalId));
				return { ok: true, value: list };
			}),

		create: (planId, body) =>
			guarded('create', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				const v = validateIndicator(body, (g) => goals.has(g));
				if (!v.ok) return bad(v.error);
				const at = now();
				const ind: Indicator = {
					id: newId('ind'),
					...v.value,
					values: [],
					createdAt: at,
					updatedAt: at
				};
				return change<Indicator>(planId, (list) => {
					if (list.length >= INDICATOR_LIMITS.perPlan)
						return full(`Ein Plan kann höchstens ${INDICATOR_LIMITS.perPlan} Indikatoren haben.`);
					if (list.filter((i) => i.goalId === ind.goalId).length >= INDICATOR_LIMITS.perGoal)
						return full(`Ein Ziel kann höchstens ${INDICATOR_LIMITS.perGoal} Indikatoren haben.`);
					return { list: [...list, ind], result: ind };
				});
			}),

		update: (planId, id, body) =>
			guarded('update', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				if ('goalId' in body)
					return fail(
						400,
						'invalid_value',
						'Ein Indikator bleibt bei seinem Ziel. Legen Sie beim anderen Ziel einen neuen an.'
					);
				return changeOne(planId, id, goals, (ind) => {
					const v = validateIndicator({ ...ind, ...body, goalId: ind.goalId }, (g) => goals.has(g));
					return v.ok ? { ...ind, ...v.value } : bad(v.error);
				});
			}),

		remove: (planId, id) =>
			guarded('remove', async () =>
				change<null>(planId, (list) =>
					list.some((i) => i.id === id)
						? { list: list.filter((i) => i.id !== id), result: null }
						: indicatorNotFound()
				)
			),

		addValue: (planId, id, body) =>
			guarded('add value', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				const v = validateMeasurement(body);
				if (!v.ok) return bad(v.error);
				return changeOne(planId, id, goals, (ind) =>
					ind.values.length >= INDICATOR_LIMITS.valuesPerIndicator
						? full(
								`Ein Indikator kann höchstens ${INDICATOR_LIMITS.valuesPerIndicator} Messwerte haben.`
							)
						: {
								...ind,
								values: sortMeasurements([...ind.values, { id: newId('wert'), ...v.value }])
							}
				);
			}),

		updateValue: (planId, id, valueId, body) =>
			guarded('update value', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				return changeOne(planId, id, goals, (ind) => {
					const before = ind.values.find((m) => m.id === valueId);
					if (!before) return valueNotFound();
					const v = validateMeasurement({ ...before, ...body });
					if (!v.ok) return bad(v.error);
					return {
						...ind,
						values: sortMeasurements(
							ind.values.map((m) => (m.id === valueId ? { id: valueId, ...v.value } : m))
						)
					};
				});
			}),

		removeValue: (planId, id, valueId) =>
			guarded('remove value', async () => {
				const goals = await deps.readGoals(planId);
				if (!goals) return notFound();
				return changeOne(planId, id, goals, (ind) =>
					ind.values.some((m) => m.id === valueId)
						? { ...ind, values: ind.values.filter((m) => m.id !== valueId) }
						: valueNotFound()
				);
			}),

		async forgetPlan(planId) {
			await kv.del(IND_KEY(planId));
		}
	};
}

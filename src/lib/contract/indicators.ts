/**
 * The indicators contract (issue 14, item 3): what the app calls on the indicator service
 * (server/indicators) — indicators per goal with baseline, target and measured values. Routes
 * have checked the plan role with the gate (`indicators.read` / `indicators.manage`).
 */
import type { ApiResult } from './result';
import type { Indicator, Measurement } from '../domain/indicators';

export interface IndicatorService {
	/** Every indicator of the plan whose goal still exists, by goal and creation. */
	list(planId: string): Promise<ApiResult<Indicator[]>>;
	/** `{goalId, name, unit?, baseline?: {value, date}, target?: {value, date}}`; 201. */
	create(planId: string, body: Record<string, unknown>): Promise<ApiResult<Indicator>>;
	/** Any of name, unit, baseline, target (goalId cannot change). */
	update(planId: string, id: string, body: Record<string, unknown>): Promise<ApiResult<Indicator>>;
	remove(planId: string, id: string): Promise<ApiResult<null>>;
	/** `{value, date, source?}`: a measured value; the indicator comes back. */
	addValue(
		planId: string,
		id: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Indicator>>;
	updateValue(
		planId: string,
		id: string,
		valueId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Indicator>>;
	removeValue(planId: string, id: string, valueId: string): Promise<ApiResult<Indicator>>;
	/** The plan was deleted: its indicators go with it. */
	forgetPlan(planId: string): Promise<void>;
}

export type { Indicator, Measurement };

/**
 * Implementation monitoring (Umsetzung, issue 14), part 3: derived values — progress (percent or
 * share of milestones done), overdue Sachstände and the roll-up of status counts per plan, field
 * and goal. Pure.
 */
import { IMPL_STATUSES, type Implementation, type ImplStatus } from './monitoring-status';

/** Progress 0–100 (percent, or share of milestones done), null if nothing recorded. */
export function progressOf(impl: Implementation): number | null {
	if (impl.progressMode === 'milestones') {
		if (impl.milestones.length === 0) return null;
		const done = impl.milestones.filter((m) => m.done).length;
		return Math.round((done / impl.milestones.length) * 100);
	}
	return impl.percent;
}

/** True if the next Sachstand was due before today. */
export function isOverdue(impl: Pick<Implementation, 'nextUpdateDue' | 'status'>, today: string) {
	if (impl.status === 'eingestellt' || impl.status === 'dauerhaft_etabliert') return false;
	return impl.nextUpdateDue !== '' && impl.nextUpdateDue < today;
}

export type StatusCounts = Record<ImplStatus, number>;

export interface RollUp {
	total: number;
	counts: StatusCounts;
	/** Mean progress of the measures with a recorded progress, null if none. */
	progress: number | null;
	overdue: number;
}

export interface RollUpEntry {
	measureId: string;
	goalId: string;
	fieldId: string;
	impl: Implementation;
}

function emptyRollUp(): RollUp {
	const counts = Object.fromEntries(IMPL_STATUSES.map((s) => [s, 0])) as StatusCounts;
	return { total: 0, counts, progress: null, overdue: 0 };
}

function rollInto(
	target: RollUp & { sum: number; n: number },
	impl: Implementation,
	today: string
) {
	target.total++;
	target.counts[impl.status]++;
	const p = progressOf(impl);
	if (p !== null) {
		target.sum += p;
		target.n++;
	}
	if (isOverdue(impl, today)) target.overdue++;
}

/** Status counts, mean progress and overdue updates for the plan, per field and per goal. */
export function rollUp(
	entries: readonly RollUpEntry[],
	today: string
): { plan: RollUp; fields: Record<string, RollUp>; goals: Record<string, RollUp> } {
	type Acc = RollUp & { sum: number; n: number };
	const make = (): Acc => ({ ...emptyRollUp(), sum: 0, n: 0 });
	const plan = make();
	const fields = new Map<string, Acc>();
	const goals = new Map<string, Acc>();
	for (const e of entries) {
		rollInto(plan, e.impl, today);
		if (!fields.has(e.fieldId)) fields.set(e.fieldId, make());
		rollInto(fields.get(e.fieldId)!, e.impl, today);
		if (!goals.has(e.goalId)) goals.set(e.goalId, make());
		rollInto(goals.get(e.goalId)!, e.impl, today);
	}
	const done = ({ sum, n, ...rest }: Acc): RollUp => ({
		...rest,
		progress: n === 0 ? null : Math.round(sum / n)
	});
	return {
		plan: done(plan),
		fields: Object.fromEntries([...fields].map(([k, v]) => [k, done(v)])),
		goals: Object.fromEntries([...goals].map(([k, v]) => [k, done(v)]))
	};
}

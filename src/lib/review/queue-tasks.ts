/**
 * "Meine Prüfaufgaben" as tasks: the most urgent first (overdue, then by due date); checks
 * assigned together (same plan, same due date) merge into one task; the goals and measures of a
 * task are listed in plan order (as on the board), not in the order they were assigned.
 */
import type { ReviewQueueEntry } from './types';

/** `positions[planId][itemId]`: index of the item in its plan's board order. */
export type PlanPositions = Record<string, Record<string, number>>;

export function queueTasks(
	entries: readonly ReviewQueueEntry[],
	positions: PlanPositions
): ReviewQueueEntry[] {
	const sorted = [...entries].sort(
		(a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate < b.dueDate ? -1 : 1)
	);
	const out: ReviewQueueEntry[] = [];
	const checks: Record<string, ReviewQueueEntry> = {};
	for (const e of sorted) {
		if (e.kind !== 'check') {
			out.push({ ...e, itemIds: [...e.itemIds] });
			continue;
		}
		const key = `${e.planId}|${e.dueDate}`;
		const same = checks[key];
		if (same) same.itemIds = [...same.itemIds, ...e.itemIds];
		else {
			const copy = { ...e, itemIds: [...e.itemIds] };
			checks[key] = copy;
			out.push(copy);
		}
	}
	for (const e of out) {
		const pos = positions[e.planId] ?? {};
		const at = (id: string) => pos[id] ?? Number.MAX_SAFE_INTEGER;
		e.itemIds.sort((a, b) => at(a) - at(b));
	}
	return out;
}

/**
 * What the indicator service reads from the plan document: the ids of the goals that exist now
 * (live room), or null if the plan does not exist.
 */
import { readPlan } from '../../src/lib/domain/index';
import type { RoomManager } from '../sync/rooms';

export type GoalsReader = (planId: string) => Promise<ReadonlySet<string> | null>;

export function createGoalsReader(rooms: RoomManager): GoalsReader {
	return async (planId) => {
		const room = await rooms.acquire(planId);
		if (!room) return null;
		try {
			const plan = readPlan(room.doc, planId);
			return new Set(plan.fields.flatMap((f) => f.goals.map((g) => g.id)));
		} finally {
			rooms.release(room);
		}
	};
}

/**
 * What the Zeitplan reads from the rest of the backend: the plan's title and fields (live room)
 * and the automatic entries from feedback rounds and review requests — read on every request,
 * never copied, so a changed deadline shows at once.
 */
import { readPlan } from '../../src/lib/domain/index';
import { automaticEntries } from '../../src/lib/domain/schedule-timeline';
import type { AutoEntry } from '../../src/lib/domain/schedule';
import type { FeedbackService } from '../feedback/service';
import type { ReviewService } from '../review/service';
import type { RoomManager } from '../sync/rooms';
import type { PlanFields } from './common';

export function createFieldsReader(rooms: RoomManager) {
	return async (planId: string): Promise<PlanFields | null> => {
		const room = await rooms.acquire(planId);
		if (!room) return null;
		try {
			const plan = readPlan(room.doc, planId);
			return {
				title: plan.meta.title,
				// '' = untitled: each reader words it (calendar feed, Zeitplan page)
				fields: plan.fields.map((f) => ({ id: f.id, title: f.title.trim() }))
			};
		} finally {
			rooms.release(room);
		}
	};
}

export function createAutomaticReader(deps: {
	feedback: Pick<FeedbackService, 'listRounds'>;
	review: Pick<ReviewService, 'state'>;
	timeZone: string;
}) {
	return async (planId: string): Promise<AutoEntry[]> => {
		const [rounds, review] = await Promise.all([
			deps.feedback.listRounds(planId),
			deps.review.state(planId)
		]);
		return automaticEntries(
			rounds.ok ? rounds.value : [],
			review.ok ? review.value.requests : [],
			deps.timeZone
		);
	};
}

/** Browser calls of the Zeitplan API (`/api/plans/<id>/zeitplan…`, README "JSON-API"). */
import { apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import type { FeedStatus } from '$lib/contract/schedule';
import type {
	Schedule,
	ScheduleMilestone,
	SchedulePhase,
	ScheduleView
} from '$lib/domain/schedule';

const enc = encodeURIComponent;
const base = (planId: string) => `${planApiPath(planId)}/zeitplan`;

export type PhaseBody = Omit<SchedulePhase, 'id'>;
export type MilestoneBody = Omit<ScheduleMilestone, 'id'>;

export const scheduleApi = {
	view: (planId: string, f: Fetch = fetch) => apiRequest<ScheduleView>(f, 'GET', base(planId)),
	addPhase: (planId: string, body: PhaseBody) =>
		apiRequest<SchedulePhase>(fetch, 'POST', `${base(planId)}/phases`, body),
	updatePhase: (planId: string, id: string, body: Partial<PhaseBody>) =>
		apiRequest<SchedulePhase>(fetch, 'PATCH', `${base(planId)}/phases/${enc(id)}`, body),
	deletePhase: (planId: string, id: string) =>
		apiRequest<void>(fetch, 'DELETE', `${base(planId)}/phases/${enc(id)}`),
	addMilestone: (planId: string, body: MilestoneBody) =>
		apiRequest<ScheduleMilestone>(fetch, 'POST', `${base(planId)}/milestones`, body),
	updateMilestone: (planId: string, id: string, body: Partial<MilestoneBody>) =>
		apiRequest<ScheduleMilestone>(fetch, 'PATCH', `${base(planId)}/milestones/${enc(id)}`, body),
	deleteMilestone: (planId: string, id: string) =>
		apiRequest<void>(fetch, 'DELETE', `${base(planId)}/milestones/${enc(id)}`),
	applyDefault: (planId: string, start: string, meetingsPerField: 2 | 3) =>
		apiRequest<Schedule>(fetch, 'POST', `${base(planId)}/default`, { start, meetingsPerField }),
	feedStatus: (planId: string, f: Fetch = fetch) =>
		apiRequest<FeedStatus>(f, 'GET', `${base(planId)}/feed`),
	createFeed: (planId: string) =>
		apiRequest<FeedStatus & { url: string }>(fetch, 'POST', `${base(planId)}/feed`),
	revokeFeed: (planId: string) => apiRequest<void>(fetch, 'DELETE', `${base(planId)}/feed`)
};

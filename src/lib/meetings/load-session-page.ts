/**
 * The loader shared by a session's page and its projector view (issue 13): the session with live
 * state and attendance, and the titles of the plan's fields, goals and measures by id.
 */
import type { MeetingView } from '$lib/contract/meetings';
import type { PlanJson } from '$lib/domain/types';
import { apiRequest, planApiPath, type Fetch } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { meetingsApi } from './api';
import { m as msg } from '$lib/i18n';

/** A field, goal or measure: `type` to filter by, `kind` its label in the interface language. */
export interface SessionItem {
	id: string;
	title: string;
	type: 'field' | 'goal' | 'measure';
	kind: string;
}

export interface SessionPageData {
	planId: string;
	sessionId: string;
	title: string;
	view: MeetingView | null;
	error: { status: number; message: string } | null;
	/** Titles of fields, goals and measures (for "Alle zu mir" and the projector). */
	items: SessionItem[];
}

export async function loadSessionPage(
	fetch: Fetch,
	params: { planId: string; sessionId: string }
): Promise<SessionPageData> {
	const planId = requirePlanId(params.planId);
	const [view, plan] = await Promise.all([
		meetingsApi.view(planId, params.sessionId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	const items: SessionPageData['items'] = [];
	if (plan.ok)
		for (const f of plan.value.fields) {
			items.push({
				id: f.id,
				title: f.title || msg.meetings_untitled(),
				type: 'field',
				kind: msg.board_type_field()
			});
			for (const g of f.goals) {
				items.push({
					id: g.id,
					title: g.title || msg.meetings_untitled(),
					type: 'goal',
					kind: msg.board_type_goal()
				});
				for (const m of g.measures)
					items.push({
						id: m.id,
						title: m.title || msg.meetings_untitled(),
						type: 'measure',
						kind: msg.board_type_measure()
					});
			}
		}
	return {
		planId,
		sessionId: params.sessionId,
		title: plan.ok ? plan.value.meta.title : '',
		view: view.ok ? view.value : null,
		error: view.ok ? null : { status: view.error.status, message: view.error.message },
		items
	};
}

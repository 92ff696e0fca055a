import type { MeetingView } from '$lib/contract/meetings';
import type { PlanJson } from '$lib/domain/types';
import { apiRequest, planApiPath } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { meetingsApi } from '$lib/meetings/api';
import type { PageLoad } from './$types';

/** The projector view of one session (issue 13): the same data as the session page. */
export interface BeamerPageData {
	planId: string;
	sessionId: string;
	title: string;
	view: MeetingView | null;
	error: { status: number; message: string } | null;
	/** Titles of fields, goals and measures (for "Alle zu mir" and the projector). */
	items: Array<{ id: string; title: string; kind: string }>;
}

export const load: PageLoad = async ({ fetch, params }): Promise<BeamerPageData> => {
	const planId = requirePlanId(params.planId);
	const [view, plan] = await Promise.all([
		meetingsApi.view(planId, params.sessionId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	const items: BeamerPageData['items'] = [];
	if (plan.ok)
		for (const f of plan.value.fields) {
			items.push({ id: f.id, title: f.title || 'Ohne Titel', kind: 'Handlungsfeld' });
			for (const g of f.goals) {
				items.push({ id: g.id, title: g.title || 'Ohne Titel', kind: 'Ziel' });
				for (const m of g.measures)
					items.push({ id: m.id, title: m.title || 'Ohne Titel', kind: 'Maßnahme' });
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
};

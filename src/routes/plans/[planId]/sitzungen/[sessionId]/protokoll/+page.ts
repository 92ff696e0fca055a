import type { ProtocolView } from '$lib/contract/minutes';
import type { PlanJson } from '$lib/domain/types';
import { apiRequest, planApiPath } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { minutesApi } from '$lib/meetings/minutes/api';
import type { PageLoad } from './$types';

/** The Sitzungsprotokoll of one session (issue 13, item 7): the protocol model and what I may do. */
export interface ProtokollPageData {
	planId: string;
	sessionId: string;
	title: string;
	view: ProtocolView | null;
	error: { status: number; message: string } | null;
}

export const load: PageLoad = async ({ fetch, params }): Promise<ProtokollPageData> => {
	const planId = requirePlanId(params.planId);
	const [view, plan] = await Promise.all([
		minutesApi.view(planId, params.sessionId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	return {
		planId,
		sessionId: params.sessionId,
		title: plan.ok ? plan.value.meta.title : '',
		view: view.ok ? view.value : null,
		error: view.ok ? null : { status: view.error.status, message: view.error.message }
	};
};

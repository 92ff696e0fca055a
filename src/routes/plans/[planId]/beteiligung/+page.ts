import type { PlanRole } from '$lib/contract/roles';
import { apiRequest, planApiPath } from '$lib/components/api';
import { ownerGate, requirePlanId, type PageDenied } from '$lib/components/plan-page';
import type { PlanJson } from '$lib/domain';
import { feedbackApi } from '$lib/feedback/api';
import type { RoundView } from '$lib/feedback/types';
import type { PageLoad } from './$types';

/** Feedback rounds of a plan: only for its owners (the API answers 403/404 anyway). */
interface FeedbackPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	denied: PageDenied | null;
	loadError: string | null;
	rounds: RoundView[];
	plan: PlanJson | null;
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<FeedbackPageData> => {
	depends('app:feedback');
	const planId = requirePlanId(params.planId);
	const gate = await ownerGate(planId, fetch);
	const base = { planId, ...gate, rounds: [], plan: null };
	if (gate.denied) return base;
	const [rounds, plan] = await Promise.all([
		feedbackApi.listRounds(planId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	const failed = [rounds, plan].find((r) => !r.ok);
	return {
		...base,
		loadError: failed && !failed.ok ? failed.error.message : null,
		rounds: rounds.ok ? rounds.value : [],
		plan: plan.ok ? plan.value : null
	};
};

import { error } from '@sveltejs/kit';
import type { PlanRole } from '$lib/auth/roles';
import { api, apiRequest, planApiPath } from '$lib/components/api';
import { isValidPlanId, type PlanJson } from '$lib/domain';
import { feedbackApi } from '$lib/feedback/api';
import type { RoundView } from '$lib/feedback/types';
import type { PageLoad } from './$types';

/** Feedback rounds of a plan: only for its owners (the API answers 403/404 anyway). */
interface FeedbackPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	denied: 'not_found' | 'forbidden' | 'error' | null;
	loadError: string | null;
	rounds: RoundView[];
	plan: PlanJson | null;
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<FeedbackPageData> => {
	depends('app:feedback');
	const planId = params.planId;
	if (!isValidPlanId(planId)) error(404, { message: 'Diese Plan-Adresse ist ungültig.' });
	const [access, title] = await Promise.all([
		api.access(planId, fetch),
		api.planTitle(planId, fetch)
	]);
	const base = { planId, title: title.ok ? title.value : '', rounds: [], plan: null };
	if (!access.ok) {
		return {
			...base,
			role: null,
			denied: access.error.status === 404 ? 'not_found' : 'error',
			loadError: access.error.status === 404 ? null : access.error.message
		};
	}
	if (access.value.role !== 'owner') {
		return { ...base, role: access.value.role, denied: 'forbidden', loadError: null };
	}
	const [rounds, plan] = await Promise.all([
		feedbackApi.listRounds(planId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	const failed = [rounds, plan].find((r) => !r.ok);
	return {
		...base,
		role: access.value.role,
		denied: null,
		loadError: failed && !failed.ok ? failed.error.message : null,
		rounds: rounds.ok ? rounds.value : [],
		plan: plan.ok ? plan.value : null
	};
};

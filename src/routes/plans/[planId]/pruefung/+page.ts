import type { PlanRole } from '$lib/contract/roles';
import { api, apiRequest, planApiPath } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import type { PlanJson } from '$lib/domain';
import type { PageLoad } from './$types';

/**
 * "Prüfung & Review" of a plan: the owner requests core-group reviews and assigns administrative
 * checks. The review state itself is loaded (and kept live) in the browser.
 */
export const ssr = false;

interface ReviewPageData {
	planId: string;
	role: PlanRole | null;
	plan: PlanJson | null;
	denied: 'not_found' | 'error' | null;
	loadError: string | null;
}

export const load: PageLoad = async ({ fetch, params }): Promise<ReviewPageData> => {
	const planId = params.planId;
	requirePlanId(planId);
	const [access, plan] = await Promise.all([
		api.access(planId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId))
	]);
	if (!access.ok) {
		return {
			planId,
			role: null,
			plan: null,
			denied: access.error.status === 404 ? 'not_found' : 'error',
			loadError: access.error.message
		};
	}
	return {
		planId,
		role: access.value.role,
		plan: plan.ok ? plan.value : null,
		denied: plan.ok ? null : 'error',
		loadError: plan.ok ? null : plan.error.message
	};
};

import type { PlanRole } from '$lib/contract/roles';
import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import type { PageLoad } from './$types';

/**
 * Übersetzungen (issue 15): the role is loaded here; the plan itself comes through the sync
 * client in the page (the overview is computed on load and again on every change).
 */
export const ssr = false;

export interface TranslationsPageData {
	planId: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
}

export const load: PageLoad = async ({ fetch, params }): Promise<TranslationsPageData> => {
	const planId = requirePlanId(params.planId);
	const access = await api.access(planId, fetch);
	if (!access.ok) {
		return {
			planId,
			role: null,
			notFound: access.error.status === 404,
			loadError: access.error.message
		};
	}
	return { planId, role: access.value.role, notFound: false, loadError: null };
};

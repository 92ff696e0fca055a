import { livePlanRole, requirePlanId, type LivePlanRole } from '$lib/components/plan-page';
import { reviewApi } from '$lib/review/api';
import type { PageLoad } from './$types';

/**
 * "Vollständigkeit" of a plan (issue 16): the role and the measures with an administrative
 * verdict are loaded here; the plan itself comes live through the sync client in the page.
 */
export const ssr = false;

export interface CompletenessPageData extends LivePlanRole {
	/** Measure ids with a recorded verdict; null if the review state could not be loaded. */
	verdicts: string[] | null;
}

export const load: PageLoad = async ({ fetch, params }): Promise<CompletenessPageData> => {
	const [live, review] = await Promise.all([
		livePlanRole(params.planId, fetch),
		reviewApi.state(requirePlanId(params.planId), fetch)
	]);
	return {
		...live,
		verdicts:
			live.role !== null && review.ok
				? review.value.checks.filter((c) => c.verdict !== null).map((c) => c.measureId)
				: null
	};
};

import type { PlanRole } from '$lib/contract/roles';
import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { reviewApi } from '$lib/review/api';
import type { PageLoad } from './$types';

/**
 * "Vollständigkeit" of a plan (issue 16): the role and the measures with an administrative
 * verdict are loaded here; the plan itself comes live through the sync client in the page.
 */
export const ssr = false;

export interface CompletenessPageData {
	planId: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
	/** Measure ids with a recorded verdict; null if the review state could not be loaded. */
	verdicts: string[] | null;
}

export const load: PageLoad = async ({ fetch, params }): Promise<CompletenessPageData> => {
	const planId = requirePlanId(params.planId);
	const [access, review] = await Promise.all([
		api.access(planId, fetch),
		reviewApi.state(planId, fetch)
	]);
	if (!access.ok) {
		return {
			planId,
			role: null,
			notFound: access.error.status === 404,
			loadError: access.error.message,
			verdicts: null
		};
	}
	return {
		planId,
		role: access.value.role,
		notFound: false,
		loadError: null,
		verdicts: review.ok
			? review.value.checks.filter((c) => c.verdict !== null).map((c) => c.measureId)
			: null
	};
};

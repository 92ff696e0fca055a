import type { PlanRole } from '$lib/contract/roles';
import type { MonitoringOverview } from '$lib/contract/monitoring';
import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { monitoringApi } from '$lib/monitoring/api';
import { withTitles } from '$lib/monitoring/labels';
import type { PageLoad } from './$types';

/** Umsetzung dashboard of a plan (issue 14): role, title and the overview with roll-up. */
export interface UmsetzungPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
	overview: MonitoringOverview | null;
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<UmsetzungPageData> => {
	depends('app:umsetzung');
	const planId = requirePlanId(params.planId);
	const [access, title, overview] = await Promise.all([
		api.access(planId, fetch),
		api.planTitle(planId, fetch),
		monitoringApi.overview(planId, fetch)
	]);
	const notFound = !access.ok && access.error.status === 404;
	const failed = [access, overview].find((r) => !r.ok);
	return {
		planId,
		title: title.ok ? title.value : '',
		role: access.ok ? access.value.role : null,
		notFound,
		loadError: !notFound && failed && !failed.ok ? failed.error.message : null,
		overview: overview.ok ? withTitles(overview.value) : null
	};
};

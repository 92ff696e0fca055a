import { livePlanRole, type LivePlanRole } from '$lib/components/plan-page';
import type { PageLoad } from './$types';

/**
 * "Zeitleiste der Maßnahmen" of a plan (issue 16): only the role is loaded here; the plan itself
 * comes live through the sync client in the page.
 */
export const ssr = false;

export type TimelinePageData = LivePlanRole;

export const load: PageLoad = ({ fetch, params }): Promise<TimelinePageData> =>
	livePlanRole(params.planId, fetch);

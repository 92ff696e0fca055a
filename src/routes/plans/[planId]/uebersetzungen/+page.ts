import { livePlanRole, type LivePlanRole } from '$lib/components/plan-page';
import type { PageLoad } from './$types';

/**
 * Übersetzungen (issue 15): the role is loaded here; the plan itself comes through the sync
 * client in the page (the overview is computed on load and again on every change).
 */
export const ssr = false;

export type TranslationsPageData = LivePlanRole;

export const load: PageLoad = ({ fetch, params }): Promise<TranslationsPageData> =>
	livePlanRole(params.planId, fetch);

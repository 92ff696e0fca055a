import type { PlanRole } from '$lib/contract/roles';
import type { FeedStatus } from '$lib/contract/schedule';
import type { ScheduleView } from '$lib/domain/schedule';
import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { scheduleApi } from '$lib/schedule/api';
import type { PageLoad } from './$types';

/** Zeitplan of a plan (issue 16): role, title, the schedule with automatic entries, own feed. */
export interface ZeitplanPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
	view: ScheduleView | null;
	feed: FeedStatus | null;
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<ZeitplanPageData> => {
	depends('app:zeitplan');
	const planId = requirePlanId(params.planId);
	const [access, title, view, feed] = await Promise.all([
		api.access(planId, fetch),
		api.planTitle(planId, fetch),
		scheduleApi.view(planId, fetch),
		scheduleApi.feedStatus(planId, fetch)
	]);
	const notFound = !access.ok && access.error.status === 404;
	const failed = [access, view].find((r) => !r.ok);
	return {
		planId,
		title: title.ok ? title.value : '',
		role: access.ok ? access.value.role : null,
		notFound,
		loadError: !notFound && failed && !failed.ok ? failed.error.message : null,
		view: view.ok ? view.value : null,
		feed: feed.ok ? feed.value : null
	};
};

import type { PlanRole } from '$lib/contract/roles';
import type { VoteForMe, VoteView } from '$lib/contract/votes';
import type { PlanJson } from '$lib/domain/types';
import { api, apiRequest, planApiPath } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { meetingsApi } from '$lib/meetings/api';
import { votesApi } from '$lib/votes/api';
import type { PageLoad } from './$types';

/** Abstimmungen (issue 13, item 6): role, plan (for choosing measures), the votes, the chosen one. */
export interface VotesPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
	plan: PlanJson | null;
	votes: VoteView[];
	/** The vote shown (`?abstimmung=<id>`, else the newest open one, else the newest). */
	current: VoteForMe | null;
	/** Running sessions (a new vote belongs to the first by default). */
	sessions: Array<{ id: string; title: string }>;
}

export const load: PageLoad = async ({ fetch, params, url, depends }): Promise<VotesPageData> => {
	depends('app:votes');
	const planId = requirePlanId(params.planId);
	const [access, plan, list, meetings] = await Promise.all([
		api.access(planId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId)),
		votesApi.list(planId, fetch),
		meetingsApi.list(planId, fetch)
	]);
	const notFound = !access.ok && access.error.status === 404;
	const failed = [access, plan, list].find((r) => !r.ok);
	const votes = list.ok ? list.value : [];
	const wanted = url.searchParams.get('abstimmung');
	const pick =
		votes.find((v) => v.id === wanted) ?? votes.find((v) => v.status === 'open') ?? votes[0];
	const current = pick ? await votesApi.get(planId, pick.id, fetch) : null;
	return {
		planId,
		title: plan.ok ? plan.value.meta.title : '',
		role: access.ok ? access.value.role : null,
		notFound,
		loadError: !notFound && failed && !failed.ok ? failed.error.message : null,
		plan: plan.ok ? plan.value : null,
		votes,
		current: current?.ok ? current.value : null,
		sessions: meetings.ok
			? meetings.value
					.filter((x) => x.status === 'laufend')
					.map((x) => ({ id: x.id, title: x.title }))
			: []
	};
};

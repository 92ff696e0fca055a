import type { PlanRole } from '$lib/contract/roles';
import type { Member } from '$lib/contract/access';
import type { Meeting } from '$lib/contract/meetings';
import type { PlanJson } from '$lib/domain/types';
import { api, apiRequest, planApiPath } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { allows } from '$lib/contract/policy';
import { meetingsApi } from '$lib/meetings/api';
import { m } from '$lib/i18n';
import type { PageLoad } from './$types';

/** Sitzungen of a plan (issue 13): role, title, fields, the sessions; owners also the members. */
export interface SitzungenPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	notFound: boolean;
	loadError: string | null;
	meetings: Meeting[];
	fields: Array<{ id: string; title: string }>;
	/** Members who may be named Moderation (owners only see this). */
	editors: Array<Pick<Member, 'userId' | 'name'>>;
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<SitzungenPageData> => {
	depends('app:sitzungen');
	const planId = requirePlanId(params.planId);
	const [access, plan, meetings] = await Promise.all([
		api.access(planId, fetch),
		apiRequest<PlanJson>(fetch, 'GET', planApiPath(planId)),
		meetingsApi.list(planId, fetch)
	]);
	const role = access.ok ? access.value.role : null;
	const members = allows(role, 'meeting.manage') ? await api.listMembers(planId, fetch) : null;
	const notFound = !access.ok && access.error.status === 404;
	const failed = [access, meetings].find((r) => !r.ok);
	return {
		planId,
		title: plan.ok ? plan.value.meta.title : '',
		role,
		notFound,
		loadError: !notFound && failed && !failed.ok ? failed.error.message : null,
		meetings: meetings.ok ? meetings.value : [],
		fields: plan.ok
			? plan.value.fields.map((f) => ({ id: f.id, title: f.title || m.meetings_untitled() }))
			: [],
		editors:
			members?.ok === true
				? members.value
						.filter((m) => !m.invited && allows(m.role, 'plan.edit'))
						.map((m) => ({ userId: m.userId, name: m.name }))
				: []
	};
};

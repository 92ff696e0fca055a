import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { versionsApi } from '$lib/versions/api';
import type { VersionWithPlan } from '$lib/versions/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({
	fetch,
	params
}): Promise<{
	planId: string;
	title: string;
	version: VersionWithPlan | null;
	loadError: { status: number; message: string } | null;
}> => {
	const { planId, versionId } = params;
	requirePlanId(planId);
	const [title, version] = await Promise.all([
		api.planTitle(planId, fetch),
		versionsApi.get(planId, versionId, fetch)
	]);
	return {
		planId,
		title: title.ok ? title.value : '',
		version: version.ok ? version.value : null,
		loadError: version.ok ? null : { status: version.error.status, message: version.error.message }
	};
};

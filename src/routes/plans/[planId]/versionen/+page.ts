import type { PlanRole } from '$lib/contract/roles';
import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { versionsApi } from '$lib/versions/api';
import type { VersionMeta } from '$lib/versions/types';
import type { PageLoad } from './$types';

export interface VersionsPageData {
	planId: string;
	title: string;
	role: PlanRole | null;
	/** No such plan / no access (the API answers 404 for both). */
	notFound: boolean;
	loadError: string | null;
	versions: VersionMeta[];
}

export const load: PageLoad = async ({ fetch, params, depends }): Promise<VersionsPageData> => {
	depends('app:versions');
	const planId = params.planId;
	requirePlanId(planId);
	const [access, title, versions] = await Promise.all([
		api.access(planId, fetch),
		api.planTitle(planId, fetch),
		versionsApi.list(planId, fetch)
	]);
	const notFound = !access.ok && access.error.status === 404;
	const failed = [access, versions].find((r) => !r.ok);
	return {
		planId,
		title: title.ok ? title.value : '',
		role: access.ok ? access.value.role : null,
		notFound,
		loadError: !notFound && failed && !failed.ok ? failed.error.message : null,
		versions: versions.ok ? versions.value : []
	};
};

import { api } from '$lib/components/api';
import { requirePlanId } from '$lib/components/plan-page';
import { versionsApi } from '$lib/versions/api';
import type { CompareResult, VersionMeta } from '$lib/versions/types';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({
	fetch,
	params,
	url
}): Promise<{
	planId: string;
	title: string;
	from: string;
	to: string;
	versions: VersionMeta[];
	result: CompareResult | null;
	loadError: string | null;
}> => {
	const { planId } = params;
	requirePlanId(planId);
	const from = url.searchParams.get('von') ?? '';
	const to = url.searchParams.get('bis') ?? 'current';
	const [title, versions, result] = await Promise.all([
		api.planTitle(planId, fetch),
		versionsApi.list(planId, fetch),
		from ? versionsApi.compare(planId, from, to, fetch) : Promise.resolve(null)
	]);
	return {
		planId,
		title: title.ok ? title.value : '',
		from,
		to,
		versions: versions.ok ? versions.value : [],
		result: result?.ok ? result.value : null,
		loadError:
			result && !result.ok ? result.error.message : versions.ok ? null : versions.error.message
	};
};

/** Browser calls of the Fortschreibung API (/api/plans/<id>/fortschreibung, docs/api.md). */
import {
	apiRequest,
	planApiPath,
	type Fetch,
	type PlanListEntry,
	apiList
} from '$lib/components/api';
import type { EditionsView } from '$lib/contract/editions';

const path = (planId: string) => `${planApiPath(planId)}/fortschreibung`;

/** One read per plan and page load: every detail panel of the board asks the same. */
const cache = new Map<string, ReturnType<typeof load>>();
const load = (planId: string, f: Fetch) => apiRequest<EditionsView>(f, 'GET', path(planId));

export const editionsApi = {
	view: (planId: string, f: Fetch = fetch) => load(planId, f),
	viewCached(planId: string, f: Fetch = fetch) {
		let p = cache.get(planId);
		if (!p) {
			p = load(planId, f);
			cache.set(planId, p);
			p.then((r) => !r.ok && cache.delete(planId));
		}
		return p;
	},
	/** The plan's status from the (small) plan list, null if unknown. */
	async status(planId: string, f: Fetch = fetch) {
		const r = await apiList<PlanListEntry>(f, '/api/plans');
		return r.ok ? (r.value.find((p) => p.id === planId)?.status ?? null) : null;
	},
	start: (planId: string, f: Fetch = fetch) => apiRequest<PlanListEntry>(f, 'POST', path(planId))
};

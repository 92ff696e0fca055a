import { apiRequest, planApiPath } from '$lib/components/api';
import type { PlanJson } from '$lib/domain';
import { typeLabel } from '$lib/board/labels';
import { displayTitle } from '$lib/board/plan-index';
import { quoteUi } from '$lib/feedback/public-labels';
import { reviewApi } from '$lib/review/api';
import type { ReviewQueueEntry } from '$lib/review/types';
import type { PageLoad } from './$types';

/** "Meine Prüfaufgaben": my open reviews and checks across plans, with the items' titles. */
export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:review-queue');
	const queue = await reviewApi.queue(fetch);
	if (!queue.ok)
		return {
			entries: [] as ReviewQueueEntry[],
			titles: {},
			positions: {},
			loadError: queue.error.message
		};
	const titles: Record<string, Record<string, string>> = {};
	/** Position of each goal and measure in its plan (board order), to list items in plan order. */
	const positions: Record<string, Record<string, number>> = {};
	const planIds = [...new Set(queue.value.map((e) => e.planId))];
	await Promise.all(
		planIds.map(async (id) => {
			const plan = await apiRequest<PlanJson>(fetch, 'GET', planApiPath(id));
			if (!plan.ok) return;
			const map: Record<string, string> = {};
			const pos: Record<string, number> = {};
			for (const f of plan.value.fields)
				for (const g of f.goals) {
					map[g.id] = `${typeLabel('goal')} ${quoteUi(displayTitle(g))}`;
					pos[g.id] = Object.keys(pos).length;
					for (const x of g.measures) {
						map[x.id] = `${typeLabel('measure')} ${quoteUi(displayTitle(x))}`;
						pos[x.id] = Object.keys(pos).length;
					}
				}
			titles[id] = map;
			positions[id] = pos;
		})
	);
	return { entries: queue.value, titles, positions, loadError: null };
};

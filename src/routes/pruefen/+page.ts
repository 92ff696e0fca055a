import { apiRequest, planApiPath } from '$lib/components/api';
import type { PlanJson } from '$lib/domain';
import { reviewApi } from '$lib/review/api';
import type { ReviewQueueEntry } from '$lib/review/types';
import type { PageLoad } from './$types';

/** "Meine Prüfaufgaben": my open reviews and checks across plans, with the items' titles. */
export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:review-queue');
	const queue = await reviewApi.queue(fetch);
	if (!queue.ok)
		return { entries: [] as ReviewQueueEntry[], titles: {}, loadError: queue.error.message };
	const titles: Record<string, Record<string, string>> = {};
	const planIds = [...new Set(queue.value.map((e) => e.planId))];
	await Promise.all(
		planIds.map(async (id) => {
			const plan = await apiRequest<PlanJson>(fetch, 'GET', planApiPath(id));
			if (!plan.ok) return;
			const map: Record<string, string> = {};
			for (const f of plan.value.fields)
				for (const g of f.goals) {
					map[g.id] = `Ziel „${g.title.trim() || 'Ohne Titel'}“`;
					for (const m of g.measures) map[m.id] = `Maßnahme „${m.title.trim() || 'Ohne Titel'}“`;
				}
			titles[id] = map;
		})
	);
	return { entries: queue.value, titles, loadError: null };
};

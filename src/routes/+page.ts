import { api } from '$lib/components/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:plans');
	const result = await api.listPlans(fetch);
	return result.ok
		? { plans: result.value, error: null }
		: { plans: [], error: result.error.message };
};

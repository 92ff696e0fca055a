import { api } from '$lib/components/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, depends }) => {
	depends('app:users');
	const result = await api.listUsers(fetch);
	return result.ok
		? { users: result.value, error: null, forbidden: false }
		: { users: [], error: result.error.message, forbidden: result.error.status === 403 };
};

import { api } from '$lib/components/api';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
	const result = await api.inviteInfo(params.token, fetch);
	return result.ok
		? { token: params.token, invite: result.value, error: null }
		: { token: params.token, invite: null, error: result.error };
};

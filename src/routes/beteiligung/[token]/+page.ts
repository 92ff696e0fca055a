import { feedbackApi } from '$lib/feedback/api';
import type { PageLoad } from './$types';

/** The public page of a feedback round: no sign-in, the token is the key. */
export const load: PageLoad = async ({ fetch, params }) => {
	const result = await feedbackApi.publicRound(params.token, fetch);
	return result.ok
		? { token: params.token, round: result.value, error: null }
		: { token: params.token, round: null, error: result.error };
};

import { error } from '@sveltejs/kit';
import { isValidPlanId } from '$lib/domain';
import { m } from '$lib/i18n';
import type { PageLoad } from './$types';

// The board lives in the browser: Y.Doc, IndexedDB and the websocket.
export const ssr = false;

export const load: PageLoad = ({ params }) => {
	if (!isValidPlanId(params.planId)) {
		error(404, { message: m.notices_error_invalid_plan_id(), code: 'invalid_plan_id' });
	}
	return { planId: params.planId };
};

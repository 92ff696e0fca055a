import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/transfer – the plan as a transfer file for another installation
 * (owner; docs/plan-transfer.md), offered as a download `mitplan-<planId>.json`.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.transfer');
	if (!access.ok) return access.response;
	const result = await locals.backend.transfer.exportPlan(access.planId);
	if (!result.ok) return resultResponse(result);
	return json(result.value, {
		headers: {
			'content-disposition': `attachment; filename="mitplan-${access.planId}.json"`,
			'cache-control': 'no-store'
		}
	});
};

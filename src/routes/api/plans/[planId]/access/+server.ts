import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';

/** GET /api/plans/<planId>/access – `{role, principal}`: what the caller may do in this plan. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	return json({ role: access.role, principal: access.principal });
};

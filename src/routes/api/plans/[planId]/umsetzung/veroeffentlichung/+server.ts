import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';

/**
 * The public progress page's link (issue 14, item 6), owner only (monitoring.manage):
 * GET – the link or null; POST – publish under a new link (the old one stops working; 409
 * `not_adopted` before the council decision); DELETE – revoke (the page answers 404).
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.manage');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.monitoring.publication(access.planId));
};

export const POST: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.manage');
	if (!access.ok) return access.response;
	return resultResponse(
		await locals.backend.monitoring.publish(access.principal, access.planId),
		201
	);
};

export const DELETE: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.manage');
	if (!access.ok) return access.response;
	return resultResponse(await locals.backend.monitoring.unpublish(access.principal, access.planId));
};

import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

/**
 * GET /api/health – for load balancers and monitoring: 200 with the storage kind, instance
 * name and Mitplan's version while this instance can list plans from its store, 503 otherwise.
 */
export const GET: RequestHandler = async ({ locals }) => {
	const { storage, instanceId, version } = locals.backend.info;
	if (await locals.backend.healthy())
		return json({ status: 'ok', storage, instance: instanceId, version });
	return json({ status: 'unavailable', storage, instance: instanceId, version }, { status: 503 });
};

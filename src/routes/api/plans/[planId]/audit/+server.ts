import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { errorResponse, authorize, storageUnavailable } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/audit?limit=200&kind=security – the plan's audit log, newest first
 * (owner); `kind=security` lists only membership, role, invite and settings entries.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.audit');
	if (!access.ok) return access.response;
	const raw = url.searchParams.get('limit') ?? '200';
	const limit = Number(raw);
	if (!Number.isInteger(limit) || limit < 1 || limit > 5000) {
		return errorResponse(400, 'invalid_limit', 'limit muss eine ganze Zahl von 1 bis 5000 sein.');
	}
	const kind = url.searchParams.get('kind') === 'security' ? 'security' : 'all';
	try {
		return json(await locals.backend.access.listAudit(access.planId, limit, kind));
	} catch {
		return storageUnavailable();
	}
};

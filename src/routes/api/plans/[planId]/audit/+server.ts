import type { RequestHandler } from './$types';
import { authorize, storageUnavailable } from '$lib/server/http';
import { pageResponse, readPage } from '$lib/server/api/pagination';
import { AUDIT_PAGE } from '$lib/contract/pagination';

/**
 * GET /api/plans/<planId>/audit?limit=200&kind=security – the plan's audit log, newest first
 * (owner); `kind=security` lists only membership, role, invite and settings entries.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.audit');
	if (!access.ok) return access.response;
	const page = readPage(url, AUDIT_PAGE);
	if (!page.ok) return page.response;
	const { limit, offset } = page.page;
	const kind = url.searchParams.get('kind') === 'security' ? 'security' : 'all';
	try {
		// One more than the page: whether a next page exists (the log keeps at most 5,000 + 20,000).
		const entries = await locals.backend.access.listAudit(access.planId, offset + limit + 1, kind);
		return pageResponse(url, entries, page.page);
	} catch {
		return storageUnavailable();
	}
};

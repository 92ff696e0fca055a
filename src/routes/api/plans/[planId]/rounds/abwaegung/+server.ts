import { allows } from '$lib/contract/policy';
import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';
import { resultPage } from '$lib/server/api/pagination';

/**
 * GET /api/plans/<planId>/rounds/abwaegung[?roundId=…] – the consideration table as JSON; any
 * member (it goes to the council). Contributors' names only for the owner. Paginated.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'feedback.read');
	if (!access.ok) return access.response;
	return resultPage(
		url,
		await locals.backend.feedback.consideration(access.planId, {
			roundId: url.searchParams.get('roundId') ?? undefined,
			withNames: allows(access.role, 'feedback.read_names')
		})
	);
};

import type { RequestHandler } from './$types';
import { errorResponse, authorize, resultResponse } from '$lib/server/http';

/**
 * GET /api/plans/<planId>/compare?from=<versionId|current>&to=<versionId|current> – item-by-item
 * differences from `from` (older) to `to` (newer), texts as a redline (any member).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'plan.read');
	if (!access.ok) return access.response;
	const from = url.searchParams.get('from');
	const to = url.searchParams.get('to');
	if (!from || !to) {
		return errorResponse(
			400,
			'invalid_compare',
			'Bitte wählen Sie zwei Stände zum Vergleichen (from und to: eine Versions-ID oder „current“).'
		);
	}
	return resultResponse(await locals.backend.versions.compare(access.planId, from, to));
};

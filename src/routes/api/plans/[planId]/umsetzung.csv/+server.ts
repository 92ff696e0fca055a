import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { umsetzungCsv } from '$lib/monitoring/table';

/**
 * GET /api/plans/<planId>/umsetzung.csv – the measures with their implementation data for
 * spreadsheets (UTF-8 with BOM, `;`, CRLF, German headers, formula cells neutralised); members.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	const overview = await locals.backend.monitoring.overview(
		{ principal: access.principal, role: access.role },
		access.planId
	);
	if (!overview.ok) return resultResponse(overview);
	return new Response(umsetzungCsv(overview.value), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="umsetzung.csv"',
			'cache-control': 'no-store'
		}
	});
};

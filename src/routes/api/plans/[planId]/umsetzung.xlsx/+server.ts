import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { umsetzungXlsx } from '$lib/monitoring/xlsx';

/**
 * GET /api/plans/<planId>/umsetzung.xlsx – the same rows as the CSV as an Excel workbook (typed
 * cells, German headers, frozen header row, autofilter, text never a formula); members.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	const overview = await locals.backend.monitoring.overview(
		{ principal: access.principal, role: access.role },
		access.planId
	);
	if (!overview.ok) return resultResponse(overview);
	const body = await umsetzungXlsx(overview.value);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="umsetzung.xlsx"',
			'cache-control': 'no-store'
		}
	});
};

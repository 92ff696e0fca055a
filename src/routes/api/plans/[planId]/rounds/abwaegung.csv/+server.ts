import type { RequestHandler } from './$types';
import { requirePlanRole, resultResponse } from '$lib/server/http';
import { considerationCsv } from '$lib/feedback/csv';

/**
 * GET /api/plans/<planId>/rounds/abwaegung.csv[?roundId=…] – the consideration table for
 * spreadsheets (UTF-8 with BOM, `;`, CRLF, RFC 4180, formula cells neutralised); owner, with
 * names.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await requirePlanRole(locals, params.planId, 'owner');
	if (!access.ok) return access.response;
	const rows = await locals.backend.feedback.consideration(params.planId, {
		roundId: url.searchParams.get('roundId') ?? undefined,
		withNames: true
	});
	if (!rows.ok) return resultResponse(rows);
	return new Response(considerationCsv(rows.value, locals.backend.settings.timeZone), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="abwaegungstabelle.csv"',
			'cache-control': 'no-store'
		}
	});
};

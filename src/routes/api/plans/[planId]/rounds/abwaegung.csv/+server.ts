import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { considerationCsv } from '$lib/feedback/csv';

/**
 * GET /api/plans/<planId>/rounds/abwaegung.csv[?roundId=…] – the consideration table for
 * spreadsheets (UTF-8 with BOM, `;`, CRLF, RFC 4180, formula cells neutralised); owner, with
 * names.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'feedback.read_names');
	if (!access.ok) return access.response;
	const rows = await locals.backend.feedback.consideration(access.planId, {
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

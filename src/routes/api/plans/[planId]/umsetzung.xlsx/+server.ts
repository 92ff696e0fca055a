import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { documentLocale } from '$lib/server/protocol-language';
import { umsetzungXlsx } from '$lib/monitoring/xlsx';

/**
 * GET /api/plans/<planId>/umsetzung.xlsx[?sprache=de|en] – the same rows as the CSV as an Excel
 * workbook (typed cells, frozen header row, autofilter, text never a formula); members. Headers,
 * words and sheet name in the request's interface language unless `sprache` says otherwise (400
 * invalid_language).
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'monitoring.read');
	if (!access.ok) return access.response;
	const language = documentLocale(url, 'Tabellen');
	if (!language.ok) return language.response;
	const overview = await locals.backend.monitoring.overview(
		{ principal: access.principal, role: access.role },
		access.planId
	);
	if (!overview.ok) return resultResponse(overview);
	const body = await umsetzungXlsx(overview.value, language.locale);
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': 'attachment; filename="umsetzung.xlsx"',
			'cache-control': 'no-store'
		}
	});
};

import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { documentLocale } from '$lib/server/protocol-language';
import { umsetzungCsv } from '$lib/monitoring/table';

/**
 * GET /api/plans/<planId>/umsetzung.csv[?sprache=de|en] – the measures with their implementation
 * data for spreadsheets (UTF-8 with BOM, CRLF, formula cells neutralised); members. In the
 * request's interface language unless `sprache` says otherwise (400 invalid_language): German
 * headers, `;`, dd.mm.yyyy; English headers, `,`, yyyy-mm-dd.
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
	return new Response(umsetzungCsv(overview.value, language.locale), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="umsetzung.csv"',
			'cache-control': 'no-store'
		}
	});
};

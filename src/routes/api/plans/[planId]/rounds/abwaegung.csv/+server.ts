import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { documentLocale } from '$lib/server/protocol-language';
import { considerationCsv } from '$lib/feedback/csv';

/**
 * GET /api/plans/<planId>/rounds/abwaegung.csv[?roundId=…][&sprache=de|en] – the consideration
 * table for spreadsheets (UTF-8 with BOM, CRLF, RFC 4180, formula cells neutralised); owner, with
 * names. In the request's interface language unless `sprache` says otherwise (400
 * invalid_language): German headers and words, `;`, "21.11.2026 00:30"; English ones, `,`,
 * "2026-11-21 00:30".
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'feedback.read_names');
	if (!access.ok) return access.response;
	const language = documentLocale(url, 'Tabellen');
	if (!language.ok) return language.response;
	const rows = await locals.backend.feedback.consideration(access.planId, {
		roundId: url.searchParams.get('roundId') ?? undefined,
		withNames: true
	});
	if (!rows.ok) return resultResponse(rows);
	return new Response(
		considerationCsv(rows.value, {
			timeZone: locals.backend.settings.timeZone,
			locale: language.locale
		}),
		{
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': 'attachment; filename="abwaegungstabelle.csv"',
				'cache-control': 'no-store'
			}
		}
	);
};

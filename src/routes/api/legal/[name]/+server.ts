import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { isLegalPageName } from '$lib/contract/legal';
import { errorResponse } from '$lib/server/http';

/**
 * GET /api/legal/<impressum|datenschutz|barrierefreiheit> – a legal page (public, no session):
 * {name, title, html, configured}. The HTML is rendered and made safe on the server.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	if (!isLegalPageName(params.name))
		return errorResponse(404, 'not_found', 'Diese Seite gibt es nicht.');
	return json(locals.backend.legal[params.name], {
		headers: { 'cache-control': 'public, max-age=300' }
	});
};

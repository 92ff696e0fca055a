import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { pdfDownload, pdfFailure } from '$lib/server/plan-pdf';
import { documentLocale } from '$lib/server/protocol-language';

/**
 * GET /api/plans/<planId>/sitzungen/<id>/protokoll.pdf – the Sitzungsprotokoll as PDF (same
 * export module and typography as the plan PDF, rendered in an export worker); members. Audited.
 * Labels and generated wording in `?sprache=de|en`, else in the request's interface language.
 */
export const GET: RequestHandler = async ({ locals, params, url }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const language = documentLocale(url);
	if (!language.ok) return language.response;
	const protocol = await locals.backend.minutes.protocol(
		access.planId,
		params.sessionId,
		language.locale
	);
	if (!protocol.ok) return resultResponse(protocol);
	const result = await locals.backend.exports.render(access.principal.id, {
		protocol: protocol.value,
		options: { type: 'gesamtplan', fields: [], orientation: 'portrait', versionLabel: '' }
	});
	if (!result.ok) return pdfFailure(result.error);
	await locals.backend.access
		.audit(access.planId, access.principal, 'export', {
			type: 'sitzungsprotokoll',
			via: 'api',
			sessionId: params.sessionId,
			language: language.locale,
			bytes: result.value.bytes.byteLength
		})
		.catch(() => {});
	return pdfDownload(result.value.bytes, result.value.fileName);
};

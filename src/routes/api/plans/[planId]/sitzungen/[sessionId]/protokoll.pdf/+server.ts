import type { RequestHandler } from './$types';
import { authorize, resultResponse } from '$lib/server/http';
import { pdfDownload, pdfFailure } from '$lib/server/plan-pdf';

/**
 * GET /api/plans/<planId>/sitzungen/<id>/protokoll.pdf – the Sitzungsprotokoll as PDF (same
 * export module and typography as the plan PDF, rendered in an export worker); members. Audited.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const access = await authorize(locals, params.planId, 'meeting.join');
	if (!access.ok) return access.response;
	const protocol = await locals.backend.minutes.protocol(access.planId, params.sessionId);
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
			bytes: result.value.bytes.byteLength
		})
		.catch(() => {});
	return pdfDownload(result.value.bytes, result.value.fileName);
};

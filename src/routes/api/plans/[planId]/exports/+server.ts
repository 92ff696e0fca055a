import type { RequestHandler } from './$types';
import { authorize } from '$lib/server/http';
import { parseBody } from '$lib/server/api/schema';
import { ROUTES } from '$lib/server/api/routes';

const TYPES = ['gesamtplan', 'handlungsfelder', 'zwischenbericht', 'steckbriefe'];

/**
 * POST /api/plans/<planId>/exports {type} – the browser made a PDF of the plan itself (from its
 * live copy): recorded in the audit log like an export through the API. 204.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const access = await authorize(locals, params.planId, 'plan.export');
	if (!access.ok) return access.response;
	const body = await parseBody(request, ROUTES.exportRecord.body, 1024);
	if (!body.ok) return body.response;
	const type = TYPES.includes(body.value.type as string)
		? (body.value.type as string)
		: 'unbekannt';
	await locals.backend.access
		.audit(access.planId, access.principal, 'export', { type, via: 'browser' })
		.catch(() => {});
	return new Response(null, { status: 204 });
};

import type { RequestHandler } from './$types';
import { errorResponse, requireAccount, resultResponse } from '$lib/server/http';

/** Largest transfer file read (the adapter's BODY_SIZE_LIMIT must allow it, see README). */
const MAX_IMPORT_BYTES = 256 * 1024 * 1024;

const tooLarge = () =>
	errorResponse(
		413,
		'transfer_file_too_large',
		'Die Datei ist zu groß für diesen Server. Die Betreiber können die Grenze mit BODY_SIZE_LIMIT erhöhen.',
		{ connection: 'close' }
	);

/**
 * POST /api/plan-import[?newId=1] – imports a transfer file (the JSON body; docs/plan-transfer.md)
 * as a new plan owned by the caller (who may create plans). Ids are kept unless `newId=1`; an
 * id that exists here is refused (409 plan_exists). 201 {id, title, remapped}.
 */
export const POST: RequestHandler = async ({ locals, request, url }) => {
	const user = await requireAccount(locals, 'plan.create');
	if (!user.ok) return user.response;
	if (Number(request.headers.get('content-length') ?? '0') > MAX_IMPORT_BYTES) return tooLarge();
	let text: string;
	try {
		text = await request.text();
	} catch {
		return tooLarge(); // adapter-node aborts bodies over BODY_SIZE_LIMIT
	}
	let body: unknown;
	try {
		body = JSON.parse(text);
	} catch {
		return errorResponse(
			400,
			'invalid_transfer_file',
			'Die Datei ist kein gültiger Mitplan-Planexport: kein lesbares JSON (abgeschnitten?).'
		);
	}
	const newId = ['1', 'true', 'ja'].includes(url.searchParams.get('newId') ?? '');
	const result = await locals.backend.transfer.importPlan(user.principal, body, { newId });
	return resultResponse(result, 201);
};

import { json } from '@sveltejs/kit';
import type { ApiResult } from './backend';

/** The JSON error shape of every API endpoint: `{ error: { code, message } }`. */
export function errorResponse(status: number, code: string, message: string): Response {
	return json({ error: { code, message } }, { status });
}

export function resultResponse<T>(result: ApiResult<T>, okStatus = 200): Response {
	if (!result.ok)
		return errorResponse(result.error.status, result.error.code, result.error.message);
	if (okStatus === 204) return new Response(null, { status: 204 });
	return json(result.value, { status: okStatus });
}

/** Reads a JSON object body; answers a clear 400 for anything else. */
export async function readJsonObject(
	request: Request
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return {
			ok: false,
			response: errorResponse(400, 'invalid_json', 'Der Inhalt ist kein gültiges JSON.')
		};
	}
	if (typeof body !== 'object' || body === null || Array.isArray(body)) {
		return {
			ok: false,
			response: errorResponse(400, 'invalid_body', 'Erwartet wird ein JSON-Objekt.')
		};
	}
	return { ok: true, value: body as Record<string, unknown> };
}

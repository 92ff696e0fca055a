import { json } from '@sveltejs/kit';
import type { Principal } from '$lib/contract/access';
import type { PlanAccess } from '$lib/contract/gate';
import type { AccountAction, PlanAction } from '$lib/contract/policy';
import { PLAN_ERRORS, type ApiError, type ApiResult } from '$lib/contract/result';
import { currentRequestLocale, errorText, type ErrorParams } from '$lib/server/error-language';

/** Largest JSON body the API reads (plan content is edited over the websocket, not here). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/**
 * The JSON error shape of every API endpoint: `{ error: { code, message } }`. `message` is the
 * German text; it is sent in the request's language (English when the request asks for `en`,
 * $lib/server/error-language), with `params` for texts that carry numbers.
 */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>,
	/** The input the message is about (ApiError.field), passed on so the form shows it there. */
	field?: string,
	params?: ErrorParams
): Response {
	const text = errorText(code, message, currentRequestLocale(), params);
	return json({ error: { code, message: text, ...(field ? { field } : {}) } }, { status, headers });
}

export function resultResponse<T>(result: ApiResult<T>, okStatus = 200): Response {
	if (!result.ok) return apiErrorResponse(result.error);
	if (okStatus === 204) return new Response(null, { status: 204 });
	return json(result.value, { status: okStatus });
}

/** 401: not signed in (GET /api/auth/me answers it for visitors). */
export const unauthenticated = () =>
	errorResponse(401, 'unauthenticated', 'Bitte melden Sie sich an.');

const apiErrorResponse = (error: ApiError) =>
	errorResponse(
		error.status,
		error.code,
		error.message,
		undefined,
		typeof error.field === 'string' ? error.field : undefined,
		error.params
	);

export const storageUnavailable = () => apiErrorResponse(PLAN_ERRORS.unavailable());

/** Reads a JSON object body of at most MAX_JSON_BODY_BYTES; answers a clear 400/413 otherwise. */
export async function readJsonObject(
	request: Request,
	maxBytes = MAX_JSON_BODY_BYTES
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
	// `connection: close`: the unread rest of the body must not be taken for the next request.
	const tooLarge = () => ({
		ok: false as const,
		response: errorResponse(
			413,
			'body_too_large',
			`Die Anfrage ist zu groß (höchstens ${Math.round(maxBytes / 1024)} KiB).`,
			{ connection: 'close' },
			undefined,
			{ max: Math.round(maxBytes / 1024) }
		)
	});
	const declared = Number(request.headers.get('content-length') ?? '0');
	if (declared > maxBytes) return tooLarge();
	let text: string;
	try {
		text = await request.text();
	} catch {
		return tooLarge(); // adapter-node aborts bodies over BODY_SIZE_LIMIT
	}
	if (Buffer.byteLength(text, 'utf8') > maxBytes) return tooLarge();
	let body: unknown;
	try {
		body = JSON.parse(text);
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

type Refused = { ok: false; response: Response };

/**
 * May the caller do this account action (ACCOUNT_POLICY in $lib/contract/policy)? The gate
 * answers; a refusal becomes its 401/403 response.
 */
async function account(locals: App.Locals, action: AccountAction) {
	const result = await locals.backend.gate.authorizeAccount(locals.principal, action);
	return result.ok ? result.value : apiErrorResponse(result.error);
}

/** The signed-in principal (account or guest), or a 401 response. */
export async function requirePrincipal(
	locals: App.Locals
): Promise<{ ok: true; principal: Principal } | Refused> {
	const who = await account(locals, 'inbox.read');
	return who instanceof Response ? { ok: false, response: who } : { ok: true, principal: who };
}

/** A signed-in account (not a guest) allowed to do `action`, or 401/403 (503: store down). */
export async function requireAccount(
	locals: App.Locals,
	action: Exclude<AccountAction, 'inbox.read'>
): Promise<{ ok: true; principal: Principal & { kind: 'user' } } | Refused> {
	const who = await account(locals, action);
	if (who instanceof Response) return { ok: false, response: who };
	return { ok: true, principal: who as Principal & { kind: 'user' } };
}

/**
 * May the caller do `action` on the plan (PLAN_POLICY in $lib/contract/policy)? The gate parses
 * the id once and answers: invalid id → 400; not signed in → 401; no role (or no such plan) →
 * 404, so plan ids cannot be probed; a lower role → 403; store down → 503.
 */
export async function authorize(
	locals: App.Locals,
	planId: string,
	action: PlanAction
): Promise<({ ok: true } & PlanAccess) | Refused> {
	const result = await locals.backend.gate.authorize(locals.principal, planId, action);
	if (!result.ok) return { ok: false, response: apiErrorResponse(result.error) };
	return { ok: true, ...result.value };
}

/** Client address for rate limits (adapter-node honours ADDRESS_HEADER / XFF_DEPTH). */
export function clientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

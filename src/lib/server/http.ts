import { json } from '@sveltejs/kit';
import type { PlanRole } from '$lib/contract/roles';
import { roleAtLeast } from '$lib/contract/roles';
import { isValidPlanId } from '$lib/domain/ids';
import type { Principal } from '../../../server/auth/types';
import { PLAN_ERRORS, type ApiError, type ApiResult } from './backend';

/** Largest JSON body the API reads (plan content is edited over the websocket, not here). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

/** The JSON error shape of every API endpoint: `{ error: { code, message } }`. */
export function errorResponse(
	status: number,
	code: string,
	message: string,
	headers?: Record<string, string>
): Response {
	return json({ error: { code, message } }, { status, headers });
}

export function resultResponse<T>(result: ApiResult<T>, okStatus = 200): Response {
	if (!result.ok)
		return errorResponse(result.error.status, result.error.code, result.error.message);
	if (okStatus === 204) return new Response(null, { status: 204 });
	return json(result.value, { status: okStatus });
}

export const unauthenticated = () =>
	errorResponse(401, 'unauthenticated', 'Bitte melden Sie sich an.');

export const forbidden = (message = 'Dafür fehlt Ihnen die Berechtigung in diesem Plan.') =>
	errorResponse(403, 'forbidden', message);

const apiErrorResponse = (error: ApiError) =>
	errorResponse(error.status, error.code, error.message);

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
			{ connection: 'close' }
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

/** The signed-in principal, or a 401 response. */
export function requirePrincipal(
	locals: App.Locals
): { ok: true; principal: Principal } | { ok: false; response: Response } {
	if (!locals.principal) return { ok: false, response: unauthenticated() };
	return { ok: true, principal: locals.principal };
}

/** A signed-in account (not a guest), or 401/403. */
export function requireUser(
	locals: App.Locals
): { ok: true; principal: Principal & { kind: 'user' } } | { ok: false; response: Response } {
	const p = locals.principal;
	if (!p) return { ok: false, response: unauthenticated() };
	if (p.kind !== 'user') {
		return { ok: false, response: forbidden('Dafür ist ein Konto nötig; Gäste können das nicht.') };
	}
	return { ok: true, principal: p };
}

/** An administrator, or 401/403. */
export function requireAdmin(
	locals: App.Locals
): { ok: true; principal: Principal & { kind: 'user' } } | { ok: false; response: Response } {
	const user = requireUser(locals);
	if (!user.ok) return user;
	if (!user.principal.isAdmin) {
		return { ok: false, response: forbidden('Nur die Administration kann Konten verwalten.') };
	}
	return user;
}

/**
 * The caller's role on a plan, if it is at least `min`. Invalid id → 400; not signed in → 401;
 * no role (or no such plan) → 404, so plan ids cannot be probed; a lower role → 403.
 */
export async function requirePlanRole(
	locals: App.Locals,
	planId: string,
	min: PlanRole
): Promise<{ ok: true; principal: Principal; role: PlanRole } | { ok: false; response: Response }> {
	if (!isValidPlanId(planId)) {
		return { ok: false, response: apiErrorResponse(PLAN_ERRORS.invalidId()) };
	}
	const who = requirePrincipal(locals);
	if (!who.ok) return who;
	let role: PlanRole | null;
	try {
		role = await locals.backend.access.roleFor(who.principal, planId);
	} catch {
		return { ok: false, response: storageUnavailable() };
	}
	if (!role) {
		return { ok: false, response: apiErrorResponse(PLAN_ERRORS.notFound()) };
	}
	if (!roleAtLeast(role, min)) {
		return {
			ok: false,
			response: forbidden(
				min === 'owner'
					? 'Das darf nur die Prozesssteuerung dieses Plans.'
					: 'Dafür fehlt Ihnen die Berechtigung in diesem Plan.'
			)
		};
	}
	return { ok: true, principal: who.principal, role };
}

/** Client address for rate limits (adapter-node honours ADDRESS_HEADER / XFF_DEPTH). */
export function clientAddress(event: { getClientAddress(): string }): string {
	try {
		return event.getClientAddress();
	} catch {
		return 'unknown';
	}
}

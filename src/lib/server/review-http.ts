/**
 * HTTP glue of the review endpoints (src/routes/api/…/threads, reviews, checks, notifications):
 * the policy check (gate), the JSON body and the answer with `Retry-After` for 429s.
 */
import type { PlanId } from '$lib/contract/ids';
import type { PlanAction } from '$lib/contract/policy';
import type { Caller, ReviewResult } from '$lib/contract/review';
import { authorize, errorResponse, readJsonObject, resultResponse } from './http';
import { parseBody, type AnySchema } from './api/schema';

export function reviewResponse<T>(result: ReviewResult<T>, okStatus = 200): Response {
	if (!result.ok && result.retryAfterSeconds) {
		return errorResponse(result.error.status, result.error.code, result.error.message, {
			'retry-after': String(result.retryAfterSeconds)
		});
	}
	return resultResponse(result, okStatus);
}

type Event = { locals: App.Locals; params: Record<string, string>; request: Request };

/**
 * Lets the gate authorise `action` on `params.planId`, reads the JSON body if `withBody` (checked
 * against `schema` when given: 400 `invalid_input` with `field`),
 * and runs `fn` with the plan id the gate parsed (never the raw parameter: the id is checked
 * once); any refusal answers with its status and German message.
 */
export async function planReviewEndpoint<T>(
	event: Event,
	action: PlanAction,
	fn: (caller: Caller, planId: PlanId, body: Record<string, unknown>) => Promise<ReviewResult<T>>,
	options: { withBody?: boolean; okStatus?: number; schema?: AnySchema } = {}
): Promise<Response> {
	const access = await authorize(event.locals, event.params.planId, action);
	if (!access.ok) return access.response;
	let body: Record<string, unknown> = {};
	if (options.schema) {
		const read = await parseBody(event.request, options.schema);
		if (!read.ok) return read.response;
		body = read.value as Record<string, unknown>;
	} else if (options.withBody) {
		const read = await readJsonObject(event.request);
		if (!read.ok) return read.response;
		body = read.value;
	}
	const result = await fn({ principal: access.principal, role: access.role }, access.planId, body);
	return reviewResponse(result, options.okStatus);
}

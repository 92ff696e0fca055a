/**
 * The access gate as the SvelteKit app calls it (implemented in server/access/gate.ts): one
 * decision per HTTP request before any route runs (Origin, session, public route table), and
 * `authorize` for each plan action of the policy table (./policy.ts). The sync websocket and
 * socket.io use the same gate on the server side.
 */
import type { GuestEndReason, Principal } from './access';
import type { PlanId } from './ids';
import type { AccountAction, PlanAction } from './policy';
import type { ApiError, ApiResult } from './result';
import type { PlanRole } from './roles';

/** What the gate needs to know of an HTTP request. */
export interface GateRequest {
	method: string;
	/** URL pathname. */
	path: string;
	/** URL search (with `?`, or empty), kept for the sign-in redirect. */
	search: string;
	origin: string | null;
	host: string | null;
	/** Value of the session cookie, if sent. */
	sessionToken: string | undefined;
	/** The `Authorization` header: `Bearer mp_…` is a personal API token (replaces the cookie). */
	authorization?: string | null;
	/** Client address (rate limit of failed API token attempts). */
	address?: string;
}

export type GateDecision =
	/** Go on with this principal (null: a public route). */
	| {
			kind: 'pass';
			principal: Principal | null;
			sessionToken?: string;
			clearCookie: boolean;
			/** A guest session that ended: why (its cookie is kept so later pages can say so). */
			guestEnded?: GuestEndReason;
	  }
	/**
	 * Answer with this error (cross-origin write 403, storage down 503, not signed in 401, bad API
	 * token 401, too many bad API tokens 429 with `error.retryAfter`).
	 */
	| { kind: 'refuse'; error: ApiError; clearCookie: boolean }
	/** Send the browser there (303). */
	| { kind: 'redirect'; location: string; clearCookie: boolean };
/* `clearCookie`: the session cookie sent is no longer valid; delete it. */

/** A granted plan action: who, with which role, on which (parsed) plan. */
export interface PlanAccess {
	principal: Principal;
	role: PlanRole;
	planId: PlanId;
}

export interface AccessGate {
	/** Authenticates one HTTP request and applies the public route table. */
	checkRequest(request: GateRequest): Promise<GateDecision>;
	/**
	 * May `principal` do `action` on the plan? 400 invalid id, 401 not signed in, 404 no role (or no
	 * such plan, so ids cannot be probed), 403 role too low, 503 storage unavailable.
	 */
	authorize(
		principal: Principal | null,
		planId: unknown,
		action: PlanAction
	): Promise<ApiResult<PlanAccess>>;
	/**
	 * May `principal` do this account action (ACCOUNT_POLICY)? 401 not signed in, 403 otherwise,
	 * 503 if the store cannot answer (only `plan.create` looks anything up).
	 */
	authorizeAccount(
		principal: Principal | null,
		action: AccountAction
	): Promise<ApiResult<Principal>>;
}

/**
 * THE ACCESS GATE: every way into Mitplan passes here. Authentication (Origin, session cookie,
 * sync token, guest session) and authorisation (principal × plan × action, by the policy table in
 * src/lib/contract/policy.ts) for HTTP requests (src/hooks.server.ts and the routes, through
 * `backend.gate`), sync websocket upgrades (server/sync/authorize.ts) and socket.io handshakes and
 * joins (server/realtime/socket-server.ts).
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AccessService, GuestEndReason, Principal } from '../../src/lib/contract/access';
import { guestEndedPath } from '../../src/lib/auth/guest-ended';
import type { AccessGate, GateDecision, PlanAccess } from '../../src/lib/contract/gate';
import { bearerToken } from '../../src/lib/contract/api-token';
import { parsePlanId, type PlanId } from '../../src/lib/contract/ids';
import {
	ACCOUNT_POLICY,
	allows,
	allowsAccount,
	minimumRole,
	type AccountAction,
	type PlanCreatorFacts,
	type PlanCreators
} from '../../src/lib/contract/policy';
import { PLAN_ERRORS, type ApiError, type ApiResult } from '../../src/lib/contract/result';
import type { PlanRole } from '../../src/lib/contract/roles';
import {
	MAX_CREDENTIAL_LENGTH,
	SESSION_COOKIE,
	isAllowedOrigin,
	isSessionTokenShaped,
	readCookie
} from './credentials';
import { isApiPath, isPublicRoute } from './routes';

export const GATE_ERRORS = {
	crossOrigin: (): ApiError => ({
		status: 403,
		code: 'cross_origin',
		message: 'Diese Anfrage kommt von einer fremden Seite und wurde abgelehnt.'
	}),
	/** The same refusal for a websocket or socket.io connection. */
	crossOriginConnection: (): ApiError => ({
		status: 403,
		code: 'cross_origin',
		message: 'Diese Verbindung kommt von einer fremden Seite und wurde abgelehnt.'
	}),
	unauthenticated: (): ApiError => ({
		status: 401,
		code: 'unauthenticated',
		message: 'Bitte melden Sie sich an.'
	}),
	forbidden: (min: PlanRole): ApiError => ({
		status: 403,
		code: 'forbidden',
		message:
			min === 'owner'
				? 'Das darf nur die Prozesssteuerung dieses Plans.'
				: 'Dafür fehlt Ihnen die Berechtigung in diesem Plan.'
	}),
	accountNeeded: (): ApiError => ({
		status: 403,
		code: 'forbidden',
		message: 'Dafür ist ein Konto nötig; Gäste können das nicht.'
	}),
	adminOnly: (): ApiError => ({
		status: 403,
		code: 'forbidden',
		message: 'Nur die Administration kann Konten verwalten.'
	}),
	planCreationDenied: (): ApiError => ({
		status: 403,
		code: 'plan_creation_not_allowed',
		message:
			'Neue Pläne legt bei dieser Installation nur ein Teil der Konten an. Bitte wenden Sie sich an die Administration oder an die Person, die Ihren Plan verwaltet.'
	}),
	/** Account management is not for personal API tokens (a person signs in for it). */
	tokenNotAllowed: (): ApiError => ({
		status: 403,
		code: 'token_not_allowed',
		message:
			'Mit einem API-Schlüssel ist das nicht möglich. Bitte melden Sie sich dafür im Browser an.'
	}),
	invalidToken: (): ApiError => ({
		status: 401,
		code: 'invalid_token',
		message: 'Der Zugangsschlüssel ist ungültig oder abgelaufen.'
	})
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Account actions a personal API token may do; account management needs a signed-in person. */
const TOKEN_ACCOUNT_ACTIONS: ReadonlySet<AccountAction> = new Set(['inbox.read', 'plan.create']);

const fail = <T>(error: ApiError): ApiResult<T> => ({ ok: false, error });

/** Who is behind a websocket or socket.io handshake. */
export type HandshakeAuth =
	{ ok: true; principal: Principal; tokenPlanId?: PlanId } | { ok: false; error: ApiError };

export interface ServerGate extends AccessGate {
	/**
	 * A sync upgrade for `planId`: Origin, then `?token=` (a sync token for this plan; never falls
	 * back to the cookie) or the session cookie. Throws if the store cannot answer.
	 */
	authenticateUpgrade(
		req: { headers: IncomingHttpHeaders; url?: string },
		planId: PlanId
	): Promise<HandshakeAuth>;
	/**
	 * A socket.io handshake: Origin, then `auth.token` (a sync token; its plan is the only one the
	 * socket may join) or the session cookie. Storage failures are refusals with 503.
	 */
	authenticateHandshake(handshake: {
		headers: IncomingHttpHeaders;
		auth: Record<string, unknown> | undefined;
	}): Promise<HandshakeAuth>;
	/** The principal behind a handshake's credentials now (null: no longer valid); may throw. */
	currentPrincipal(handshake: {
		headers: IncomingHttpHeaders;
		auth: Record<string, unknown> | undefined;
	}): Promise<Principal | null>;
	/** The role now (null: none); may throw. */
	roleOn(principal: Principal, planId: PlanId): Promise<PlanRole | null>;
}

/** The plan id inside a sync token (its payload is base64url JSON; the signature is checked later). */
function tokenPlanId(token: string): PlanId | null {
	try {
		const payload = JSON.parse(
			Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')
		);
		return parsePlanId(payload?.planId);
	} catch {
		return null;
	}
}

const usable = (credential: unknown): credential is string =>
	typeof credential === 'string' &&
	credential.length > 0 &&
	credential.length <= MAX_CREDENTIAL_LENGTH;

export function createAccessGate(deps: {
	access: Pick<
		AccessService,
		| 'resolveSession'
		| 'verifySyncToken'
		| 'roleFor'
		| 'hasUsers'
		| 'guestSessionEnded'
		| 'getUser'
		| 'plansOf'
		| 'resolveApiToken'
	>;
	/** ORIGIN from the configuration, if set. */
	origin: string | undefined;
	/** PLAN_CREATORS from the configuration (default `editors`). */
	planCreators?: PlanCreators;
}): ServerGate {
	const { access } = deps;
	const foreign = (headers: IncomingHttpHeaders) =>
		!isAllowedOrigin(headers.origin, headers.host, deps.origin);

	/** What the `plan_creator` rule looks at for this account (two store reads). */
	async function creatorFacts(userId: string): Promise<PlanCreatorFacts> {
		const setting = deps.planCreators ?? 'editors';
		if (setting === 'all') return { setting, flagged: false, planRoles: [] };
		const flagged = (await access.getUser(userId))?.canCreatePlans === true;
		const planRoles =
			!flagged && setting === 'editors' ? (await access.plansOf(userId)).map((p) => p.role) : [];
		return { setting, flagged, planRoles };
	}

	/**
	 * A request with `Authorization: Bearer …`: a personal API token, the only credential looked
	 * at (the cookie is ignored, so there is nothing a foreign page could ride on and the Origin
	 * check does not apply). Only the JSON API takes tokens; pages answer 401 too.
	 */
	async function checkBearer(path: string, token: string, address: string): Promise<GateDecision> {
		if (!isApiPath(path)) {
			return { kind: 'refuse', error: GATE_ERRORS.invalidToken(), clearCookie: false };
		}
		try {
			const result = await access.resolveApiToken(token, address);
			if (!result.ok) {
				const error = result.retryAfterSeconds
					? { ...result.error, retryAfter: result.retryAfterSeconds }
					: result.error;
				return { kind: 'refuse', error, clearCookie: false };
			}
			return { kind: 'pass', principal: result.value, clearCookie: false };
		} catch {
			return { kind: 'refuse', error: PLAN_ERRORS.unavailable(), clearCookie: false };
		}
	}

	async function fromCookie(cookieHeader: string | undefined): Promise<Principal | null> {
		const session = readCookie(cookieHeader, SESSION_COOKIE);
		return session ? access.resolveSession(session) : null;
	}

	return {
		async checkRequest(req): Promise<GateDecision> {
			const isApi = isApiPath(req.path);
			const bearer = bearerToken(req.authorization);
			if (bearer !== null) return checkBearer(req.path, bearer, req.address ?? 'unknown');
			if (!SAFE_METHODS.has(req.method) && !isAllowedOrigin(req.origin, req.host, deps.origin)) {
				return { kind: 'refuse', error: GATE_ERRORS.crossOrigin(), clearCookie: false };
			}
			let principal: Principal | null = null;
			let clearCookie = false;
			let guestEnded: GuestEndReason | undefined;
			const token = req.sessionToken;
			if (token) {
				try {
					principal =
						token.length <= MAX_CREDENTIAL_LENGTH ? await access.resolveSession(token) : null;
					// An ended guest session keeps its cookie, so every later page can still say why. Only a
					// cookie shaped like a session token can be one (no store read for junk cookies).
					if (!principal && isSessionTokenShaped(token)) {
						guestEnded = (await access.guestSessionEnded(token)) ?? undefined;
					}
					if (!principal && !guestEnded) clearCookie = true;
				} catch {
					if (isApi) return { kind: 'refuse', error: PLAN_ERRORS.unavailable(), clearCookie };
				}
			}
			if (!principal && !isPublicRoute(req.method, req.path)) {
				if (isApi) return { kind: 'refuse', error: GATE_ERRORS.unauthenticated(), clearCookie };
				let needsSetup = false;
				try {
					needsSetup = !(await access.hasUsers());
				} catch {
					needsSetup = false;
				}
				const location = needsSetup
					? '/einrichten'
					: guestEnded
						? guestEndedPath(guestEnded)
						: `/anmelden?next=${encodeURIComponent(req.path + req.search)}`;
				return { kind: 'redirect', location, clearCookie };
			}
			return principal
				? { kind: 'pass', principal, sessionToken: token, clearCookie }
				: { kind: 'pass', principal: null, clearCookie, guestEnded };
		},

		async authorize(principal, planId, action): Promise<ApiResult<PlanAccess>> {
			const id = parsePlanId(planId);
			if (!id) return fail(PLAN_ERRORS.invalidId());
			if (!principal) return fail(GATE_ERRORS.unauthenticated());
			let role: PlanRole | null;
			try {
				role = await access.roleFor(principal, id);
			} catch {
				return fail(PLAN_ERRORS.unavailable());
			}
			// No role (or no such plan): 404, so plan ids cannot be probed.
			if (!role) return fail(PLAN_ERRORS.notFound());
			if (!allows(role, action)) return fail(GATE_ERRORS.forbidden(minimumRole(action)));
			return { ok: true, value: { principal, role, planId: id } };
		},

		async authorizeAccount(principal, action) {
			if (principal?.kind === 'user' && principal.apiToken && !TOKEN_ACCOUNT_ACTIONS.has(action)) {
				return fail(GATE_ERRORS.tokenNotAllowed());
			}
			// A token limited to some plans creates none (it could not reach the new one anyway).
			if (principal?.kind === 'user' && principal.apiToken?.planIds && action === 'plan.create') {
				return fail(GATE_ERRORS.tokenNotAllowed());
			}
			let facts: PlanCreatorFacts | undefined;
			const rule = ACCOUNT_POLICY[action];
			if (rule === 'plan_creator' && principal?.kind === 'user' && !principal.isAdmin) {
				try {
					facts = await creatorFacts(principal.id);
				} catch {
					return fail(PLAN_ERRORS.unavailable());
				}
			}
			if (allowsAccount(principal, action, facts)) {
				return { ok: true, value: principal as Principal };
			}
			if (!principal) return fail(GATE_ERRORS.unauthenticated());
			if (principal.kind !== 'user') return fail(GATE_ERRORS.accountNeeded());
			return fail(
				rule === 'plan_creator' ? GATE_ERRORS.planCreationDenied() : GATE_ERRORS.adminOnly()
			);
		},

		async authenticateUpgrade(req, planId) {
			if (foreign(req.headers)) return { ok: false, error: GATE_ERRORS.crossOriginConnection() };
			const url = new URL(req.url ?? '/', 'http://localhost');
			const token = url.searchParams.get('token');
			let principal: Principal | null = null;
			if (token !== null) {
				if (usable(token)) principal = await access.verifySyncToken(token, planId);
			} else {
				principal = await fromCookie(req.headers.cookie);
			}
			if (!principal) return { ok: false, error: GATE_ERRORS.unauthenticated() };
			return { ok: true, principal };
		},

		async authenticateHandshake(handshake) {
			if (foreign(handshake.headers)) {
				return { ok: false, error: GATE_ERRORS.crossOriginConnection() };
			}
			const token = handshake.auth?.token;
			try {
				if (token !== undefined) {
					const planId = usable(token) ? tokenPlanId(token) : null;
					const principal = planId ? await access.verifySyncToken(token as string, planId) : null;
					if (!principal || !planId) return { ok: false, error: GATE_ERRORS.invalidToken() };
					return { ok: true, principal, tokenPlanId: planId };
				}
				const principal = await fromCookie(handshake.headers.cookie);
				if (!principal) return { ok: false, error: GATE_ERRORS.unauthenticated() };
				return { ok: true, principal };
			} catch {
				return { ok: false, error: PLAN_ERRORS.unavailable() };
			}
		},

		async currentPrincipal(handshake) {
			const token = handshake.auth?.token;
			if (typeof token === 'string') {
				const planId = tokenPlanId(token);
				return planId ? access.verifySyncToken(token, planId) : null;
			}
			return fromCookie(handshake.headers.cookie);
		},

		roleOn: (principal, planId) => access.roleFor(principal, planId)
	};
}

/**
 * Who may open a sync websocket for a plan, and with which role. Same rules as the HTTP side
 * (src/hooks.server.ts): Origin must be ours, then a sync token (`?token=`, for scripts) or the
 * session cookie (browsers), then the plan role. A token that is present but invalid is refused;
 * it never falls back to the cookie.
 */
import type { IncomingMessage } from 'node:http';
import type { PlanRole } from '../../src/lib/contract/roles';
import {
	MAX_CREDENTIAL_LENGTH,
	SESSION_COOKIE,
	isAllowedOrigin,
	readCookie
} from '../../src/lib/server/security';
import { CloseCode } from '../../src/lib/contract/close-codes';
import type { AccessService, Principal } from '../auth/types';

export type UpgradeDecision =
	{ ok: true; principal: Principal; role: PlanRole } | { ok: false; code: number; reason: string };

export type UpgradeAuthorizer = (req: IncomingMessage, planId: string) => Promise<UpgradeDecision>;

export function createUpgradeAuthorizer(deps: {
	access: Pick<AccessService, 'resolveSession' | 'verifySyncToken' | 'roleFor'>;
	/** ORIGIN from the configuration, if set. */
	origin: string | undefined;
}): UpgradeAuthorizer {
	return async (req, planId) => {
		if (!isAllowedOrigin(req.headers.origin, req.headers.host, deps.origin)) {
			return { ok: false, code: CloseCode.CrossOrigin, reason: 'Fremde Herkunft' };
		}
		const url = new URL(req.url ?? '/', 'http://localhost');
		const token = url.searchParams.get('token');
		let principal: Principal | null = null;
		if (token !== null) {
			if (token.length > 0 && token.length <= MAX_CREDENTIAL_LENGTH) {
				principal = await deps.access.verifySyncToken(token, planId);
			}
		} else {
			const session = readCookie(req.headers.cookie, SESSION_COOKIE);
			if (session) principal = await deps.access.resolveSession(session);
		}
		if (!principal) {
			return { ok: false, code: CloseCode.Unauthenticated, reason: 'Nicht angemeldet' };
		}
		const role = await deps.access.roleFor(principal, planId);
		if (!role) return { ok: false, code: CloseCode.Forbidden, reason: 'Kein Zugriff' };
		return { ok: true, principal, role };
	};
}

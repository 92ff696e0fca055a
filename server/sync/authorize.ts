/**
 * Who may open a sync websocket for a plan, and with which role: the access gate
 * (server/access/gate.ts) authenticates the upgrade (Origin, then a sync token `?token=` for
 * scripts or the session cookie for browsers; a present but invalid token never falls back to the
 * cookie) and authorises `plan.read`; this file only turns its answers into close codes.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from '../../src/lib/contract/access';
import { CloseCode } from '../../src/lib/contract/close-codes';
import type { PlanId } from '../../src/lib/contract/ids';
import { allows } from '../../src/lib/contract/policy';
import type { PlanRole } from '../../src/lib/contract/roles';
import type { ServerGate } from '../access/gate';

export type UpgradeDecision =
	| {
			ok: true;
			principal: Principal;
			role: PlanRole;
			/** Translator assignment (languages) of a member below editor; empty otherwise. */
			translates?: readonly string[];
	  }
	| { ok: false; code: number; reason: string };

export type UpgradeAuthorizer = (req: IncomingMessage, planId: PlanId) => Promise<UpgradeDecision>;

export function createUpgradeAuthorizer(
	gate: Pick<ServerGate, 'authenticateUpgrade' | 'authorize'>,
	/** The member's translator languages on the plan (server/auth/memberships.ts). */
	translatorLanguages?: (principal: Principal, planId: PlanId) => Promise<string[]>
): UpgradeAuthorizer {
	return async (req, planId) => {
		const who = await gate.authenticateUpgrade(req, planId);
		if (!who.ok) {
			return who.error.code === 'cross_origin'
				? { ok: false, code: CloseCode.CrossOrigin, reason: 'cross origin' }
				: { ok: false, code: CloseCode.Unauthenticated, reason: 'not signed in' };
		}
		const access = await gate.authorize(who.principal, planId, 'plan.read');
		if (!access.ok) {
			return access.error.code === 'storage_unavailable'
				? { ok: false, code: CloseCode.StorageUnavailable, reason: 'sign-in not checkable' }
				: { ok: false, code: CloseCode.Forbidden, reason: 'no access' };
		}
		const role = access.value.role;
		let translates: string[] = [];
		if (translatorLanguages && !allows(role, 'plan.edit') && allows(role, 'translation.write')) {
			try {
				translates = await translatorLanguages(who.principal, planId);
			} catch {
				return { ok: false, code: CloseCode.StorageUnavailable, reason: 'sign-in not checkable' };
			}
		}
		return { ok: true, principal: who.principal, role, translates };
	};
}

/**
 * Personal API tokens, the parts server and app share: their shape (`mp_` + 43 base64url
 * characters = 256 random bits) and how a token's scope bounds a role: outside its plans no role
 * at all, inside them at most its `maxRole` (the account's own role still applies below that).
 */
import type { Principal } from './access';
import { roleAtLeast, type PlanRole } from './roles';

export const API_TOKEN_PREFIX = 'mp_';

/** True for a string that can be a personal API token (no store read for anything else). */
export function isApiTokenShaped(value: string): boolean {
	return /^mp_[A-Za-z0-9_-]{43}$/.test(value);
}

/** The token of an `Authorization: Bearer …` header, or null when there is no Bearer header. */
export function bearerToken(header: string | null | undefined): string | null {
	if (!header) return null;
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
	return match ? match[1] : null;
}

/** May this principal reach the plan at all (a token outside its plans may not)? */
export function tokenAllowsPlan(principal: Principal, planId: string): boolean {
	if (principal.kind !== 'user' || !principal.apiToken) return true;
	const { planIds } = principal.apiToken;
	return planIds === null || planIds.includes(planId);
}

/** The role a principal acts with on a plan: the account's role, bounded by its token. */
export function scopedRole(
	principal: Principal,
	planId: string,
	role: PlanRole | null
): PlanRole | null {
	if (!role || principal.kind !== 'user' || !principal.apiToken) return role;
	if (!tokenAllowsPlan(principal, planId)) return null;
	const cap = principal.apiToken.maxRole;
	return roleAtLeast(role, cap) ? cap : role;
}

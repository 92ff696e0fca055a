/**
 * The one id pattern of Mitplan and the branded plan id. Plan, item, version, round and field ids
 * appear in URLs, Redis keys and file names, so they are restricted to a URL- and path-safe
 * alphabet (no dots, no slashes: no path traversal). Entry points (HTTP gate, sync upgrade,
 * socket.io join) parse a plan id once into `PlanId`; stores keep one last-line assertion.
 */

/** 1–64 characters of A–Z, a–z, 0–9, `_` and `-`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True for a string that matches ID_PATTERN. */
export function isSafeId(id: unknown): id is string {
	return typeof id === 'string' && ID_PATTERN.test(id);
}

declare const planIdBrand: unique symbol;

/** A plan id that has passed `parsePlanId` (or `isValidPlanId`). */
export type PlanId = string & { readonly [planIdBrand]: true };

export function isValidPlanId(id: unknown): id is PlanId {
	return isSafeId(id);
}

/** The plan id, or null if `id` is not one. */
export function parsePlanId(id: unknown): PlanId | null {
	return isValidPlanId(id) ? id : null;
}

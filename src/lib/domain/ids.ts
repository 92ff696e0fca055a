/**
 * Identifiers. Plan ids appear in URLs, Redis keys and file names, so they are restricted to a
 * URL- and path-safe alphabet (no dots, no slashes: no path traversal). Item ids are random so
 * that clients can create items offline without coordination.
 */

import { err, ok, type Result } from './errors';

import { ID_PATTERN, isValidPlanId, type PlanId } from '../contract/ids';

/** The plan id pattern is the one id pattern (src/lib/contract/ids.ts). */
export const PLAN_ID_PATTERN = ID_PATTERN;
export { isValidPlanId };

/** isValidPlanId as a Result, for boundaries that report the error ('invalid_plan_id'). */
export function checkPlanId(id: unknown): Result<PlanId> {
	if (isValidPlanId(id)) return ok(id);
	return err(
		'invalid_plan_id',
		'Die Plan-Kennung ist ungültig: erlaubt sind 1–64 Buchstaben (A–Z, a–z), Ziffern, „-“ und „_“.',
		'planId'
	);
}

/** base64url alphabet: 64 symbols, so every random byte maps uniformly via `& 63`. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** A random URL-safe id of `length` chars (default 12 ≈ 72 bits: collisions are negligible). */
export function newId(length = 12): string {
	const bytes = new Uint8Array(length);
	globalThis.crypto.getRandomValues(bytes);
	let id = '';
	for (const b of bytes) id += ALPHABET[b & 63];
	return id;
}

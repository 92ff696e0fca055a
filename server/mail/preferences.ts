/**
 * Which kinds of mail each person gets, stored per account in the KV store
 * (`mail:prefs:<userId>`, JSON). Every kind is on until the person switches it off.
 */
import {
	MAIL_CATEGORIES,
	type MailCategory,
	type MailPreferences
} from '../../src/lib/contract/mail';
import type { KvStore } from '../storage/kv';

const key = (userId: string) => `mail:prefs:${userId}`;

export const DEFAULT_PREFERENCES: MailPreferences = Object.fromEntries(
	MAIL_CATEGORIES.map((c) => [c, true])
) as MailPreferences;

function parse(raw: string | null): MailPreferences {
	const prefs = { ...DEFAULT_PREFERENCES };
	if (raw === null) return prefs;
	try {
		const stored = JSON.parse(raw) as Record<string, unknown>;
		for (const c of MAIL_CATEGORIES) if (typeof stored[c] === 'boolean') prefs[c] = stored[c];
	} catch {
		// unreadable: the defaults
	}
	return prefs;
}

/** A valid patch ({category: boolean, …} of known categories), or null. */
export function parsePatch(input: unknown): Partial<MailPreferences> | null {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
	const patch: Partial<MailPreferences> = {};
	for (const [k, v] of Object.entries(input)) {
		if (!(MAIL_CATEGORIES as readonly string[]).includes(k) || typeof v !== 'boolean') return null;
		patch[k as MailCategory] = v;
	}
	return patch;
}

export function createPreferences(kv: KvStore) {
	return {
		read: async (userId: string) => parse(await kv.get(key(userId))),
		update: (userId: string, patch: Partial<MailPreferences>) =>
			kv.update(key(userId), (raw) => {
				const next = { ...parse(raw), ...patch };
				return { value: JSON.stringify(next), result: next };
			}),
		forget: (userId: string) => kv.del(key(userId))
	};
}

/**
 * The structure locks of running sessions, per plan: in the KV (`mt:lock:<planId>`, JSON
 * `{sessionId, exempt}`) so every instance can read them, and in memory so the sync rooms can
 * check every client update synchronously (server/sync/structure-lock.ts). A change is written
 * to the KV first, then announced on the plan bus (`meeting`), and every instance with the plan's
 * room loaded re-reads it; a room that loads reads it before its first client update.
 */
import { lockedFor } from '../../src/lib/meetings/model';
import type { StructureLocks } from '../sync/structure-lock';
import type { KvStore } from '../storage/kv';
import type { Logger } from '../log';

export interface LockRecord {
	sessionId: string;
	/** Principals who may still change the structure (`lockExempt`: the Moderation). Owners always may. */
	exempt: string[];
}

export const lockKey = (planId: string) => `mt:lock:${planId}`;

export interface LockRegistry extends StructureLocks {
	/** Sets (or with null lifts) the lock of a plan here; the caller stores and announces it. */
	remember(planId: string, record: LockRecord | null): void;
	current(planId: string): LockRecord | null;
}

export function parseLock(raw: string | null): LockRecord | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as LockRecord;
		if (typeof v.sessionId !== 'string' || !Array.isArray(v.exempt)) return null;
		return { sessionId: v.sessionId, exempt: v.exempt.filter((e) => typeof e === 'string') };
	} catch {
		return null;
	}
}

export function createLockRegistry(kv: KvStore, log: Logger): LockRegistry {
	const locks = new Map<string, LockRecord>();
	return {
		lockedFor(planId, principalId, owner = false) {
			return lockedFor(locks.get(planId) ?? null, { principalId, owner });
		},
		async refresh(planId) {
			try {
				const lock = parseLock(await kv.get(lockKey(planId)));
				if (lock) locks.set(planId, lock);
				else locks.delete(planId);
			} catch (error) {
				// Keep what we knew: the store is down, the next change re-reads it.
				log.warn('[meetings] could not read the structure lock', { planId, error });
			}
		},
		remember(planId, record) {
			if (record) locks.set(planId, record);
			else locks.delete(planId);
		},
		current: (planId) => locks.get(planId) ?? null
	};
}

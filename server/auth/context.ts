/**
 * Shared plumbing of the access service modules: the KV, the clock, limits, the audit writer,
 * AccessChange publishing, record loaders and the guard that turns storage failures into
 * 503 `storage_unavailable` results.
 */
import type { Logger } from '../log';
import { isKvError, type KvStore } from '../storage/kv';
import { fail, type ApiResult } from './messages';
import { K, parseJson, type InviteRecord, type SessionRecord, type UserRecord } from './records';
import type { AccessChange, AccessServiceDeps, AuditEntry, AuthLimits, Principal } from './types';
import type { ScryptParams } from './password';
import { DEFAULT_SCRYPT } from './password';

export const DEFAULT_LIMITS: AuthLimits = {
	sessionTtlMs: 14 * 24 * 60 * 60 * 1000,
	syncTokenTtlMs: 5 * 60 * 1000,
	loginFailuresPerAccount: 5,
	loginFailuresPerAddress: 20,
	loginWindowMs: 15 * 60 * 1000,
	guestJoinsPerAddress: 30
};

export const AUDIT_KEEP = 5000;
export const MAX_INVITE_DAYS = 30;

export interface Ctx {
	kv: KvStore;
	log: Logger;
	limits: AuthLimits;
	scrypt: ScryptParams;
	now(): number;
	iso(): string;
	publish(change: AccessChange): void;
	audit(
		planId: string,
		actor: Principal | 'system',
		action: AuditEntry['action'],
		details?: AuditEntry['details']
	): Promise<void>;
	loadUser(userId: string): Promise<UserRecord | null>;
	loadInvite(inviteId: string): Promise<InviteRecord | null>;
	loadSession(hash: string): Promise<SessionRecord | null>;
	listPlanIds(): Promise<string[]>;
}

export function createContext(deps: AccessServiceDeps): Ctx {
	const { kv, log } = deps;
	const now = deps.now ?? Date.now;
	return {
		kv,
		log,
		limits: { ...DEFAULT_LIMITS, ...deps.limits },
		scrypt: deps.passwordHashing ?? DEFAULT_SCRYPT,
		now,
		iso: () => new Date(now()).toISOString(),
		publish(change) {
			try {
				deps.onAccessChange?.(change);
			} catch (err) {
				log.error('[auth] onAccessChange handler failed', { err });
			}
		},
		async audit(planId, actor, action, details = {}) {
			const entry: AuditEntry = {
				at: new Date(now()).toISOString(),
				actor:
					actor === 'system'
						? { id: 'system', name: 'System', kind: 'system' }
						: { id: actor.id, name: actor.name, kind: actor.kind },
				action,
				details
			};
			await kv.listPush(K.audit(planId), JSON.stringify(entry), AUDIT_KEEP);
		},
		loadUser: async (userId) => parseJson<UserRecord>(await kv.get(K.user(userId))),
		loadInvite: async (inviteId) => parseJson<InviteRecord>(await kv.get(K.invite(inviteId))),
		loadSession: async (hash) => parseJson<SessionRecord>(await kv.get(K.session(hash))),
		listPlanIds: deps.listPlanIds ?? (async () => [])
	};
}

/** Runs an ApiResult-returning operation; storage failures become 503 `storage_unavailable`. */
export async function guard<T, R extends ApiResult<T> = ApiResult<T>>(
	log: Logger,
	what: string,
	fn: () => Promise<R>
): Promise<R | ReturnType<typeof fail>> {
	try {
		return await fn();
	} catch (err) {
		if (isKvError(err)) {
			log.warn(`[auth] ${what}: storage unavailable`, { err });
			return fail('storage_unavailable');
		}
		throw err;
	}
}

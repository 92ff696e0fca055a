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
	guestJoinsPerAddress: 30,
	auditRoutinePerPerson: 60,
	auditRoutineWindowMs: 10 * 60 * 1000,
	auditKeep: 5000
};

/** Security entries kept per plan, in their own list (only owners and joins produce them). */
export const AUDIT_SECURITY_KEEP = 20_000;

/**
 * Who may do what in the plan: kept apart from routine entries so that no amount of exports,
 * versions or review events (which viewers and guests can cause) pushes them out.
 */
export const SECURITY_AUDIT_ACTIONS: ReadonlySet<AuditEntry['action']> = new Set([
	'plan_created',
	'member_joined',
	'member_added',
	'role_changed',
	'translator_changed',
	'member_removed',
	'invite_created',
	'invite_used',
	'invite_revoked',
	'guest_joined',
	'settings_changed',
	'version_restored',
	'version_deleted',
	'api_token_created',
	'api_token_revoked'
]);
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
	const limits = { ...DEFAULT_LIMITS, ...deps.limits };
	return {
		kv,
		log,
		limits,
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
			if (SECURITY_AUDIT_ACTIONS.has(action)) {
				await kv.listPush(K.auditSecurity(planId), JSON.stringify(entry), AUDIT_SECURITY_KEEP);
				return;
			}
			// Routine entries: at most auditRoutinePerPerson per person and window. The first one
			// over the limit is kept, marked, so the log shows that more happened.
			const limit = limits.auditRoutinePerPerson;
			const count = await kv.incr(K.auditRate(planId, entry.actor.id), limits.auditRoutineWindowMs);
			if (count.value > limit + 1) return;
			if (count.value === limit + 1) {
				entry.details = { ...details, weitereNichtProtokolliert: true };
				log.warn('[auth] routine audit entries rate-limited', { planId, actor: entry.actor.id });
			}
			await kv.listPush(K.audit(planId), JSON.stringify(entry), limits.auditKeep);
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

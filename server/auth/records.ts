/**
 * What the access service keeps in the KvStore: key names and stored record shapes.
 *
 *   secret:sync                  string  HMAC secret of sync tokens (set once, set-if-absent)
 *   users                        set     all user ids
 *   user:<userId>                JSON    UserRecord
 *   email:<email>                string  userId (set-if-absent: one account per address)
 *   admins                       JSON    ids of active (not disabled) administrators; updated
 *                                        atomically so the last one can never be removed
 *   setup                        string  first-admin lock (set-if-absent)
 *   session:<sha256(token)>      JSON    SessionRecord, TTL = session lifetime
 *   plan:<planId>:members        JSON    { [userId]: { role, addedAt, invited?, translates? } } (atomic
 *                                        updates; `invited`: added by e-mail, not signed in since)
 *   plan:<planId>:pending        JSON    { [pendingId]: { email, role, addedAt, translates? } } members added
 *                                        by an e-mail without account (become members when an
 *                                        account with that e-mail is created)
 *   pendingplans:<sha256(email)> set     plan ids with a pending membership for that e-mail
 *   userplans:<userId>           JSON    { [planId]: role } (index for plansOf)
 *   plan:<planId>:invites        set     invite ids
 *   invite:<inviteId>            JSON    InviteRecord (uses counted with an atomic update)
 *   invitetoken:<sha256(token)>  string  inviteId
 *   plan:<planId>:audit          list    routine AuditEntry JSON (exports, versions, review …),
 *                                        newest first, capped at 5,000
 *   plan:<planId>:guests         JSON { [guestId]: guest record } (server/auth/guests.ts)
 *   plan:<planId>:audit-security list    security AuditEntry JSON (SECURITY_AUDIT_ACTIONS),
 *                                        own cap (20,000): routine entries never evict them
 *   rl:audit:<sha256(plan, actor)> counter routine audit entries per person (window TTL)
 *   rl:login:pair:<sha256>       counter failed logins per (e-mail, client address) (window TTL)
 *   rl:login:lock:<sha256>       string  epoch ms until which that pair is locked (TTL = delay)
 *   rl:login:addr:<address>      counter failed logins per client address
 *   rl:guest:addr:<address>      counter guest joins per client address
 */
import { isValidLanguageList } from '../../src/lib/domain/translations';
import type { PlanRole } from '../../src/lib/contract/roles';
import { isPlanRole } from '../../src/lib/contract/roles';
import type { Invite, InviteState, User } from './types';
import { sha256 } from './tokens';

export const K = {
	syncSecret: 'secret:sync',
	users: 'users',
	admins: 'admins',
	setup: 'setup',
	user: (id: string) => `user:${id}`,
	email: (email: string) => `email:${email}`,
	session: (hash: string) => `session:${hash}`,
	members: (planId: string) => `plan:${planId}:members`,
	userPlans: (userId: string) => `userplans:${userId}`,
	invites: (planId: string) => `plan:${planId}:invites`,
	invite: (id: string) => `invite:${id}`,
	inviteToken: (hash: string) => `invitetoken:${hash}`,
	audit: (planId: string) => `plan:${planId}:audit`,
	auditSecurity: (planId: string) => `plan:${planId}:audit-security`,
	guests: (planId: string) => `plan:${planId}:guests`,
	pending: (planId: string) => `plan:${planId}:pending`,
	pendingPlans: (email: string) => `pendingplans:${sha256(email)}`,
	// Hashed: an expiring counter must not name the plan (a deleted plan leaves nothing behind).
	auditRate: (planId: string, actorId: string) => `rl:audit:${sha256(`${planId}\n${actorId}`)}`,
	/** `pair` = normalized e-mail + "\n" + client address. */
	loginPair: (pair: string) => `rl:login:pair:${sha256(pair)}`,
	loginPairLock: (pair: string) => `rl:login:lock:${sha256(pair)}`,
	loginAddress: (address: string) => `rl:login:addr:${address.slice(0, 100)}`,
	/** Successful logins from an address in the window (offices behind one NAT address). */
	loginAddressOk: (address: string) => `rl:login:addr-ok:${address.slice(0, 100)}`,
	guestAddress: (address: string) => `rl:guest:addr:${address.slice(0, 100)}`
};

export interface UserRecord extends User {
	passwordHash: string;
	/** Sessions carry the epoch they were created in; raising it ends them all. */
	sessionEpoch: number;
}

export type SessionRecord =
	| { kind: 'user'; userId: string; epoch: number; expiresAt: number }
	| {
			kind: 'guest';
			id: string;
			name: string;
			planId: string;
			role: PlanRole;
			inviteId: string;
			expiresAt: number;
	  };

export interface InviteRecord extends Invite {
	tokenHash: string;
}

export type MemberMap = Record<
	string,
	{ role: PlanRole; addedAt: string; invited?: true; translates?: string[] }
>;
export type PendingMap = Record<
	string,
	{ email: string; role: PlanRole; addedAt: string; translates?: string[] }
>;
export type PlanIndex = Record<string, PlanRole>;

export function parseJson<T>(raw: string | null): T | null {
	if (raw === null) return null;
	try {
		return JSON.parse(raw) as T;
	} catch {
		return null;
	}
}

export function publicUser(r: UserRecord): User {
	return {
		id: r.id,
		email: r.email,
		name: r.name,
		isAdmin: r.isAdmin,
		disabled: r.disabled,
		createdAt: r.createdAt,
		lastLoginAt: r.lastLoginAt,
		mustChangePassword: r.mustChangePassword === true,
		canCreatePlans: r.canCreatePlans === true
	};
}

export function publicInvite(r: InviteRecord): Invite {
	const { tokenHash: _tokenHash, ...invite } = r;
	return invite;
}

/** `{ translates }` when the stored value is a non-empty list of known languages, else `{}`. */
function translatesOf(value: unknown): { translates?: string[] } {
	return isValidLanguageList(value) && value.length > 0 ? { translates: [...value] } : {};
}

/** Members map with only well-formed entries (defensive against damaged data). */
export function parseMembers(raw: string | null): MemberMap {
	const parsed = parseJson<MemberMap>(raw);
	const out: MemberMap = {};
	if (!parsed || typeof parsed !== 'object') return out;
	for (const [id, m] of Object.entries(parsed)) {
		if (m && isPlanRole(m.role)) {
			out[id] = {
				role: m.role,
				addedAt: String(m.addedAt),
				...(m.invited ? { invited: true } : {}),
				...translatesOf(m.translates)
			};
		}
	}
	return out;
}

/** Pending (by e-mail, no account yet) memberships with only well-formed entries. */
export function parsePending(raw: string | null): PendingMap {
	const parsed = parseJson<PendingMap>(raw);
	const out: PendingMap = {};
	if (!parsed || typeof parsed !== 'object') return out;
	for (const [id, p] of Object.entries(parsed)) {
		if (p && typeof p.email === 'string' && isPlanRole(p.role)) {
			out[id] = {
				email: p.email,
				role: p.role,
				addedAt: String(p.addedAt),
				...translatesOf(p.translates)
			};
		}
	}
	return out;
}

export function parsePlanIndex(raw: string | null): PlanIndex {
	const parsed = parseJson<PlanIndex>(raw);
	const out: PlanIndex = {};
	if (!parsed || typeof parsed !== 'object') return out;
	for (const [planId, role] of Object.entries(parsed)) if (isPlanRole(role)) out[planId] = role;
	return out;
}

/** Whether an invite can still be used at `now`. */
export function inviteState(invite: Invite, now: number): InviteState {
	if (invite.revoked) return 'invite_revoked';
	if (invite.expiresAt <= now) return 'invite_expired';
	if (invite.uses >= invite.maxUses) return 'invite_used_up';
	return 'valid';
}

/** Whether guests who joined through this invite still have access (uses do not matter). */
export function guestAccessValid(invite: Invite | null, planId: string, now: number): boolean {
	return !!invite && invite.planId === planId && !invite.revoked && invite.expiresAt > now;
}

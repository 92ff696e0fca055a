/**
 * Server-side extras of the access service: its limits and dependencies. The types the app sees
 * (User, Principal, Member, Invite, AuditEntry, AccessChange, AccessService) are the shared
 * contract in src/lib/contract/access.ts and are re-exported here for the server's modules.
 */
export type {
	AccessChange,
	AccessService,
	AuditEntry,
	Invite,
	InviteState,
	GuestEndReason,
	GuestInfo,
	Member,
	PlanRole,
	Principal,
	User
} from '../../src/lib/contract/access';
import type { AccessChange } from '../../src/lib/contract/access';

export interface AuthLimits {
	/** Session lifetime (ms); default 14 days. */
	sessionTtlMs: number;
	/** Sync token lifetime (ms); default 5 minutes. */
	syncTokenTtlMs: number;
	/**
	 * Failed logins per (account, address) per window before each further attempt waits a
	 * doubling delay (429 with Retry-After); default 5 per 15 min. Other addresses are unaffected.
	 */
	loginFailuresPerAccount: number;
	/** Failed logins per IP address per window; default 20 per 15 min. */
	loginFailuresPerAddress: number;
	loginWindowMs: number;
	/** Guest joins per address per window (invite link abuse); default 30 per 15 min. */
	guestJoinsPerAddress: number;
	/**
	 * Routine audit entries (exports, versions, review …) one person adds to a plan's log per
	 * window; more are not recorded (security entries are never limited). Default 60 per 10 min.
	 */
	auditRoutinePerPerson: number;
	auditRoutineWindowMs: number;
	/** Routine audit entries kept per plan (newest); default 5,000. */
	auditKeep: number;
}

/** What createAccessService(deps) gets. */
export interface AccessServiceDeps {
	kv: import('../storage/kv').KvStore;
	log: import('../log').Logger;
	limits?: Partial<AuthLimits>;
	/**
	 * Called once for every access change this instance makes (role changed, member removed,
	 * user disabled, invite revoked, plan forgotten). The core closes the affected websocket
	 * connections here and on other instances (via the plan bus).
	 */
	onAccessChange?: (change: AccessChange) => void;
	/** Clock for tests (epoch ms). */
	now?: () => number;
	/**
	 * Ids of all existing plans (e.g. `store.list()`): setupFirstAdmin / ensureAdmin give the
	 * owner-less ones the new admin as owner. Without it no plan is adopted.
	 */
	listPlanIds?: () => Promise<string[]>;
	/** scrypt cost for new password hashes; default N = 2^15, r = 8, p = 1. Tests lower it. */
	passwordHashing?: import('./password').ScryptParams;
}

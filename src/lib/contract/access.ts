/**
 * The access contract: accounts, principals, plan members, invites, the audit log and the
 * interface of the access service (implemented in server/auth/service.ts). Both the SvelteKit app
 * and the server import these types from here; nothing in this file imports either side.
 *
 * Every method that can be refused returns an `ApiResult` with a stable `code`, a German
 * `message` and the HTTP `status` to answer with; callers never see exceptions for user errors.
 */
import type { ApiResult } from './result';
import type { PlanRole } from './roles';

export type { PlanRole };

/** Public view of an account (never the password hash). */
export interface User {
	id: string;
	/** Lower-cased, trimmed. Unique. */
	email: string;
	/** Display name (1–80 characters). */
	name: string;
	isAdmin: boolean;
	disabled: boolean;
	/** ISO timestamps */
	createdAt: string;
	lastLoginAt: string | null;
	/** Set when the Administration chose the password: the next sign-in must set an own one. */
	mustChangePassword?: boolean;
	/** "Darf Pläne anlegen": set by the Administration; grants plan creation whatever PLAN_CREATORS says. */
	canCreatePlans?: boolean;
}

/** Who is acting: a signed-in account, or a guest who joined one plan through an invite link. */
export type Principal =
	| {
			kind: 'user';
			id: string;
			name: string;
			email: string;
			isAdmin: boolean;
			/** Only this: set an own password (src/lib/server/password-gate.ts). */
			mustChangePassword?: boolean;
			/**
			 * Set when the request came with a personal API token (`Authorization: Bearer mp_…`):
			 * its plans and its highest role bound every role of this account (server/auth/api-tokens.ts).
			 */
			apiToken?: ApiTokenScope;
	  }
	| {
			kind: 'guest';
			/** `guest-<random>`; unique per guest session. */
			id: string;
			name: string;
			/** The one plan a guest may access. */
			planId: string;
			role: PlanRole;
			inviteId: string;
			/** Epoch ms: the invite's expiry; the guest's access ends then. */
			expiresAt: number;
	  };

/** The highest role a personal API token may act with. */
export type ApiTokenRole = 'viewer' | 'editor';
export const API_TOKEN_ROLES: readonly ApiTokenRole[] = ['viewer', 'editor'];

/** What a personal API token restricts: its plans (null: all of the account's) and its top role. */
export interface ApiTokenScope {
	tokenId: string;
	planIds: string[] | null;
	maxRole: ApiTokenRole;
}

/** A personal API token as its account sees it (never the secret, which is shown once). */
export interface ApiTokenInfo {
	id: string;
	name: string;
	/** ISO timestamps */
	createdAt: string;
	/** null: does not expire. */
	expiresAt: string | null;
	lastUsedAt: string | null;
	planIds: string[] | null;
	maxRole: ApiTokenRole;
}

export interface Member {
	userId: string;
	email: string;
	name: string;
	role: PlanRole;
	/** ISO timestamp */
	addedAt: string;
	/**
	 * Added by e-mail and not yet signed in or using the plan since (or no account with that
	 * e-mail yet: then `userId` is the id of the pending entry). The members list shows these only
	 * with e-mail and „eingeladen“, so it does not reveal whether an account exists.
	 */
	invited?: boolean;
	/** Translator assignment (issue 15): content languages a member below editor translates. */
	translates?: string[];
}

export interface Invite {
	id: string;
	planId: string;
	role: PlanRole;
	/** Optional note for the owner, e.g. "AG Bildung, Sitzung 12.3." */
	label: string;
	/** Epoch ms */
	expiresAt: number;
	/** 1–1000 */
	maxUses: number;
	uses: number;
	/** Guests may join with a display name only (no account). */
	allowGuests: boolean;
	revoked: boolean;
	createdBy: string;
	/** ISO timestamp */
	createdAt: string;
}

/** Why an invite link cannot be used (also the API error code). */
export type InviteState = 'valid' | 'invite_expired' | 'invite_revoked' | 'invite_used_up';

export interface AuditEntry {
	/** ISO timestamp */
	at: string;
	actor: { id: string; name: string; kind: 'user' | 'guest' | 'system' };
	action:
		| 'plan_created'
		| 'member_joined'
		| 'member_added'
		| 'role_changed'
		| 'translator_changed'
		| 'member_removed'
		| 'invite_created'
		| 'invite_used'
		| 'invite_revoked'
		| 'guest_joined'
		| 'guest_removed'
		| 'export'
		| 'settings_changed'
		| 'version_created'
		| 'version_restored'
		| 'version_deleted'
		| 'feedback_round_created'
		| 'feedback_round_changed'
		| 'feedback_round_deleted'
		| 'feedback_triaged'
		| 'review_requested'
		| 'review_closed'
		| 'review_reopened'
		| 'check_assigned'
		| 'check_removed'
		| 'check_verdict'
		| 'api_token_created'
		| 'api_token_revoked';
	/** Action-specific, small and JSON-safe (e.g. { role, inviteId, format }). */
	details: Record<string, string | number | boolean | null>;
}

/** A guest of a plan as the owner sees it (members list). */
export interface GuestInfo {
	guestId: string;
	name: string;
	role: PlanRole;
	/** ISO timestamp */
	joinedAt: string;
}

/** Why a guest's session no longer works (shown to that guest). */
export type GuestEndReason = 'invite_revoked' | 'invite_expired' | 'guest_removed';

/** Published when someone's access to a plan changes; connections of that principal are closed. */
export interface AccessChange {
	planId: string;
	/** A user or guest id; or… */
	principalId?: string;
	/** …every guest who joined through this invite. */
	inviteId?: string;
}

export interface AccessService {
	// --- first start ---
	/** True once at least one account exists. */
	hasUsers(): Promise<boolean>;
	/**
	 * Creates the first administrator; refused with 409 `setup_done` once any account exists.
	 * Plans that have no owner yet (e.g. the seeded example plan) get this admin as owner.
	 */
	setupFirstAdmin(input: {
		email: string;
		name: string;
		password: string;
	}): Promise<ApiResult<User>>;
	/**
	 * MITPLAN_ADMIN_EMAIL / MITPLAN_ADMIN_PASSWORD at start-up: creates that admin if no account
	 * with this e-mail exists (also when others exist), otherwise leaves it unchanged. Like
	 * setupFirstAdmin, gives owner-less plans this admin as owner.
	 */
	ensureAdmin(input: { email: string; password: string; name?: string }): Promise<User>;

	// --- accounts (administrator) ---
	listUsers(): Promise<User[]>;
	getUser(userId: string): Promise<User | null>;
	findUserByEmail(email: string): Promise<User | null>;
	/** 409 `email_taken`, 400 `invalid_email` / `invalid_name` / `weak_password` (min. 10 chars). */
	createUser(input: {
		email: string;
		name: string;
		password: string;
		isAdmin?: boolean;
		/** The person must replace this password at the first sign-in. */
		mustChangePassword?: boolean;
		/** "Darf Pläne anlegen" (see User.canCreatePlans). */
		canCreatePlans?: boolean;
	}): Promise<ApiResult<User>>;
	/**
	 * Disabling ends all sessions of the user and publishes AccessChange for each of their plans.
	 * The last active administrator can be neither disabled nor demoted (409 `last_admin`).
	 */
	updateUser(
		userId: string,
		patch: { name?: string; isAdmin?: boolean; disabled?: boolean; canCreatePlans?: boolean }
	): Promise<ApiResult<User>>;
	/** Admin reset: sets a new password and ends all sessions of that user. */
	resetPassword(
		userId: string,
		newPassword: string,
		options?: { mustChange?: boolean }
	): Promise<ApiResult<null>>;
	/** A one-time link (token) with which the person sets an own password (admin; caller checks). */
	createResetLink(userId: string): Promise<ApiResult<{ token: string; expiresAt: number }>>;
	/** Sets the password through such a link; 410 reset_link_invalid when used or expired. */
	useResetLink(token: string, newPassword: string): Promise<ApiResult<null>>;
	/** Own change: 403 `wrong_password` if current is wrong; ends the user's *other* sessions. */
	changePassword(
		userId: string,
		currentPassword: string,
		newPassword: string,
		keepSessionToken?: string
	): Promise<ApiResult<null>>;

	// --- sessions ---
	/**
	 * 401 `invalid_credentials` (same answer for unknown e-mail, wrong password and disabled
	 * account), 429 `too_many_attempts` with `retryAfterSeconds` once the per-account or
	 * per-address failure limit is reached (checked before the password, so brute force is slowed).
	 */
	login(
		email: string,
		password: string,
		address: string
	): Promise<
		ApiResult<{ token: string; user: User; expiresAt: number }> & { retryAfterSeconds?: number }
	>;
	/**
	 * Sign-in vouched for by a single sign-on provider (server/auth/oidc): the account with this
	 * (verified) e-mail, or a new one without local password when `createIfMissing`. 403
	 * `sso_no_account` / `sso_account_disabled`; no rate limit (the provider checked the person).
	 */
	loginExternal(input: {
		email: string;
		name: string;
		createIfMissing: boolean;
	}): Promise<ApiResult<{ token: string; user: User; expiresAt: number }>>;
	/** Ends the session (idempotent). */
	logout(sessionToken: string): Promise<void>;
	/** The principal behind a session cookie value, or null (unknown, expired, malformed, disabled user, expired guest). */
	resolveSession(sessionToken: string): Promise<Principal | null>;

	// --- personal API tokens (server/auth/api-tokens.ts) ---
	/**
	 * A new token for scripts: `mp_` + 256 random bits, returned once (only its SHA-256 is kept).
	 * 400 `invalid_token_input` (expiry not in the future, plans the account is no member of),
	 * 409 `too_many_tokens` (50 per account).
	 */
	createApiToken(
		user: Principal & { kind: 'user' },
		input: {
			name: string;
			expiresAt?: string | null;
			planIds?: string[] | null;
			maxRole: ApiTokenRole;
		}
	): Promise<ApiResult<{ token: string; info: ApiTokenInfo }>>;
	listApiTokens(userId: string): Promise<ApiTokenInfo[]>;
	/**
	 * 404 `token_not_found` (also for another account's token). With `actor`, the revocation is
	 * written to the audit of each plan the token reached (as its creation was).
	 */
	revokeApiToken(userId: string, tokenId: string, actor?: Principal): Promise<ApiResult<null>>;
	/**
	 * The account behind `Authorization: Bearer mp_…`, with the token's scope: 401 `invalid_token`
	 * (unknown, revoked, expired, disabled account), 429 `too_many_attempts` after too many
	 * failures from `address` (checked first).
	 */
	resolveApiToken(
		token: string,
		address: string
	): Promise<ApiResult<Principal> & { retryAfterSeconds?: number }>;

	// --- plan roles ---
	/** The principal's role on the plan, or null. Guests: their invite's role on their one plan. */
	roleFor(principal: Principal, planId: string): Promise<PlanRole | null>;
	/** Plans the user is a member of. */
	plansOf(userId: string): Promise<Array<{ planId: string; role: PlanRole }>>;
	/** Called when a plan is created: the creator becomes its owner (audited as plan_created). */
	registerPlan(planId: string, owner: Principal & { kind: 'user' }): Promise<void>;
	/** Removes members, invites and audit of a deleted plan; publishes AccessChange for all. */
	forgetPlan(planId: string): Promise<void>;
	listMembers(planId: string): Promise<Member[]>;
	/**
	 * The content languages a user member is named translator for (issue 15); [] for guests,
	 * non-members and members without an assignment.
	 */
	translatorLanguages(principal: Principal, planId: string): Promise<string[]>;
	/**
	 * Names a member translator for `languages` (known codes; [] ends the assignment). Owner only
	 * (the caller checks). 404 `member_not_found`; audited; publishes AccessChange for that user.
	 */
	setTranslator(
		planId: string,
		actor: Principal,
		userId: string,
		languages: string[]
	): Promise<ApiResult<{ userId: string; languages: string[] }>>;
	/**
	 * Adds a member by e-mail of an existing account or changes a member's role (owner only; the
	 * caller checks). 404 `user_not_found`, 409 `last_owner` when the last owner would be demoted.
	 * Audited; publishes AccessChange for that user.
	 */
	setMember(
		planId: string,
		actor: Principal,
		target: { userId?: string; email?: string },
		role: PlanRole
	): Promise<ApiResult<Member>>;
	/**
	 * Adds a member by e-mail (owner only; the caller checks). The answer is the same whether or
	 * not an account exists: with an account the membership is effective at once (marked
	 * `invited` until that person signs in or uses the plan), without one it is kept pending and
	 * becomes a membership when an account with that e-mail is created. 400 `invalid_email`.
	 */
	addMemberByEmail(
		planId: string,
		actor: Principal,
		email: unknown,
		role: PlanRole
	): Promise<ApiResult<{ status: 'added'; email: string; role: PlanRole }>>;
	/** Pending memberships (added by e-mail without account) as Member rows (`invited`). */
	listPendingMembers(planId: string): Promise<Member[]>;
	/** 409 `last_owner` for the last owner. Audited; publishes AccessChange. */
	removeMember(planId: string, actor: Principal, userId: string): Promise<ApiResult<null>>;

	// --- invites ---
	/**
	 * 400 `invalid_invite` for a role outside INVITE_ROLES, expiry not in the future or more than
	 * 30 days ahead, maxUses outside 1–1000. Returns the secret token once (only its hash is kept).
	 */
	createInvite(
		planId: string,
		actor: Principal,
		input: {
			role: PlanRole;
			expiresAt: number;
			maxUses: number;
			allowGuests: boolean;
			label?: string;
		}
	): Promise<ApiResult<{ invite: Invite; token: string }>>;
	listInvites(planId: string): Promise<Invite[]>;
	/** Guests of the plan whose access is still valid (owner's members list). */
	listGuests(planId: string): Promise<GuestInfo[]>;
	/** Ends one guest's access (owner; the caller checks). 404 guest_not_found. Audited. */
	removeGuest(planId: string, actor: Principal, guestId: string): Promise<ApiResult<null>>;
	/** For a session that no longer resolves: why, if it was a guest's (else null). */
	guestSessionEnded(sessionToken: string): Promise<GuestEndReason | null>;
	/** Revokes; guests who joined through it lose access (AccessChange with inviteId). */
	revokeInvite(planId: string, actor: Principal, inviteId: string): Promise<ApiResult<Invite>>;
	/** What the invite page shows: 404 `invite_not_found`, 410 with an InviteState code otherwise. */
	inspectInvite(token: string): Promise<ApiResult<Invite>>;
	/**
	 * A signed-in user accepts: becomes a member with the invite's role (never downgraded), one use
	 * is counted atomically (410 `invite_used_up` when the last use is gone, as in docs/api.md), audited.
	 * An existing member accepting again uses nothing.
	 */
	acceptInvite(
		token: string,
		user: Principal & { kind: 'user' }
	): Promise<ApiResult<{ planId: string; role: PlanRole }>>;
	/**
	 * A guest joins with a display name (1–60 chars) where the invite allows guests (403
	 * `guests_not_allowed`): counts one use, creates a guest session that expires with the invite,
	 * rate-limited per address (429). Audited as guest_joined.
	 */
	joinAsGuest(
		token: string,
		name: string,
		address: string
	): Promise<
		ApiResult<{
			sessionToken: string;
			principal: Principal & { kind: 'guest' };
			expiresAt: number;
		}> & { retryAfterSeconds?: number }
	>;

	// --- sync tokens (short-lived, signed, for scripts and non-browser clients) ---
	/** A token for this principal and plan (the caller has checked the role). */
	issueSyncToken(
		principal: Principal,
		planId: string
	): Promise<{ token: string; expiresAt: number }>;
	/** The principal if the token is authentic, unexpired and for this plan; else null. */
	verifySyncToken(token: string, planId: string): Promise<Principal | null>;

	// --- audit ---
	audit(
		planId: string,
		actor: Principal | 'system',
		action: AuditEntry['action'],
		details?: AuditEntry['details']
	): Promise<void>;
	/** Newest first; at most `limit` (default 200). The log keeps the newest 5,000 entries. */
	listAudit(planId: string, limit?: number, kind?: 'all' | 'security'): Promise<AuditEntry[]>;

	close(): Promise<void>;
}

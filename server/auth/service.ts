/**
 * The access service: accounts, sessions, plan roles, invites, sync tokens and the audit log
 * on top of a KvStore (Redis or the embedded file store). Assembles the focused modules of this
 * folder into the `AccessService` contract of types.ts.
 *
 * Methods returning an ApiResult answer storage failures with 503 `storage_unavailable`; the
 * others (resolveSession, roleFor, listUsers, …) reject with KvError, which callers map to 503.
 */
import { isValidPlanId } from '../storage/types';
import { scopedRole } from '../../src/lib/contract/api-token';
import { createAccounts } from './accounts';
import { createApiTokens } from './api-tokens';
import { createContext } from './context';
import { createExternalLogin } from './external-login';
import { createGuests } from './guests';
import { createResetLinks } from './reset-links';
import { createInvites } from './invites';
import { createMemberships } from './memberships';
import { parseJson } from './records';
import { K } from './records';
import { createSessions } from './sessions';
import { createSyncTokens } from './sync-tokens';
import type { AccessService, AccessServiceDeps, AuditEntry } from './types';

export async function createAccessService(deps: AccessServiceDeps): Promise<AccessService> {
	const ctx = createContext(deps);
	const memberships = createMemberships(ctx);
	const accounts = createAccounts(
		ctx,
		(admin) => memberships.adoptOwnerlessPlans(admin),
		(user) => memberships.claimPending(user)
	);
	const sessions = createSessions(ctx, accounts.findRecordByEmail, (userId) =>
		memberships.markSignedIn(userId)
	);
	const external = createExternalLogin(
		ctx,
		accounts.findRecordByEmail,
		accounts.createWithoutPassword,
		(userId) => memberships.markSignedIn(userId)
	);
	const invites = createInvites(ctx, memberships);
	const guests = createGuests(ctx);
	const resetLinks = createResetLinks(ctx, accounts.resetPassword);
	const syncTokens = createSyncTokens(ctx);
	const apiTokens = createApiTokens(ctx, memberships.plansOf);

	return {
		hasUsers: accounts.hasUsers,
		setupFirstAdmin: accounts.setupFirstAdmin,
		ensureAdmin: accounts.ensureAdmin,
		listUsers: accounts.listUsers,
		getUser: accounts.getUser,
		findUserByEmail: accounts.findUserByEmail,
		createUser: accounts.createUser,
		updateUser: accounts.updateUser,
		resetPassword: accounts.resetPassword,
		changePassword: accounts.changePassword,
		createResetLink: resetLinks.createResetLink,
		useResetLink: resetLinks.useResetLink,

		login: sessions.login,
		loginExternal: external.loginExternal,
		logout: sessions.logout,
		resolveSession: sessions.resolveSession,

		// A personal API token bounds every role its account acts with (scope and highest role).
		roleFor: async (principal, planId) =>
			scopedRole(principal, planId, await memberships.roleFor(principal, planId)),
		plansOf: memberships.plansOf,
		registerPlan: memberships.registerPlan,
		forgetPlan: memberships.forgetPlan,
		listMembers: memberships.listMembers,
		setMember: memberships.setMember,
		translatorLanguages: memberships.translatorLanguages,
		setTranslator: memberships.setTranslator,
		removeMember: memberships.removeMember,
		addMemberByEmail: memberships.addMemberByEmail,
		listPendingMembers: memberships.listPendingMembers,

		createInvite: invites.createInvite,
		listInvites: invites.listInvites,
		revokeInvite: invites.revokeInvite,
		inspectInvite: invites.inspectInvite,
		acceptInvite: invites.acceptInvite,
		joinAsGuest: invites.joinAsGuest,

		listGuests: guests.listGuests,
		removeGuest: guests.removeGuest,
		guestSessionEnded: guests.guestSessionEnded,

		createApiToken: apiTokens.createApiToken,
		listApiTokens: apiTokens.listApiTokens,
		revokeApiToken: apiTokens.revokeApiToken,
		resolveApiToken: apiTokens.resolveApiToken,

		issueSyncToken: syncTokens.issueSyncToken,
		verifySyncToken: syncTokens.verifySyncToken,

		async audit(planId, actor, action, details = {}) {
			if (!isValidPlanId(planId)) return;
			await ctx.audit(planId, actor, action, details);
		},

		async listAudit(planId, limit = 200, kind = 'all') {
			if (!isValidPlanId(planId)) return [];
			const n = Math.max(1, Math.min(5000, Math.floor(Number.isFinite(limit) ? limit : 200)));
			const [routine, security] = await Promise.all(
				[kind === 'security' ? null : K.audit(planId), K.auditSecurity(planId)].map((key) =>
					key ? ctx.kv.listRange(key, 0, n - 1) : Promise.resolve([])
				)
			);
			// Both lists are newest first; merged by time (ISO timestamps sort as strings).
			return [...routine, ...security]
				.map((r) => parseJson<AuditEntry>(r))
				.filter((e): e is AuditEntry => e !== null)
				.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
				.slice(0, n);
		},

		async close() {
			// The KV belongs to the caller (it may be shared); nothing else to release.
		}
	};
}

/**
 * Plan roles: the members map of each plan (authoritative, updated atomically so the last
 * owner can never be removed or demoted) and the per-user plan index behind plansOf().
 * Pending (by e-mail) entries live in pending-members.ts, translator languages in translators.ts.
 */
import { higherRole, isPlanRole, type PlanRole } from '../../src/lib/contract/roles';
import { isValidPlanId } from '../storage/types';
import { guard, type Ctx } from './context';
import { fail, type ApiResult } from './messages';
import {
	K,
	guestAccessValid,
	parseMembers,
	parsePending,
	parsePlanIndex,
	type MemberMap
} from './records';
import { createPendingMembers } from './pending-members';
import { createTranslators } from './translators';
import { randomId } from './tokens';
import type { AccessService, Member, Principal } from './types';
import { normalizeEmail } from './validate';

type Memberships = Pick<
	AccessService,
	| 'roleFor'
	| 'plansOf'
	| 'registerPlan'
	| 'forgetPlan'
	| 'listMembers'
	| 'setMember'
	| 'removeMember'
	| 'addMemberByEmail'
	| 'listPendingMembers'
	| 'translatorLanguages'
	| 'setTranslator'
>;

type MemberChange =
	| { ok: true; before: PlanRole | null; after: PlanRole | null; addedAt: string }
	| { ok: false; reason: 'last_owner' | 'member_not_found' };

const owners = (m: MemberMap) => Object.values(m).filter((x) => x.role === 'owner').length;

export interface MembershipsInternal {
	/** Sets (or with `upgradeOnly` raises) a user's role; refuses to remove the last owner. */
	changeRole(
		planId: string,
		userId: string,
		role: PlanRole | null,
		options?: { upgradeOnly?: boolean; onlyIfOwnerless?: boolean; invited?: boolean }
	): Promise<MemberChange>;
	memberRole(planId: string, userId: string): Promise<PlanRole | null>;
	adoptOwnerlessPlans(admin: Principal & { kind: 'user' }): Promise<void>;
	/** A new account: pending memberships for its e-mail become memberships (`invited`). */
	claimPending(user: { id: string; email: string }): Promise<void>;
	/** A sign-in: the account's memberships are no longer shown as „eingeladen“. */
	markSignedIn(userId: string): Promise<void>;
	/** The member used the plan (roleFor): no longer shown as „eingeladen“ there. */
	markActive(planId: string, userId: string): Promise<void>;
}

export function createMemberships(ctx: Ctx): Memberships & MembershipsInternal {
	const { kv, log } = ctx;

	async function changeRole(
		planId: string,
		userId: string,
		role: PlanRole | null,
		options: { upgradeOnly?: boolean; onlyIfOwnerless?: boolean; invited?: boolean } = {}
	): Promise<MemberChange> {
		const addedAtNow = ctx.iso();
		const change = await kv.update(
			K.members(planId),
			(
				raw
			): {
				value?: string;
				result: MemberChange;
			} => {
				const members = parseMembers(raw);
				const before = members[userId]?.role ?? null;
				const addedAt = members[userId]?.addedAt ?? addedAtNow;
				if (options.onlyIfOwnerless && owners(members) > 0) {
					return { result: { ok: true, before, after: before, addedAt } };
				}
				if (role === null && before === null) {
					return { result: { ok: false, reason: 'member_not_found' } };
				}
				const after = role === null ? null : options.upgradeOnly ? higherRole(before, role) : role;
				if (after === before) return { result: { ok: true, before, after, addedAt } };
				if (before === 'owner' && owners(members) <= 1) {
					return { result: { ok: false, reason: 'last_owner' } };
				}
				if (after === null) delete members[userId];
				else if (before === null && options.invited) {
					members[userId] = { role: after, addedAt, invited: true };
				} else members[userId] = { ...members[userId], role: after, addedAt };
				return { value: JSON.stringify(members), result: { ok: true, before, after, addedAt } };
			}
		);
		if (change.ok && change.before !== change.after) {
			await kv.update(K.userPlans(userId), (raw) => {
				const index = parsePlanIndex(raw);
				if (change.after === null) delete index[planId];
				else index[planId] = change.after;
				return { value: JSON.stringify(index), result: null };
			});
		}
		return change;
	}

	async function isInvited(planId: string, userId: string): Promise<boolean> {
		return parseMembers(await kv.get(K.members(planId)))[userId]?.invited === true;
	}

	async function memberRole(planId: string, userId: string): Promise<PlanRole | null> {
		return parseMembers(await kv.get(K.members(planId)))[userId]?.role ?? null;
	}

	const pendingMembers = createPendingMembers(ctx);

	const translators = createTranslators(ctx, pendingMembers);

	const internal: MembershipsInternal = {
		changeRole,
		memberRole,
		async claimPending(user) {
			const email = normalizeEmail(user.email);
			if (!email) return;
			for (const planId of await kv.sMembers(K.pendingPlans(email))) {
				if (!isValidPlanId(planId)) continue;
				const claimed = await pendingMembers.update(planId, (pending) => {
					const found = Object.entries(pending).filter(([, p]) => p.email === email);
					for (const [id] of found) delete pending[id];
					return found.length ? found.map(([, p]) => p) : null;
				});
				for (const p of claimed ?? []) {
					const change = await changeRole(planId, user.id, p.role, { invited: true });
					if (change.ok && p.translates) await translators.carryOver(planId, user.id, p.translates);
					if (change.ok && change.before !== change.after) {
						log.info('[auth] pending membership claimed', { planId, userId: user.id });
						ctx.publish({ planId, principalId: user.id });
					}
				}
			}
			await kv.del(K.pendingPlans(email));
		},
		async markSignedIn(userId) {
			const index = parsePlanIndex(await kv.get(K.userPlans(userId)));
			for (const planId of Object.keys(index)) await internal.markActive(planId, userId);
		},
		async markActive(planId, userId) {
			if (!isValidPlanId(planId) || !(await isInvited(planId, userId))) return;
			await kv.update(K.members(planId), (raw) => {
				const members = parseMembers(raw);
				if (!members[userId]?.invited) return { result: null };
				delete members[userId].invited;
				return { value: JSON.stringify(members), result: null };
			});
		},
		async adoptOwnerlessPlans(admin) {
			for (const planId of await ctx.listPlanIds()) {
				if (!isValidPlanId(planId)) continue;
				const change = await changeRole(planId, admin.id, 'owner', { onlyIfOwnerless: true });
				if (change.ok && change.after === 'owner' && change.before !== 'owner') {
					log.info('[auth] owner-less plan adopted by administrator', { planId, userId: admin.id });
					await ctx.audit(planId, 'system', 'member_added', {
						userId: admin.id,
						name: admin.name,
						role: 'owner'
					});
				}
			}
		}
	};

	return {
		...internal,

		async roleFor(principal, planId) {
			if (!isValidPlanId(planId)) return null;
			if (principal.kind === 'guest') {
				if (principal.planId !== planId || principal.expiresAt <= ctx.now()) return null;
				const invite = await ctx.loadInvite(principal.inviteId);
				return guestAccessValid(invite, planId, ctx.now()) ? principal.role : null;
			}
			// Using the plan (any access check of this person) ends „eingeladen“ in the list.
			const member = parseMembers(await kv.get(K.members(planId)))[principal.id];
			if (member?.invited) await internal.markActive(planId, principal.id);
			return member?.role ?? null;
		},

		async plansOf(userId) {
			const index = parsePlanIndex(await kv.get(K.userPlans(userId)));
			return Object.entries(index)
				.map(([planId, role]) => ({ planId, role }))
				.sort((a, b) => a.planId.localeCompare(b.planId));
		},

		async registerPlan(planId, owner) {
			if (!isValidPlanId(planId)) throw new Error(`invalid plan id: ${planId}`);
			await changeRole(planId, owner.id, 'owner');
			await ctx.audit(planId, owner, 'plan_created', {});
		},

		async forgetPlan(planId) {
			if (!isValidPlanId(planId)) return;
			const members = parseMembers(await kv.get(K.members(planId)));
			for (const userId of Object.keys(members)) {
				await kv.update(K.userPlans(userId), (raw) => {
					const index = parsePlanIndex(raw);
					if (!(planId in index)) return { result: null };
					delete index[planId];
					return { value: JSON.stringify(index), result: null };
				});
			}
			const pending = parsePending(await kv.get(K.pending(planId)));
			for (const p of Object.values(pending)) await kv.sRem(K.pendingPlans(p.email), planId);
			const inviteIds = await kv.sMembers(K.invites(planId));
			for (const inviteId of inviteIds) {
				const invite = await ctx.loadInvite(inviteId);
				const keys = [K.invite(inviteId)];
				if (invite) keys.push(K.inviteToken(invite.tokenHash));
				await kv.del(keys);
			}
			await kv.del([
				K.members(planId),
				K.invites(planId),
				K.audit(planId),
				K.auditSecurity(planId),
				K.guests(planId),
				K.pending(planId)
			]);
			for (const userId of Object.keys(members)) ctx.publish({ planId, principalId: userId });
			for (const inviteId of inviteIds) ctx.publish({ planId, inviteId });
		},

		async listMembers(planId) {
			if (!isValidPlanId(planId)) return [];
			const members = parseMembers(await kv.get(K.members(planId)));
			const rank: Record<PlanRole, number> = { owner: 0, editor: 1, reviewer: 2, viewer: 3 };
			const out: Member[] = [];
			for (const [userId, m] of Object.entries(members)) {
				const user = await ctx.loadUser(userId);
				if (!user) continue;
				out.push({
					userId,
					email: user.email,
					name: user.name,
					role: m.role,
					addedAt: m.addedAt,
					...(m.invited ? { invited: true } : {}),
					...(m.translates ? { translates: m.translates } : {})
				});
			}
			return out.sort((a, b) => rank[a.role] - rank[b.role] || a.name.localeCompare(b.name, 'de'));
		},

		listPendingMembers: (planId) => pendingMembers.list(planId),

		translatorLanguages: translators.translatorLanguages,
		setTranslator: translators.setTranslator,

		addMemberByEmail: (planId, actor, rawEmail, role) =>
			guard(log, 'addMemberByEmail', async () => {
				if (!isValidPlanId(planId)) return fail('invalid_plan_id');
				if (!isPlanRole(role)) return fail('invalid_role');
				const email = normalizeEmail(rawEmail);
				if (!email) return fail('invalid_email');
				const id = await kv.get(K.email(email));
				const user = id === null ? null : await ctx.loadUser(id);
				let before: PlanRole | null;
				if (user) {
					const change = await changeRole(planId, user.id, role, { invited: true });
					if (!change.ok) return fail(change.reason);
					before = change.before;
					if (change.before !== change.after) ctx.publish({ planId, principalId: user.id });
				} else {
					const entry = { email, role, addedAt: ctx.iso() };
					const newId = randomId('u');
					const change = await pendingMembers.update(planId, (pending) => {
						const found = Object.values(pending).find((p) => p.email === email);
						if (found?.role === role) return null;
						const from = found?.role ?? null;
						if (found) found.role = role;
						else pending[newId] = { ...entry };
						return { from };
					});
					before = change === null ? role : change.from;
					await kv.sAdd(K.pendingPlans(email), planId);
				}
				if (before !== role) {
					await ctx.audit(planId, actor, before === null ? 'member_added' : 'role_changed', {
						email,
						role,
						from: before
					});
				}
				return { ok: true as const, value: { status: 'added' as const, email, role } };
			}),

		setMember: (planId, actor, target, role) =>
			guard(log, 'setMember', async (): Promise<ApiResult<Member>> => {
				if (!isValidPlanId(planId)) return fail('invalid_plan_id');
				if (!isPlanRole(role)) return fail('invalid_role');
				let user = null;
				if (typeof target.userId === 'string' && target.userId.length <= 100) {
					user = await ctx.loadUser(target.userId);
					if (!user)
						return pendingMembers.change(planId, actor, target.userId, role, 'user_not_found');
				} else {
					const email = normalizeEmail(target.email);
					if (!email) return fail('invalid_email');
					const id = await kv.get(K.email(email));
					user = id === null ? null : await ctx.loadUser(id);
					if (!user) return fail('user_not_found_by_email');
				}
				const invited = await isInvited(planId, user.id);
				const change = await changeRole(planId, user.id, role);
				if (!change.ok) return fail(change.reason);
				if (change.before !== change.after) {
					await ctx.audit(planId, actor, change.before === null ? 'member_added' : 'role_changed', {
						...(invited ? { email: user.email } : { userId: user.id, name: user.name }),
						role,
						from: change.before
					});
					ctx.publish({ planId, principalId: user.id });
				}
				return {
					ok: true,
					value: {
						userId: user.id,
						email: user.email,
						name: invited ? '' : user.name,
						role,
						addedAt: change.addedAt,
						...(invited ? { invited: true } : {})
					}
				};
			}),

		removeMember: (planId, actor, userId) =>
			guard(log, 'removeMember', async (): Promise<ApiResult<null>> => {
				if (!isValidPlanId(planId)) return fail('invalid_plan_id');
				if (typeof userId !== 'string') return fail('member_not_found');
				const invited = await isInvited(planId, userId);
				const change = await changeRole(planId, userId, null);
				if (!change.ok && change.reason === 'member_not_found') {
					const removed = await pendingMembers.change(
						planId,
						actor,
						userId,
						null,
						'member_not_found'
					);
					return removed.ok ? { ok: true, value: null } : removed;
				}
				if (!change.ok) return fail(change.reason);
				const user = await ctx.loadUser(userId);
				await ctx.audit(planId, actor, 'member_removed', {
					...(invited ? { email: user?.email ?? null } : { userId, name: user?.name ?? null }),
					role: change.before
				});
				ctx.publish({ planId, principalId: userId });
				return { ok: true, value: null };
			})
	};
}

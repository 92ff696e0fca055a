/**
 * Members added by an e-mail without account (issue 12: adding must not reveal whether an
 * account exists): the pending map of a plan (`plan:<planId>:pending`), changed atomically and
 * audited like memberships; listed like invited members.
 */
import type { PlanRole } from '../../src/lib/contract/roles';
import { isValidPlanId } from '../storage/types';
import type { Ctx } from './context';
import { fail, type ApiResult } from './messages';
import { K, parsePending, type PendingMap } from './records';
import type { Member, Principal } from './types';

export function createPendingMembers(ctx: Ctx) {
	const { kv } = ctx;

	/** Changes the pending map of a plan atomically; `fn` returns the result or null (no change). */
	function update<R>(planId: string, fn: (pending: PendingMap) => R | null) {
		return kv.update(K.pending(planId), (raw) => {
			const pending = parsePending(raw);
			const result = fn(pending);
			if (result === null) return { result };
			const empty = Object.keys(pending).length === 0;
			return { value: empty ? null : JSON.stringify(pending), result };
		});
	}

	/** Changes the role of (or with null removes) a pending membership; audited like members. */
	async function change(
		planId: string,
		actor: Principal,
		pendingId: string,
		role: PlanRole | null,
		notFound: 'user_not_found' | 'member_not_found'
	): Promise<ApiResult<Member>> {
		const change = await update(planId, (pending) => {
			const found = pending[pendingId];
			if (!found) return null;
			const before = { ...found };
			if (role === null) delete pending[pendingId];
			else found.role = role;
			return before;
		});
		if (!change) return fail(notFound);
		if (role === null) await kv.sRem(K.pendingPlans(change.email), planId);
		if (change.role !== role) {
			await ctx.audit(planId, actor, role === null ? 'member_removed' : 'role_changed', {
				email: change.email,
				role: role ?? change.role,
				from: change.role
			});
		}
		const email = change.email;
		return {
			ok: true,
			value: {
				userId: pendingId,
				email,
				name: '',
				role: role ?? change.role,
				addedAt: change.addedAt,
				invited: true
			}
		};
	}

	/** Pending memberships as Member rows (`invited`, no name). */
	async function list(planId: string): Promise<Member[]> {
		if (!isValidPlanId(planId)) return [];
		const pending = parsePending(await kv.get(K.pending(planId)));
		return Object.entries(pending).map(([userId, p]) => ({
			userId,
			email: p.email,
			name: '',
			role: p.role,
			addedAt: p.addedAt,
			invited: true,
			...(p.translates ? { translates: [...p.translates] } : {})
		}));
	}

	return { update, change, list };
}

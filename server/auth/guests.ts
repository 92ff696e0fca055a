/**
 * Guests of a plan: who joined through an invite with a name only. The owner sees them next to
 * the members and can remove one at a time (that guest's session ends, others stay). A guest
 * whose access ended learns why (invite revoked, expired, or removed by the owner) instead of a
 * bare login page.
 *
 * Keys: plan:<planId>:guests JSON { [guestId]: GuestRecord } (atomic updates);
 *       guestended:<sessionHash> string, why a removed guest's session ended (TTL = its expiry
 *       plus GUEST_ENDED_GRACE_MS).
 */
import { GUEST_ENDED_GRACE_MS } from '../../src/lib/contract/credentials';
import { isValidPlanId } from '../storage/types';
import { guard, type Ctx } from './context';
import { fail, type ApiResult } from './messages';
import { K, guestAccessValid, parseJson, type SessionRecord } from './records';
import { sha256 } from './tokens';
import type { GuestEndReason, GuestInfo, Principal } from './types';
import { isTokenShaped } from './validate';

interface GuestRecord {
	name: string;
	inviteId: string;
	role: GuestInfo['role'];
	joinedAt: string;
	expiresAt: number;
	sessionHash: string;
}

const guestsKey = K.guests;
const endedKey = (sessionHash: string) => `guestended:${sessionHash}`;

type Guests = {
	listGuests(planId: string): Promise<GuestInfo[]>;
	removeGuest(planId: string, actor: Principal, guestId: string): Promise<ApiResult<null>>;
	guestSessionEnded(sessionToken: string): Promise<GuestEndReason | null>;
};

/** Called by joinAsGuest after the session is stored. */
export async function recordGuest(
	ctx: Ctx,
	session: SessionRecord & { kind: 'guest' },
	sessionToken: string
): Promise<void> {
	const now = ctx.now();
	await ctx.kv.update(guestsKey(session.planId), (raw) => {
		const all = parseJson<Record<string, GuestRecord>>(raw) ?? {};
		// Forget guests whose access is long over, so the map does not grow without end.
		for (const [id, g] of Object.entries(all)) if (g.expiresAt <= now) delete all[id];
		all[session.id] = {
			name: session.name,
			inviteId: session.inviteId,
			role: session.role,
			joinedAt: new Date(now).toISOString(),
			expiresAt: session.expiresAt,
			sessionHash: sha256(sessionToken)
		};
		return { value: JSON.stringify(all), result: undefined };
	});
}

export function createGuests(ctx: Ctx): Guests {
	const { kv, log } = ctx;
	return {
		async listGuests(planId) {
			if (!isValidPlanId(planId)) return [];
			const all = parseJson<Record<string, GuestRecord>>(await kv.get(guestsKey(planId))) ?? {};
			const now = ctx.now();
			const out: GuestInfo[] = [];
			for (const [guestId, g] of Object.entries(all)) {
				if (g.expiresAt <= now) continue;
				if (!guestAccessValid(await ctx.loadInvite(g.inviteId), planId, now)) continue;
				if (!(await ctx.loadSession(g.sessionHash))) continue; // logged out or ended
				out.push({ guestId, name: g.name, role: g.role, joinedAt: g.joinedAt });
			}
			return out.sort((a, b) => a.name.localeCompare(b.name, 'de'));
		},

		removeGuest: (planId, actor, guestId) =>
			guard(log, 'removeGuest', async (): Promise<ApiResult<null>> => {
				if (!isValidPlanId(planId)) return fail('invalid_plan_id');
				const removed = await kv.update(guestsKey(planId), (raw) => {
					const all = parseJson<Record<string, GuestRecord>>(raw) ?? {};
					const guest = typeof guestId === 'string' ? all[guestId] : undefined;
					if (!guest) return { result: null };
					delete all[guestId];
					return { value: JSON.stringify(all), result: guest };
				});
				if (!removed) return fail('guest_not_found');
				const ttlMs = Math.max(1000, removed.expiresAt - ctx.now() + GUEST_ENDED_GRACE_MS);
				await kv.set(endedKey(removed.sessionHash), 'guest_removed', { ttlMs });
				await kv.del(K.session(removed.sessionHash));
				await ctx.audit(planId, actor, 'guest_removed', { guestId, name: removed.name });
				ctx.publish({ planId, principalId: guestId });
				return { ok: true, value: null };
			}),

		async guestSessionEnded(sessionToken) {
			if (!isTokenShaped(sessionToken)) return null;
			const hash = sha256(sessionToken);
			const marked = await kv.get(endedKey(hash));
			if (marked === 'guest_removed') return 'guest_removed';
			const session = await ctx.loadSession(hash);
			if (!session || session.kind !== 'guest') return null;
			const invite = await ctx.loadInvite(session.inviteId);
			if (!invite || invite.revoked) return 'invite_revoked';
			if (invite.expiresAt <= ctx.now() || session.expiresAt <= ctx.now()) return 'invite_expired';
			return null;
		}
	};
}

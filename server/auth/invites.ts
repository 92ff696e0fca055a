/**
 * Invite links: only the SHA-256 of the secret token is stored (lookup by hash). Uses are
 * counted with an atomic update of the invite record, so parallel accepts never exceed
 * maxUses. Guests who joined through an invite lose access when it expires or is revoked
 * (checked on every resolveSession / roleFor / sync-token verification).
 */
import { INVITE_ROLES, roleAtLeast } from '../../src/lib/contract/roles';
import { isValidPlanId } from '../storage/types';
import { recordGuest } from './guests';
import { guard, MAX_INVITE_DAYS, type Ctx } from './context';
import { fail, invalidInvite, rateLimited, type ApiResult } from './messages';
import type { MembershipsInternal } from './memberships';
import {
	inviteState,
	K,
	parseJson,
	publicInvite,
	type InviteRecord,
	type SessionRecord
} from './records';
import { storeSession } from './sessions';
import { randomId, randomToken, sha256 } from './tokens';
import type { AccessService, Invite, InviteState } from './types';
import { cleanText, isTokenShaped } from './validate';

type Invites = Pick<
	AccessService,
	'createInvite' | 'listInvites' | 'revokeInvite' | 'inspectInvite' | 'acceptInvite' | 'joinAsGuest'
>;

const DAY_MS = 24 * 60 * 60 * 1000;

type UseResult =
	{ ok: true; invite: InviteRecord } | { ok: false; state: Exclude<InviteState, 'valid'> | 'gone' };

export function createInvites(ctx: Ctx, memberships: MembershipsInternal): Invites {
	const { kv, log } = ctx;

	async function byToken(token: unknown): Promise<InviteRecord | null> {
		if (!isTokenShaped(token)) return null;
		const id = await kv.get(K.inviteToken(sha256(token)));
		if (id === null) return null;
		const invite = await ctx.loadInvite(id);
		return invite && invite.tokenHash === sha256(token) ? invite : null;
	}

	/** Counts one use atomically, unless the invite is revoked, expired or used up by now. */
	function useOnce(inviteId: string): Promise<UseResult> {
		return kv.update(K.invite(inviteId), (raw): { value?: string; result: UseResult } => {
			const invite = parseJson<InviteRecord>(raw);
			if (!invite) return { result: { ok: false, state: 'gone' } };
			const state = inviteState(invite, ctx.now());
			if (state !== 'valid') return { result: { ok: false, state } };
			const next = { ...invite, uses: invite.uses + 1 };
			return { value: JSON.stringify(next), result: { ok: true, invite: next } };
		});
	}

	const refuse = (state: UseResult & { ok: false }) =>
		fail(state.state === 'gone' ? 'invite_not_found' : state.state);

	return {
		createInvite: (planId, actor, input) =>
			guard(
				log,
				'createInvite',
				async (): Promise<ApiResult<{ invite: Invite; token: string }>> => {
					if (!isValidPlanId(planId)) return fail('invalid_plan_id');
					if (!INVITE_ROLES.includes(input.role)) {
						return invalidInvite(
							'Eine Einladung kann nur die Rollen „Bearbeiten“, „Prüfen und kommentieren“ oder „Nur lesen“ vergeben.'
						);
					}
					const now = ctx.now();
					if (typeof input.expiresAt !== 'number' || !Number.isFinite(input.expiresAt)) {
						return invalidInvite('Bitte geben Sie an, bis wann die Einladung gilt.');
					}
					if (input.expiresAt <= now) {
						return invalidInvite('Das Ablaufdatum der Einladung muss in der Zukunft liegen.');
					}
					if (input.expiresAt > now + MAX_INVITE_DAYS * DAY_MS) {
						return invalidInvite(
							`Eine Einladung kann höchstens ${MAX_INVITE_DAYS} Tage gelten. Bitte wählen Sie ein früheres Ablaufdatum.`
						);
					}
					if (!Number.isInteger(input.maxUses) || input.maxUses < 1 || input.maxUses > 1000) {
						return invalidInvite('Eine Einladung kann 1- bis 1.000-mal genutzt werden.');
					}
					if (typeof input.allowGuests !== 'boolean') {
						return invalidInvite('Bitte geben Sie an, ob Gäste ohne Konto beitreten dürfen.');
					}
					let label = '';
					if (input.label !== undefined && input.label !== '') {
						const cleaned = cleanText(input.label, 120, 0);
						if (cleaned === null) {
							return invalidInvite('Die Notiz zur Einladung darf höchstens 120 Zeichen lang sein.');
						}
						label = cleaned;
					}
					const token = randomToken();
					const record: InviteRecord = {
						id: randomId('inv'),
						planId,
						role: input.role,
						label,
						expiresAt: Math.floor(input.expiresAt),
						maxUses: input.maxUses,
						uses: 0,
						allowGuests: input.allowGuests,
						revoked: false,
						createdBy: actor.id,
						createdAt: new Date(now).toISOString(),
						tokenHash: sha256(token)
					};
					await kv.set(K.invite(record.id), JSON.stringify(record));
					await kv.set(K.inviteToken(record.tokenHash), record.id);
					await kv.sAdd(K.invites(planId), record.id);
					await ctx.audit(planId, actor, 'invite_created', {
						inviteId: record.id,
						role: record.role,
						maxUses: record.maxUses,
						allowGuests: record.allowGuests,
						expiresAt: record.expiresAt
					});
					return { ok: true, value: { invite: publicInvite(record), token } };
				}
			),

		async listInvites(planId) {
			if (!isValidPlanId(planId)) return [];
			const ids = await kv.sMembers(K.invites(planId));
			const invites = await Promise.all(ids.map((id) => ctx.loadInvite(id)));
			return invites
				.filter((i): i is InviteRecord => i !== null && i.planId === planId)
				.map(publicInvite)
				.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
		},

		revokeInvite: (planId, actor, inviteId) =>
			guard(log, 'revokeInvite', async (): Promise<ApiResult<Invite>> => {
				if (typeof inviteId !== 'string' || inviteId.length > 100) return fail('invite_not_found');
				const result = await kv.update(K.invite(inviteId), (raw) => {
					const invite = parseJson<InviteRecord>(raw);
					if (!invite || invite.planId !== planId) return { result: null };
					if (invite.revoked) return { result: { invite, changed: false } };
					const next = { ...invite, revoked: true };
					return { value: JSON.stringify(next), result: { invite: next, changed: true } };
				});
				if (!result) return fail('invite_not_found');
				if (result.changed) {
					await ctx.audit(planId, actor, 'invite_revoked', { inviteId });
					ctx.publish({ planId, inviteId });
				}
				return { ok: true, value: publicInvite(result.invite) };
			}),

		inspectInvite: (token) =>
			guard(log, 'inspectInvite', async (): Promise<ApiResult<Invite>> => {
				const invite = await byToken(token);
				if (!invite) return fail('invite_not_found');
				const state = inviteState(invite, ctx.now());
				if (state !== 'valid') return fail(state);
				return { ok: true, value: publicInvite(invite) };
			}),

		acceptInvite: (token, user) =>
			guard(log, 'acceptInvite', async () => {
				const invite = await byToken(token);
				if (!invite) return fail('invite_not_found');
				const current = await memberships.memberRole(invite.planId, user.id);
				const state = inviteState(invite, ctx.now());
				if (state === 'invite_revoked' || state === 'invite_expired') return fail(state);
				// Already a member with at least this role: nothing to grant, no use counted.
				if (roleAtLeast(current, invite.role)) {
					return {
						ok: true as const,
						value: { planId: invite.planId, role: current ?? invite.role }
					};
				}
				const used = await useOnce(invite.id);
				if (!used.ok) return refuse(used);
				const change = await memberships.changeRole(invite.planId, user.id, invite.role, {
					upgradeOnly: true
				});
				if (!change.ok || change.after === null) return fail('invite_not_found');
				await ctx.audit(
					invite.planId,
					user,
					change.before === null ? 'member_joined' : 'role_changed',
					{
						userId: user.id,
						name: user.name,
						role: change.after,
						from: change.before,
						inviteId: invite.id
					}
				);
				if (change.before !== change.after)
					ctx.publish({ planId: invite.planId, principalId: user.id });
				return { ok: true as const, value: { planId: invite.planId, role: change.after } };
			}),

		joinAsGuest: (token, name, address) =>
			guard(log, 'joinAsGuest', async () => {
				const counter = await kv.incr(K.guestAddress(String(address)), ctx.limits.loginWindowMs);
				if (counter.value > ctx.limits.guestJoinsPerAddress) {
					return rateLimited(Math.max(1, Math.ceil(counter.ttlMs / 1000)));
				}
				const invite = await byToken(token);
				if (!invite) return fail('invite_not_found');
				const state = inviteState(invite, ctx.now());
				if (state !== 'valid') return fail(state);
				if (!invite.allowGuests) return fail('guests_not_allowed');
				const guestName = cleanText(name, 60);
				if (!guestName) return fail('invalid_guest_name');
				const used = await useOnce(invite.id);
				if (!used.ok) return refuse(used);
				const now = ctx.now();
				const expiresAt = Math.min(used.invite.expiresAt, now + ctx.limits.sessionTtlMs);
				const record: SessionRecord = {
					kind: 'guest',
					id: randomId('guest'),
					name: guestName,
					planId: invite.planId,
					role: invite.role,
					inviteId: invite.id,
					expiresAt
				};
				const sessionToken = await storeSession(ctx, record);
				await recordGuest(ctx, record, sessionToken);
				const principal = {
					kind: 'guest' as const,
					id: record.id,
					name: record.name,
					planId: record.planId,
					role: record.role,
					inviteId: record.inviteId,
					expiresAt: used.invite.expiresAt
				};
				await ctx.audit(invite.planId, principal, 'guest_joined', {
					guestId: record.id,
					name: guestName,
					role: invite.role,
					inviteId: invite.id
				});
				return { ok: true as const, value: { sessionToken, principal, expiresAt } };
			})
	};
}

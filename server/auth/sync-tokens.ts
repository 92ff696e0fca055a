/**
 * Sync tokens for scripts and non-browser websocket clients:
 * `<base64url(JSON {v, planId, principal, exp})>.<base64url(HMAC-SHA256)>`, valid for
 * `syncTokenTtlMs`. The HMAC secret is created once in the KV (set-if-absent), so every
 * instance shares it. Verification also re-checks that a user is still enabled and a guest's
 * invite is still valid.
 */
import { isPlanRole } from '../../src/lib/contract/roles';
import type { Ctx } from './context';
import { guestAccessValid, K } from './records';
import { openSigned, randomToken, signPayload } from './tokens';
import type { AccessService, Principal } from './types';

type SyncTokens = Pick<AccessService, 'issueSyncToken' | 'verifySyncToken'>;

interface Payload {
	v: 1;
	planId: string;
	principal: Principal;
	exp: number;
	/** For users: their session epoch when issued (a reset or password change ends the token). */
	epoch?: number;
}

const str = (x: unknown, max = 300): x is string => typeof x === 'string' && x.length <= max;

function isPrincipal(p: unknown): p is Principal {
	if (typeof p !== 'object' || p === null) return false;
	const r = p as Record<string, unknown>;
	if (r.kind === 'user') {
		return str(r.id) && str(r.name) && str(r.email) && typeof r.isAdmin === 'boolean';
	}
	return (
		r.kind === 'guest' &&
		str(r.id) &&
		str(r.name) &&
		str(r.planId) &&
		isPlanRole(r.role) &&
		str(r.inviteId) &&
		typeof r.expiresAt === 'number'
	);
}

function isPayload(p: unknown): p is Payload {
	if (typeof p !== 'object' || p === null) return false;
	const r = p as Record<string, unknown>;
	return r.v === 1 && str(r.planId) && typeof r.exp === 'number' && isPrincipal(r.principal);
}

export function createSyncTokens(ctx: Ctx): SyncTokens {
	let secret: Promise<string> | null = null;

	function getSecret(): Promise<string> {
		secret ??= (async () => {
			await ctx.kv.set(K.syncSecret, randomToken(), { ifAbsent: true });
			const stored = await ctx.kv.get(K.syncSecret);
			if (!stored) throw new Error('sync token secret missing after creation');
			return stored;
		})();
		secret.catch(() => {
			secret = null; // retry on the next call (e.g. after a storage outage)
		});
		return secret;
	}

	return {
		async issueSyncToken(principal, planId) {
			const expiresAt = ctx.now() + ctx.limits.syncTokenTtlMs;
			const epoch =
				principal.kind === 'user' ? (await ctx.loadUser(principal.id))?.sessionEpoch : undefined;
			const payload: Payload = { v: 1, planId, principal, exp: expiresAt, epoch };
			return { token: signPayload(payload, await getSecret()), expiresAt };
		},

		async verifySyncToken(token, planId) {
			if (typeof token !== 'string' || typeof planId !== 'string') return null;
			const payload = openSigned(token, await getSecret());
			if (!isPayload(payload) || payload.planId !== planId || payload.exp <= ctx.now()) return null;
			const p = payload.principal;
			if (p.kind === 'user') {
				const user = await ctx.loadUser(p.id);
				if (!user || user.disabled || user.sessionEpoch !== payload.epoch) return null;
				return {
					kind: 'user',
					id: user.id,
					name: user.name,
					email: user.email,
					isAdmin: user.isAdmin,
					// Issued to a personal API token: the websocket keeps that token's scope.
					...(p.apiToken ? { apiToken: p.apiToken } : {})
				};
			}
			if (p.planId !== planId || p.expiresAt <= ctx.now()) return null;
			const invite = await ctx.loadInvite(p.inviteId);
			return guestAccessValid(invite, planId, ctx.now()) ? p : null;
		}
	};
}

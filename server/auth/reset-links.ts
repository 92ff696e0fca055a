/**
 * Password reset links made by the Administration instead of telling someone a password: a
 * one-time token (only its SHA-256 is stored) that expires after RESET_LINK_TTL_MS. Using it sets
 * the person's own password and ends all their sessions; a newer link replaces an older one.
 *
 * Keys: pwreset:<sha256(token)> string userId (TTL); pwreset-user:<userId> string sha (TTL).
 */
import { guard, type Ctx } from './context';
import { fail, type ApiResult } from './messages';
import { randomToken, sha256 } from './tokens';
import type { AccessService } from './types';
import { checkPassword, isTokenShaped } from './validate';

export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

type ResetLinks = Pick<AccessService, 'createResetLink' | 'useResetLink'>;

export function createResetLinks(
	ctx: Ctx,
	setPassword: AccessService['resetPassword']
): ResetLinks {
	const { kv, log } = ctx;
	return {
		createResetLink: (userId) =>
			guard(log, 'createResetLink', async () => {
				if (typeof userId !== 'string' || !(await ctx.loadUser(userId))) {
					return fail('user_not_found');
				}
				const previous = await kv.get(`pwreset-user:${userId}`);
				if (previous) await kv.del(`pwreset:${previous}`);
				const token = randomToken();
				const hash = sha256(token);
				await kv.set(`pwreset:${hash}`, userId, { ttlMs: RESET_LINK_TTL_MS });
				await kv.set(`pwreset-user:${userId}`, hash, { ttlMs: RESET_LINK_TTL_MS });
				return { ok: true as const, value: { token, expiresAt: ctx.now() + RESET_LINK_TTL_MS } };
			}),

		useResetLink: (token, newPassword) =>
			guard(log, 'useResetLink', async (): Promise<ApiResult<null>> => {
				const problem = checkPassword(newPassword);
				if (problem) return fail(problem);
				if (!isTokenShaped(token)) return fail('reset_link_invalid');
				const hash = sha256(token);
				// Take the token atomically: a second use (or a parallel one) finds nothing.
				const userId = await kv.update(`pwreset:${hash}`, (raw) =>
					raw === null ? { result: null } : { value: null, result: raw }
				);
				if (!userId) return fail('reset_link_invalid');
				await kv.del(`pwreset-user:${userId}`);
				log.info('[auth] password set through a reset link', { userId });
				return setPassword(userId, newPassword as string, { mustChange: false });
			})
	};
}

/**
 * Sign-in vouched for by a single sign-on provider (OpenID Connect, server/auth/oidc): finds the
 * account by its e-mail (or creates one without local password when allowed) and makes a session
 * exactly like a password sign-in does (same record, epoch, lifetime, "signed in" marks).
 */
import { ssoError } from '../../src/lib/contract/sso';
import { guard, type Ctx } from './context';
import { K, parseJson, publicUser, type UserRecord } from './records';
import { storeSession } from './sessions';
import type { AccessService, User } from './types';
import type { ApiResult } from './messages';
import { cleanText, normalizeEmail } from './validate';

export function createExternalLogin(
	ctx: Ctx,
	findRecordByEmail: (email: string) => Promise<UserRecord | null>,
	createWithoutPassword: (input: { email: string; name: string }) => Promise<ApiResult<User>>,
	signedIn: (userId: string) => Promise<void>
): Pick<AccessService, 'loginExternal'> {
	const { kv, log } = ctx;
	const refuse = (code: Parameters<typeof ssoError>[0]) => ({
		ok: false as const,
		error: ssoError(code)
	});

	return {
		loginExternal: (input) =>
			guard(log, 'loginExternal', async () => {
				const email = normalizeEmail(input.email);
				if (!email) return refuse('sso_email_missing');
				let user = await findRecordByEmail(email);
				if (!user) {
					if (!input.createIfMissing) {
						log.info('[auth] single sign-on without account');
						return refuse('sso_no_account');
					}
					const name = cleanText(input.name, 80) ?? email.split('@')[0];
					const created = await createWithoutPassword({ email, name });
					// email_taken: made in parallel (second tab) – use that account.
					if (!created.ok && created.error.code !== 'email_taken') return created;
					user = await findRecordByEmail(email);
					if (!user) return refuse('sso_no_account');
					log.info('[auth] account created by single sign-on', { userId: user.id });
				}
				if (user.disabled) return refuse('sso_account_disabled');
				const now = ctx.now();
				const lastLoginAt = new Date(now).toISOString();
				const updated = await kv.update(K.user(user.id), (raw) => {
					const u = parseJson<UserRecord>(raw);
					if (!u || u.disabled) return { result: null };
					const next = { ...u, lastLoginAt };
					return { value: JSON.stringify(next), result: next };
				});
				if (!updated) return refuse('sso_account_disabled');
				await signedIn(updated.id);
				const expiresAt = now + ctx.limits.sessionTtlMs;
				const token = await storeSession(ctx, {
					kind: 'user',
					userId: updated.id,
					epoch: updated.sessionEpoch,
					expiresAt
				});
				log.info('[auth] signed in by single sign-on', { userId: updated.id });
				return { ok: true as const, value: { token, user: publicUser(updated), expiresAt } };
			})
	};
}

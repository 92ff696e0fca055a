/**
 * Sessions: random 32-byte tokens (base64url) of which only the SHA-256 is stored, with a TTL.
 * A user session is valid while the account is enabled and the session's epoch equals the
 * account's (raised by disabling and password resets); a guest session while its invite is
 * neither revoked nor expired. Login failures are rate-limited per (account, address) with a
 * growing delay, and per address across accounts, BEFORE the password is checked. Never per
 * account alone: someone guessing from one address must not lock the real user out elsewhere.
 */
import { GUEST_ENDED_GRACE_MS } from '../../src/lib/contract/credentials';
import { guard, type Ctx } from './context';
import { fail, tooManyAttempts } from './messages';
import { dummyVerify, hashPassword, needsRehash, verifyPassword } from './password';
import {
	guestAccessValid,
	K,
	parseJson,
	publicUser,
	type SessionRecord,
	type UserRecord
} from './records';
import { randomToken, sha256 } from './tokens';
import type { AccessService, Principal } from './types';
import { isTokenShaped, normalizeEmail } from './validate';

type Sessions = Pick<AccessService, 'login' | 'logout' | 'resolveSession'>;

/**
 * Stores a session record under the hash of a new token; returns the token. A guest's record is
 * kept GUEST_ENDED_GRACE_MS past its end (invalid, but it still tells why the access ended).
 */
export async function storeSession(ctx: Ctx, record: SessionRecord): Promise<string> {
	const token = randomToken();
	const grace = record.kind === 'guest' ? GUEST_ENDED_GRACE_MS : 0;
	const ttlMs = Math.max(1, record.expiresAt - ctx.now() + grace);
	await ctx.kv.set(K.session(sha256(token)), JSON.stringify(record), { ttlMs });
	return token;
}

/** The principal of a stored session, or null if it is no longer valid. */
export async function principalOfSession(
	ctx: Ctx,
	session: SessionRecord | null
): Promise<Principal | null> {
	if (!session || typeof session.expiresAt !== 'number' || session.expiresAt <= ctx.now()) {
		return null;
	}
	if (session.kind === 'user') {
		const user = await ctx.loadUser(session.userId);
		if (!user || user.disabled || user.sessionEpoch !== session.epoch) return null;
		return {
			kind: 'user',
			id: user.id,
			name: user.name,
			email: user.email,
			isAdmin: user.isAdmin,
			...(user.mustChangePassword ? { mustChangePassword: true } : {})
		};
	}
	if (session.kind === 'guest') {
		const invite = await ctx.loadInvite(session.inviteId);
		if (!invite || !guestAccessValid(invite, session.planId, ctx.now())) return null;
		return {
			kind: 'guest',
			id: session.id,
			name: session.name,
			planId: session.planId,
			role: session.role,
			inviteId: session.inviteId,
			expiresAt: invite.expiresAt
		};
	}
	return null;
}

export function createSessions(
	ctx: Ctx,
	findRecordByEmail: (email: string) => Promise<UserRecord | null>,
	/** After a successful sign-in (memberships stop being shown as „eingeladen“). */
	signedIn: (userId: string) => Promise<void> = async () => {}
): Sessions {
	const { kv, log, limits } = ctx;

	/**
	 * Counts the attempt *before* the (slow) password check, so parallel guesses cannot all pass
	 * a check that only reads the counters. Per (account, address): the first
	 * `loginFailuresPerAccount - 1` failures are free; from then on every attempt locks the pair
	 * for a delay that doubles with each failure (1 s, 2 s, 4 s, … up to the window), and attempts
	 * during the lock are refused without being checked. Per address (across accounts),
	 * successful logins are given back (a town hall's staff may all come through one NAT
	 * address). Returns the wait in seconds, or null when the attempt may proceed.
	 */
	async function countAttempt(pair: string, address: string): Promise<number | null> {
		const lockKey = K.loginPairLock(pair);
		const lockedUntil = async () => {
			const until = Number(await kv.get(lockKey));
			return until > ctx.now() ? until - ctx.now() : 0;
		};
		const locked = await lockedUntil();
		if (locked > 0) return Math.max(1, Math.ceil(locked / 1000));
		const failures = await kv.incr(K.loginPair(pair), limits.loginWindowMs);
		const byAddress = await kv.incr(K.loginAddress(address), limits.loginWindowMs);
		const okFromAddress = (await kv.counter(K.loginAddressOk(address)))?.value ?? 0;
		if (byAddress.value - okFromAddress > limits.loginFailuresPerAddress) {
			return Math.max(1, Math.ceil(byAddress.ttlMs / 1000));
		}
		const over = failures.value - limits.loginFailuresPerAccount;
		if (over >= 0) {
			const delay = Math.min(limits.loginWindowMs, 1000 * 2 ** Math.min(over, 30));
			// Set-if-absent: of parallel attempts only one takes the lock and is checked.
			const placed = await kv.set(lockKey, String(ctx.now() + delay), {
				ttlMs: delay,
				ifAbsent: true
			});
			if (!placed) return Math.max(1, Math.ceil(((await lockedUntil()) || 1000) / 1000));
		}
		return null;
	}

	return {
		login: (email, password, address) =>
			guard(log, 'login', async () => {
				const normalized =
					normalizeEmail(email) ??
					(typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '');
				const from = String(address ?? 'unknown');
				const pair = `${normalized}\n${from.slice(0, 100)}`;
				const wait = await countAttempt(pair, from);
				if (wait !== null) return tooManyAttempts(wait);

				const user = normalizeEmail(email) ? await findRecordByEmail(normalized) : null;
				const pw = typeof password === 'string' && password.length <= 4096 ? password : '';
				// An account without local password (single sign-on) costs the same time to refuse.
				const matches = user?.passwordHash
					? await verifyPassword(pw, user.passwordHash)
					: await dummyVerify(pw, ctx.scrypt);
				if (!user || !matches || user.disabled) {
					log.info('[auth] login failed', { address: from.slice(0, 100) });
					return fail('invalid_credentials');
				}
				// Success clears the failures of this account from this address and gives the
				// address its attempt back.
				await kv.del([K.loginPair(pair), K.loginPairLock(pair)]);
				await kv.incr(K.loginAddressOk(from), limits.loginWindowMs);
				// A hash of an older, lower cost is replaced at this login (the password is known now).
				const upgraded = needsRehash(user.passwordHash, ctx.scrypt)
					? await hashPassword(pw, ctx.scrypt)
					: null;
				const now = ctx.now();
				const lastLoginAt = new Date(now).toISOString();
				const updated = await kv.update(K.user(user.id), (raw) => {
					const u = parseJson<UserRecord>(raw);
					if (!u) return { result: null };
					// A reset, password change or disabling while the password was being checked
					// must not be outlived by this session (resets and changes raise the epoch; a
					// parallel login's cost upgrade changes the hash, not the password).
					if (u.disabled || u.sessionEpoch !== user.sessionEpoch) return { result: null };
					const rehash = upgraded && u.passwordHash === user.passwordHash;
					const next = { ...u, lastLoginAt, ...(rehash ? { passwordHash: upgraded } : {}) };
					return { value: JSON.stringify(next), result: next };
				});
				if (!updated) return fail('invalid_credentials');
				await signedIn(updated.id);
				const expiresAt = now + limits.sessionTtlMs;
				const token = await storeSession(ctx, {
					kind: 'user',
					userId: updated.id,
					epoch: updated.sessionEpoch,
					expiresAt
				});
				return { ok: true as const, value: { token, user: publicUser(updated), expiresAt } };
			}),

		async logout(sessionToken) {
			if (!isTokenShaped(sessionToken)) return;
			await kv.del(K.session(sha256(sessionToken)));
		},

		async resolveSession(sessionToken) {
			if (!isTokenShaped(sessionToken)) return null;
			return principalOfSession(ctx, await ctx.loadSession(sha256(sessionToken)));
		}
	};
}

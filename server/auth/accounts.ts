/**
 * Accounts: first administrator, admin-managed users, passwords. The last active administrator
 * is protected through the atomically updated `admins` index; disabling a user or resetting a
 * password raises the user's session epoch, which ends all their sessions on every instance.
 */
import { guard, type Ctx } from './context';
import { fail, type ApiResult } from './messages';
import { hashPassword, verifyPassword } from './password';
import { K, parseJson, parsePlanIndex, publicUser, type UserRecord } from './records';
import { randomId, sha256 } from './tokens';
import type { AccessService, User } from './types';
import { checkPassword, cleanText, isTokenShaped, normalizeEmail } from './validate';

type Accounts = Pick<
	AccessService,
	| 'hasUsers'
	| 'setupFirstAdmin'
	| 'ensureAdmin'
	| 'listUsers'
	| 'getUser'
	| 'findUserByEmail'
	| 'createUser'
	| 'updateUser'
	| 'resetPassword'
	| 'changePassword'
>;

type UserPrincipal = { kind: 'user'; id: string; name: string; email: string; isAdmin: boolean };

export const userPrincipal = (u: User): UserPrincipal => ({
	kind: 'user',
	id: u.id,
	name: u.name,
	email: u.email,
	isAdmin: u.isAdmin
});

const isActiveAdmin = (u: User) => u.isAdmin && !u.disabled;

/** Passed as `password` by single sign-on (server/auth/external-login.ts): no local password. */
export const NO_PASSWORD: unique symbol = Symbol('no password');

export function createAccounts(
	ctx: Ctx,
	adoptOwnerlessPlans: (admin: UserPrincipal) => Promise<void>,
	/** Pending memberships (added by e-mail before the account existed) become effective. */
	claimPending: (user: { id: string; email: string }) => Promise<void> = async () => {}
): Accounts & {
	findRecordByEmail(email: string): Promise<UserRecord | null>;
	/** Account for a person signing in by single sign-on (no local password). */
	createWithoutPassword(input: { email: string; name: string }): Promise<ApiResult<User>>;
} {
	const { kv, log } = ctx;

	async function findRecordByEmail(email: string): Promise<UserRecord | null> {
		const id = await kv.get(K.email(email));
		if (id === null) return null;
		const user = await ctx.loadUser(id);
		return user && user.email === email ? user : null;
	}

	async function setAdminIndex(userId: string, active: boolean): Promise<boolean> {
		// Rebuild a missing index (e.g. lost or deleted by hand) before relying on it.
		if ((await kv.get(K.admins)) === null) {
			const ids = await kv.sMembers(K.users);
			const users = await Promise.all(ids.map((id) => ctx.loadUser(id)));
			const admins = users.filter((u): u is UserRecord => !!u && isActiveAdmin(u)).map((u) => u.id);
			await kv.set(K.admins, JSON.stringify(admins), { ifAbsent: true });
		}
		return kv.update(K.admins, (raw) => {
			const ids = new Set(parseJson<string[]>(raw) ?? []);
			if (active === ids.has(userId)) return { result: true };
			if (active) ids.add(userId);
			else if (ids.size <= 1) return { result: false };
			else ids.delete(userId);
			return { value: JSON.stringify([...ids]), result: true };
		});
	}

	/** Validates and stores a new account. */
	async function create(input: {
		email: unknown;
		name: unknown;
		password: unknown;
		isAdmin?: unknown;
		mustChangePassword?: unknown;
		canCreatePlans?: unknown;
	}): Promise<ApiResult<User>> {
		const email = normalizeEmail(input.email);
		if (!email) return fail('invalid_email');
		const name = cleanText(input.name, 80);
		if (!name) return fail('invalid_name');
		// NO_PASSWORD: an account made by single sign-on; '' never matches (a reset sets one).
		const problem = input.password === NO_PASSWORD ? null : checkPassword(input.password);
		if (problem) return fail(problem);
		const passwordHash =
			input.password === NO_PASSWORD
				? ''
				: await hashPassword(input.password as string, ctx.scrypt);
		const record: UserRecord = {
			id: randomId('u'),
			email,
			name,
			isAdmin: input.isAdmin === true,
			disabled: false,
			createdAt: ctx.iso(),
			lastLoginAt: null,
			passwordHash,
			sessionEpoch: 0,
			mustChangePassword: input.mustChangePassword === true,
			canCreatePlans: input.canCreatePlans === true
		};
		if (!(await kv.set(K.email(email), record.id, { ifAbsent: true }))) {
			// Taken — unless the reservation is a leftover of a create that failed half-way.
			if (await findRecordByEmail(email)) return fail('email_taken');
			await kv.set(K.email(email), record.id);
		}
		await kv.set(K.user(record.id), JSON.stringify(record));
		await kv.sAdd(K.users, record.id);
		if (record.isAdmin) await setAdminIndex(record.id, true);
		await claimPending(record);
		log.info('[auth] account created', { userId: record.id, isAdmin: record.isAdmin });
		return { ok: true, value: publicUser(record) };
	}

	/** Atomic change of one user record; null if the user does not exist. */
	function updateRecord(
		userId: string,
		fn: (u: UserRecord) => UserRecord
	): Promise<UserRecord | null> {
		return kv.update(K.user(userId), (raw) => {
			const current = parseJson<UserRecord>(raw);
			if (!current) return { result: null };
			const next = fn(current);
			return { value: JSON.stringify(next), result: next };
		});
	}

	async function plansOfUser(userId: string): Promise<string[]> {
		return Object.keys(parsePlanIndex(await kv.get(K.userPlans(userId))));
	}

	const hasUsers = async () => (await kv.sMembers(K.users)).length > 0;

	return {
		findRecordByEmail,
		createWithoutPassword: (input) => create({ ...input, password: NO_PASSWORD }),
		hasUsers,

		setupFirstAdmin: (input) =>
			guard(log, 'setupFirstAdmin', async () => {
				if (await hasUsers()) return fail('setup_done');
				// Validate before taking the one-time lock, so a typo does not use it up.
				if (!normalizeEmail(input.email)) return fail('invalid_email');
				if (!cleanText(input.name, 80)) return fail('invalid_name');
				const problem = checkPassword(input.password);
				if (problem) return fail(problem);
				if (!(await kv.set(K.setup, ctx.iso(), { ifAbsent: true }))) return fail('setup_done');
				let result: ApiResult<User>;
				try {
					result = await create({ ...input, isAdmin: true });
				} catch (err) {
					await kv.del(K.setup).catch(() => {});
					throw err;
				}
				if (!result.ok) {
					await kv.del(K.setup).catch(() => {});
					return result;
				}
				await adoptOwnerlessPlans(userPrincipal(result.value));
				return result;
			}),

		async ensureAdmin(input) {
			const email = normalizeEmail(input.email);
			if (!email) throw new Error('MITPLAN_ADMIN_EMAIL is not a valid e-mail address');
			let user: User | null = null;
			const existing = await findRecordByEmail(email);
			if (existing) user = publicUser(existing);
			else {
				const created = await create({
					email,
					name: input.name?.trim() || 'Administration',
					password: input.password,
					isAdmin: true
				});
				if (created.ok) user = created.value;
				else if (created.error.code === 'email_taken') {
					const raced = await findRecordByEmail(email);
					if (raced) user = publicUser(raced);
				}
				if (!user) {
					throw new Error(`MITPLAN_ADMIN_*: ${created.ok ? 'unknown' : created.error.message}`);
				}
				log.info('[auth] administrator from MITPLAN_ADMIN_EMAIL created', { userId: user.id });
			}
			if (user.isAdmin && !user.disabled) await adoptOwnerlessPlans(userPrincipal(user));
			return user;
		},

		async listUsers() {
			const ids = await kv.sMembers(K.users);
			const users = await Promise.all(ids.map((id) => ctx.loadUser(id)));
			return users
				.filter((u): u is UserRecord => u !== null)
				.map(publicUser)
				.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.email.localeCompare(b.email));
		},

		async getUser(userId) {
			if (typeof userId !== 'string' || userId.length > 100) return null;
			const u = await ctx.loadUser(userId);
			return u ? publicUser(u) : null;
		},

		async findUserByEmail(email) {
			const normalized = normalizeEmail(email);
			if (!normalized) return null;
			const u = await findRecordByEmail(normalized);
			return u ? publicUser(u) : null;
		},

		createUser: (input) => guard(log, 'createUser', () => create(input)),

		updateUser: (userId, patch) =>
			guard(log, 'updateUser', async (): Promise<ApiResult<User>> => {
				const current = typeof userId === 'string' ? await ctx.loadUser(userId) : null;
				if (!current) return fail('user_not_found');
				let name: string | undefined;
				if (patch.name !== undefined) {
					const cleaned = cleanText(patch.name, 80);
					if (!cleaned) return fail('invalid_name');
					name = cleaned;
				}
				const isAdmin = typeof patch.isAdmin === 'boolean' ? patch.isAdmin : undefined;
				const disabled = typeof patch.disabled === 'boolean' ? patch.disabled : undefined;
				const canCreatePlans =
					typeof patch.canCreatePlans === 'boolean' ? patch.canCreatePlans : undefined;
				const willBeActiveAdmin = (isAdmin ?? current.isAdmin) && !(disabled ?? current.disabled);
				if (!willBeActiveAdmin && !(await setAdminIndex(userId, false))) return fail('last_admin');
				let wasDisabled = false;
				const next = await updateRecord(userId, (u) => {
					wasDisabled = u.disabled;
					const disabling = disabled === true && !u.disabled;
					return {
						...u,
						name: name ?? u.name,
						isAdmin: isAdmin ?? u.isAdmin,
						disabled: disabled ?? u.disabled,
						canCreatePlans: canCreatePlans ?? u.canCreatePlans === true,
						sessionEpoch: disabling ? u.sessionEpoch + 1 : u.sessionEpoch
					};
				});
				if (!next) return fail('user_not_found');
				if (isActiveAdmin(next)) await setAdminIndex(userId, true);
				if (next.disabled && !wasDisabled) {
					log.info('[auth] account disabled', { userId });
					for (const planId of await plansOfUser(userId)) {
						ctx.publish({ planId, principalId: userId });
					}
				}
				return { ok: true, value: publicUser(next) };
			}),

		resetPassword: (userId, newPassword, options = {}) =>
			guard(log, 'resetPassword', async (): Promise<ApiResult<null>> => {
				const problem = checkPassword(newPassword);
				if (problem) return fail(problem);
				if (typeof userId !== 'string' || !(await ctx.loadUser(userId))) {
					return fail('user_not_found');
				}
				const passwordHash = await hashPassword(newPassword, ctx.scrypt);
				// The Administration knows this password: the person must replace it first (not when
				// the person chose it through a reset link).
				const next = await updateRecord(userId, (u) => ({
					...u,
					passwordHash,
					sessionEpoch: u.sessionEpoch + 1,
					mustChangePassword: options.mustChange ?? true
				}));
				if (!next) return fail('user_not_found');
				for (const planId of await plansOfUser(userId))
					ctx.publish({ planId, principalId: userId });
				return { ok: true, value: null };
			}),

		changePassword: (userId, currentPassword, newPassword, keepSessionToken) =>
			guard(log, 'changePassword', async (): Promise<ApiResult<null>> => {
				const current = typeof userId === 'string' ? await ctx.loadUser(userId) : null;
				if (!current) return fail('user_not_found');
				if (
					typeof currentPassword !== 'string' ||
					currentPassword.length > 4096 ||
					!(await verifyPassword(currentPassword, current.passwordHash))
				) {
					return fail('wrong_password');
				}
				const problem = checkPassword(newPassword);
				if (problem) return fail(problem);
				const passwordHash = await hashPassword(newPassword, ctx.scrypt);
				const next = await updateRecord(userId, (u) => ({
					...u,
					passwordHash,
					sessionEpoch: u.sessionEpoch + 1,
					mustChangePassword: false
				}));
				if (!next) return fail('user_not_found');
				// Carry the current session over into the new epoch; all others end.
				if (isTokenShaped(keepSessionToken)) {
					await kv.update(K.session(sha256(keepSessionToken)), (raw) => {
						const s = parseJson<{ kind: string; userId?: string; epoch?: number }>(raw);
						if (!s || s.kind !== 'user' || s.userId !== userId) return { result: null };
						return { value: JSON.stringify({ ...s, epoch: next.sessionEpoch }), result: null };
					});
				}
				// Live connections of the other sessions end too (this one reconnects at once).
				for (const planId of await plansOfUser(userId))
					ctx.publish({ planId, principalId: userId });
				return { ok: true, value: null };
			})
	};
}

/**
 * Personal API tokens for scripts: created by an account (name, optional expiry, plans, highest
 * role), shown once, stored only as SHA-256, listed and revocable. A request with
 * `Authorization: Bearer mp_…` acts as the account, bounded by the token's scope (the account's
 * role at request time still applies below it: src/lib/contract/api-token.ts). Failed attempts are
 * counted per client address like failed logins.
 *
 * Keys: apitokens:<userId> JSON { [tokenId]: ApiTokenRecord }; apitoken:<sha256(token)> string
 * `<userId> <tokenId>`; rl:token:addr:<address> counter of failed attempts.
 */
import { randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX, isApiTokenShaped } from '../../src/lib/contract/api-token';
import type { ApiTokenInfo, ApiTokenRole } from '../../src/lib/contract/access';
import { API_TOKEN_ROLES } from '../../src/lib/contract/access';
import type { ApiError, ApiResult } from '../../src/lib/contract/result';
import { isValidPlanId } from '../storage/types';
import { guard, type Ctx } from './context';
import { tooManyAttempts } from './messages';
import { parseJson } from './records';
import { randomId, sha256 } from './tokens';
import type { AccessService, Principal } from './types';

interface ApiTokenRecord extends ApiTokenInfo {
	hash: string;
}

type Tokens = Pick<
	AccessService,
	'createApiToken' | 'listApiTokens' | 'revokeApiToken' | 'resolveApiToken'
>;

export const MAX_API_TOKENS = 50;
/** `lastUsedAt` is written at most this often per token (no store write per request). */
const LAST_USED_EVERY_MS = 60_000;

const TK = {
	list: (userId: string) => `apitokens:${userId}`,
	hash: (hash: string) => `apitoken:${hash}`,
	failures: (address: string) => `rl:token:addr:${address.slice(0, 100)}`
};

const bad = (message: string): ApiResult<never> => ({
	ok: false,
	error: { status: 400, code: 'invalid_token_input', message }
});
const invalidToken = (): ApiError => ({
	status: 401,
	code: 'invalid_token',
	message:
		'Der API-Schlüssel ist ungültig, widerrufen oder abgelaufen. Bitte legen Sie unter „Konto“ einen neuen an.'
});

const info = ({ hash: _hash, ...rest }: ApiTokenRecord): ApiTokenInfo => rest;

/** Expiry: a day (valid through its end, UTC) or an ISO timestamp; epoch ms or null if invalid. */
function expiryOf(value: string): number | null {
	const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
	const ms = Date.parse(day ? `${value}T23:59:59.999Z` : value);
	return Number.isFinite(ms) ? ms : null;
}

export function createApiTokens(ctx: Ctx, plansOf: AccessService['plansOf']): Tokens {
	const { kv } = ctx;
	const load = async (userId: string) =>
		parseJson<Record<string, ApiTokenRecord>>(await kv.get(TK.list(userId))) ?? {};

	/**
	 * The security audit of each plan a token reaches (its plans, or all of the account's):
	 * owners see who gave a script access to their plan, and when it was taken back.
	 */
	async function auditPlans(
		actor: Principal,
		planIds: string[] | null,
		action: 'api_token_created' | 'api_token_revoked',
		record: ApiTokenRecord
	) {
		const plans = planIds ?? (await plansOf(actor.id)).map((p) => p.planId);
		const details = { name: record.name, maxRole: record.maxRole, tokenId: record.id };
		for (const planId of plans.slice(0, 500)) await ctx.audit(planId, actor, action, details);
	}

	return {
		createApiToken: (user, input) =>
			guard(ctx.log, 'create api token', async () => {
				const name = typeof input.name === 'string' ? input.name.trim() : '';
				if (!name || name.length > 80)
					return bad('Bitte geben Sie einen Namen mit 1–80 Zeichen an.');
				if (!API_TOKEN_ROLES.includes(input.maxRole as ApiTokenRole)) {
					return bad('Die höchste Rolle eines Schlüssels ist „viewer“ oder „editor“.');
				}
				let expiresAt: string | null = null;
				if (input.expiresAt) {
					const ms = expiryOf(input.expiresAt);
					if (ms === null || ms <= ctx.now())
						return bad('Das Ablaufdatum muss in der Zukunft liegen.');
					expiresAt = new Date(ms).toISOString();
				}
				let planIds: string[] | null = null;
				if (input.planIds) {
					const mine = new Set((await plansOf(user.id)).map((p) => p.planId));
					planIds = [...new Set(input.planIds)];
					if (planIds.length === 0 || !planIds.every((id) => isValidPlanId(id) && mine.has(id))) {
						return bad('Ein Schlüssel kann nur für Pläne gelten, in denen Sie Mitglied sind.');
					}
				}
				const token = API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
				const hash = sha256(token);
				const record: ApiTokenRecord = {
					id: randomId('tok'),
					name,
					createdAt: ctx.iso(),
					expiresAt,
					lastUsedAt: null,
					planIds,
					maxRole: input.maxRole,
					hash
				};
				const added = await kv.update<boolean>(TK.list(user.id), (raw) => {
					const all = parseJson<Record<string, ApiTokenRecord>>(raw) ?? {};
					if (Object.keys(all).length >= MAX_API_TOKENS) return { result: false };
					return { value: JSON.stringify({ ...all, [record.id]: record }), result: true };
				});
				if (!added) {
					return {
						ok: false,
						error: {
							status: 409,
							code: 'too_many_tokens',
							message: `Ein Konto kann höchstens ${MAX_API_TOKENS} API-Schlüssel haben. Bitte widerrufen Sie nicht mehr gebrauchte.`
						}
					};
				}
				const ttlMs = expiresAt ? Date.parse(expiresAt) - ctx.now() : undefined;
				await kv.set(TK.hash(hash), `${user.id} ${record.id}`, ttlMs ? { ttlMs } : undefined);
				ctx.log.info('[auth] api token created', { userId: user.id, tokenId: record.id });
				await auditPlans(user, planIds, 'api_token_created', record);
				return { ok: true, value: { token, info: info(record) } };
			}),

		async listApiTokens(userId) {
			return Object.values(await load(userId))
				.map(info)
				.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
		},

		revokeApiToken: (userId, tokenId, actor) =>
			guard(ctx.log, 'revoke api token', async () => {
				const removed = await kv.update<ApiTokenRecord | null>(TK.list(userId), (raw) => {
					const all = parseJson<Record<string, ApiTokenRecord>>(raw) ?? {};
					const hit = Object.hasOwn(all, tokenId) ? all[tokenId] : null;
					if (!hit) return { result: null };
					const { [tokenId]: _gone, ...rest } = all;
					return { value: JSON.stringify(rest), result: hit };
				});
				if (!removed) {
					return {
						ok: false,
						error: {
							status: 404,
							code: 'token_not_found',
							message: 'Diesen API-Schlüssel gibt es nicht.'
						}
					};
				}
				await kv.del(TK.hash(removed.hash));
				ctx.log.info('[auth] api token revoked', { userId, tokenId });
				if (actor) await auditPlans(actor, removed.planIds, 'api_token_revoked', removed);
				return { ok: true, value: null };
			}),

		async resolveApiToken(token, address) {
			const failures = await kv.counter(TK.failures(address));
			if (failures && failures.value >= ctx.limits.loginFailuresPerAddress) {
				return tooManyAttempts(Math.max(1, Math.ceil(failures.ttlMs / 1000)));
			}
			const refuse = async () => {
				await kv.incr(TK.failures(address), ctx.limits.loginWindowMs);
				return { ok: false as const, error: invalidToken() };
			};
			if (!isApiTokenShaped(token)) return refuse();
			const hash = sha256(token);
			const ref = await kv.get(TK.hash(hash));
			const [userId, tokenId] = ref?.split(' ') ?? [];
			if (!userId || !tokenId) return refuse();
			const record = (await load(userId))[tokenId];
			const now = ctx.now();
			if (!record || record.hash !== hash) return refuse();
			if (record.expiresAt && Date.parse(record.expiresAt) <= now) return refuse();
			const user = await ctx.loadUser(userId);
			if (!user || user.disabled) return refuse();
			if (!record.lastUsedAt || now - Date.parse(record.lastUsedAt) > LAST_USED_EVERY_MS) {
				await kv.update<null>(TK.list(userId), (raw) => {
					const all = parseJson<Record<string, ApiTokenRecord>>(raw) ?? {};
					if (!all[tokenId]) return { result: null };
					const next = { ...all[tokenId], lastUsedAt: new Date(now).toISOString() };
					return { value: JSON.stringify({ ...all, [tokenId]: next }), result: null };
				});
			}
			const principal: Principal = {
				kind: 'user',
				id: user.id,
				name: user.name,
				email: user.email,
				isAdmin: user.isAdmin,
				...(user.mustChangePassword ? { mustChangePassword: true } : {}),
				apiToken: { tokenId, planIds: record.planIds, maxRole: record.maxRole }
			};
			return { ok: true, value: principal };
		}
	};
}

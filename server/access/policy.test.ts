/**
 * The policy table (src/lib/contract/policy.ts), rule by rule, through the real gate
 * (server/access/gate.ts) with a stub access service: each rule's test fails if the rule is
 * loosened or tightened by one role.
 */
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/lib/contract/access';
import {
	ACCOUNT_POLICY,
	PLAN_POLICY,
	allows,
	type AccountAction,
	type PlanAction
} from '../../src/lib/contract/policy';
import { PLAN_ROLES, type PlanRole } from '../../src/lib/contract/roles';
import { createAccessGate } from './gate';

const user = (isAdmin = false): Principal => ({
	kind: 'user',
	id: 'u1',
	name: 'Ute',
	email: 'ute@example.org',
	isAdmin
});
const guest: Principal = {
	kind: 'guest',
	id: 'guest-1',
	name: 'Gast',
	planId: 'p1',
	role: 'viewer',
	inviteId: 'i1',
	expiresAt: Date.now() + 60_000
};

function gateWithRole(role: PlanRole | null) {
	return createAccessGate({
		origin: undefined,
		access: {
			resolveSession: async () => null,
			verifySyncToken: async () => null,
			roleFor: async () => role,
			hasUsers: async () => true,
			guestSessionEnded: async () => null
		}
	});
}

/** The lowest role each action needs — the table as the product defines it. */
const EXPECTED: Record<PlanAction, PlanRole> = {
	'plan.read': 'viewer',
	'plan.export': 'viewer',
	'feedback.read': 'viewer',
	'schedule.read': 'viewer',
	'schedule.manage': 'owner',
	'plan.edit': 'editor',
	'review.comment': 'reviewer',
	'review.decide': 'reviewer',
	'plan.settings': 'owner',
	'plan.delete': 'owner',
	'plan.audit': 'owner',
	'members.manage': 'owner',
	'feedback.triage': 'owner',
	'feedback.read_names': 'owner',
	'versions.manage': 'owner',
	'versions.restore': 'owner',
	'review.manage': 'owner',
	'review.moderate': 'owner'
};
const RANK: Record<PlanRole, number> = { viewer: 0, reviewer: 1, editor: 2, owner: 3 };

describe('plan policy table', () => {
	it('has exactly the expected actions', () => {
		expect(Object.keys(PLAN_POLICY).sort()).toEqual(Object.keys(EXPECTED).sort());
	});

	for (const [action, min] of Object.entries(EXPECTED) as Array<[PlanAction, PlanRole]>) {
		it(`${action}: ${min} and above, nobody below`, async () => {
			for (const role of PLAN_ROLES) {
				const granted = RANK[role] >= RANK[min];
				expect(allows(role, action), `${role} ${action}`).toBe(granted);
				const result = await gateWithRole(role).authorize(user(), 'p1', action);
				expect(result.ok, `gate: ${role} ${action}`).toBe(granted);
				if (!result.ok) {
					expect(result.error.status).toBe(403);
					expect(result.error.code).toBe('forbidden');
				}
			}
			expect(allows(null, action)).toBe(false);
		});
	}
});

describe('gate.authorize', () => {
	it('parses the plan id first (400), then needs a principal (401)', async () => {
		const gate = gateWithRole('owner');
		const bad = await gate.authorize(user(), '../etc', 'plan.read');
		expect(!bad.ok && bad.error).toMatchObject({ status: 400, code: 'invalid_plan_id' });
		const anon = await gate.authorize(null, 'p1', 'plan.read');
		expect(!anon.ok && anon.error).toMatchObject({ status: 401, code: 'unauthenticated' });
	});

	it('answers 404 without a role, so plan ids cannot be probed', async () => {
		const none = await gateWithRole(null).authorize(user(), 'p1', 'plan.read');
		expect(!none.ok && none.error).toMatchObject({ status: 404, code: 'plan_not_found' });
	});

	it('answers 503 when the store cannot tell the role', async () => {
		const gate = createAccessGate({
			origin: undefined,
			access: {
				resolveSession: async () => null,
				verifySyncToken: async () => null,
				guestSessionEnded: async () => null,
				roleFor: async () => {
					throw new Error('down');
				},
				hasUsers: async () => true
			}
		});
		const r = await gate.authorize(user(), 'p1', 'plan.read');
		expect(!r.ok && r.error).toMatchObject({ status: 503, code: 'storage_unavailable' });
	});

	it('words owner-only refusals after the Prozesssteuerung', async () => {
		const r = await gateWithRole('editor').authorize(user(), 'p1', 'plan.delete');
		expect(!r.ok && r.error.message).toContain('Prozesssteuerung');
	});

	it('returns the parsed plan id and the role', async () => {
		const r = await gateWithRole('editor').authorize(user(), 'p1', 'plan.edit');
		expect(r).toEqual({ ok: true, value: { principal: user(), role: 'editor', planId: 'p1' } });
	});
});

describe('account policy', () => {
	const EXPECTED_ACCOUNT: Record<AccountAction, 'signed_in' | 'account' | 'admin'> = {
		'inbox.read': 'signed_in',
		'plan.create': 'account',
		'invite.accept': 'account',
		'account.password': 'account',
		'admin.users': 'admin'
	};

	it('has exactly the expected actions', () => {
		expect(ACCOUNT_POLICY).toEqual(EXPECTED_ACCOUNT);
	});

	for (const [action, rule] of Object.entries(EXPECTED_ACCOUNT) as Array<[AccountAction, string]>) {
		it(`${action}: ${rule}`, () => {
			const gate = gateWithRole(null);
			const anon = gate.authorizeAccount(null, action);
			expect(!anon.ok && anon.error.status).toBe(401);
			expect(gate.authorizeAccount(guest, action).ok).toBe(rule === 'signed_in');
			expect(gate.authorizeAccount(user(false), action).ok).toBe(rule !== 'admin');
			expect(gate.authorizeAccount(user(true), action).ok).toBe(true);
		});
	}

	it('tells guests an account is needed and members that only admins manage accounts', () => {
		const gate = gateWithRole(null);
		const g = gate.authorizeAccount(guest, 'plan.create');
		expect(!g.ok && g.error.message).toContain('Konto');
		const u = gate.authorizeAccount(user(false), 'admin.users');
		expect(!u.ok && u.error.message).toContain('Administration');
	});
});

describe('gate.checkRequest (route table)', () => {
	const gate = gateWithRole(null);
	const req = (method: string, path: string, extra: Record<string, unknown> = {}) => ({
		method,
		path,
		search: '',
		origin: null,
		host: 'mitplan.test',
		sessionToken: undefined,
		...extra
	});

	it('lets public pages and API endpoints through without a session', async () => {
		for (const [m, p] of [
			['GET', '/anmelden'],
			['GET', '/einrichten'],
			['GET', '/einladung/abc'],
			['GET', '/beteiligung/abc'],
			['GET', '/gast-beendet'],
			['GET', '/passwort-neu/tok'],
			['POST', '/api/auth/reset/tok'],
			['GET', '/api/health'],
			['POST', '/api/setup'],
			['POST', '/api/auth/login'],
			['GET', '/api/invites/tok'],
			['POST', '/api/invites/tok/guest'],
			['GET', '/api/public/rounds/tok'],
			['POST', '/api/public/rounds/tok/submissions']
		]) {
			expect((await gate.checkRequest(req(m, p))).kind, `${m} ${p}`).toBe('pass');
		}
	});

	it('keeps the rest behind the sign-in (API 401, pages redirect)', async () => {
		for (const [m, p] of [
			['POST', '/api/invites/tok'],
			['GET', '/api/invites/tok/guest'],
			['GET', '/api/auth/reset/tok'],
			['POST', '/api/public/rounds/tok'],
			['GET', '/api/plans'],
			['GET', '/api/plans/p1']
		]) {
			const d = await gate.checkRequest(req(m, p));
			expect(d.kind === 'refuse' && d.error.status, `${m} ${p}`).toBe(401);
		}
		const page = await gate.checkRequest(req('GET', '/plans/p1', { search: '?x=1' }));
		expect(page).toMatchObject({
			kind: 'redirect',
			location: '/anmelden?next=%2Fplans%2Fp1%3Fx%3D1'
		});
	});

	it('refuses cross-origin writes before anything else', async () => {
		const d = await gate.checkRequest(
			req('POST', '/api/auth/login', { origin: 'https://evil.example' })
		);
		expect(d.kind === 'refuse' && d.error).toMatchObject({ status: 403, code: 'cross_origin' });
		const read = await gate.checkRequest(
			req('GET', '/api/health', { origin: 'https://evil.example' })
		);
		expect(read.kind).toBe('pass');
	});

	it('clears an invalid session cookie', async () => {
		const d = await gate.checkRequest(req('GET', '/api/health', { sessionToken: 'stale' }));
		expect(d).toMatchObject({ kind: 'pass', principal: null, clearCookie: true });
	});

	it('keeps an ended guest session and sends its pages to the explanation', async () => {
		const ended = createAccessGate({
			origin: undefined,
			access: {
				resolveSession: async () => null,
				verifySyncToken: async () => null,
				roleFor: async () => null,
				hasUsers: async () => true,
				guestSessionEnded: async () => 'invite_revoked'
			}
		});
		const page = await ended.checkRequest(req('GET', '/plans/p1', { sessionToken: 'gast' }));
		expect(page).toMatchObject({
			kind: 'redirect',
			location: '/gast-beendet?grund=invite_revoked',
			clearCookie: false
		});
		const me = await ended.checkRequest(req('GET', '/api/auth/me', { sessionToken: 'gast' }));
		expect(me).toMatchObject({ kind: 'pass', guestEnded: 'invite_revoked', clearCookie: false });
	});
});

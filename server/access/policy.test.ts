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
	isReviewCandidate,
	mayCreatePlans,
	type AccountAction,
	type PlanAction,
	type PlanCreators
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

/** Stub lookups of the gate: no session, no account record, no plans. */
const NO_ACCOUNT = {
	resolveSession: async () => null,
	verifySyncToken: async () => null,
	hasUsers: async () => true,
	guestSessionEnded: async () => null,
	getUser: async () => null,
	plansOf: async () => [],
	resolveApiToken: async () => ({
		ok: false as const,
		error: { status: 401, code: 'invalid_token', message: 'ungültig' }
	})
};

function gateWithRole(role: PlanRole | null) {
	return createAccessGate({
		origin: undefined,
		access: { ...NO_ACCOUNT, roleFor: async () => role }
	});
}

/** A gate whose account u1 has the flag `flagged` and the plan roles `roles`. */
function creatorGate(setting: PlanCreators, flagged: boolean, roles: PlanRole[]) {
	return createAccessGate({
		origin: undefined,
		planCreators: setting,
		access: {
			...NO_ACCOUNT,
			roleFor: async () => null,
			getUser: async () => ({
				id: 'u1',
				name: 'Ute',
				email: 'ute@example.org',
				isAdmin: false,
				disabled: false,
				createdAt: '',
				lastLoginAt: null,
				canCreatePlans: flagged
			}),
			plansOf: async () => roles.map((role, i) => ({ planId: `p${i}`, role }))
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
	'monitoring.read': 'viewer',
	'monitoring.report': 'reviewer',
	'monitoring.manage': 'owner',
	'meeting.join': 'viewer',
	'meeting.ideas': 'reviewer',
	'meeting.facilitate': 'editor',
	'meeting.minutes': 'editor',
	'meeting.manage': 'owner',
	'plan.edit': 'editor',
	'translation.write': 'viewer',
	'review.comment': 'reviewer',
	'review.decide': 'reviewer',
	'plan.settings': 'owner',
	'plan.transfer': 'owner',
	'plan.delete': 'owner',
	'plan.audit': 'owner',
	'members.manage': 'owner',
	'translators.manage': 'owner',
	'feedback.triage': 'owner',
	'feedback.read_names': 'owner',
	'versions.manage': 'owner',
	'versions.restore': 'owner',
	'review.manage': 'owner',
	'review.moderate': 'owner',
	'votes.read': 'viewer',
	'votes.cast': 'reviewer',
	'votes.manage': 'editor',
	'indicators.read': 'viewer',
	'indicators.manage': 'editor',
	'plan.continue': 'owner'
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
				...NO_ACCOUNT,
				roleFor: async () => {
					throw new Error('down');
				}
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
	const EXPECTED_ACCOUNT: Record<
		AccountAction,
		'signed_in' | 'account' | 'plan_creator' | 'admin'
	> = {
		'inbox.read': 'signed_in',
		'plan.create': 'plan_creator',
		'invite.accept': 'account',
		'account.password': 'account',
		'account.mail': 'account',
		'account.language': 'account',
		'account.tokens': 'account',
		'admin.users': 'admin'
	};

	it('has exactly the expected actions', () => {
		expect(ACCOUNT_POLICY).toEqual(EXPECTED_ACCOUNT);
	});

	for (const [action, rule] of Object.entries(EXPECTED_ACCOUNT) as Array<[AccountAction, string]>) {
		it(`${action}: ${rule}`, async () => {
			// An account without flag and without plans under PLAN_CREATORS=editors (the default).
			const gate = gateWithRole(null);
			const anon = await gate.authorizeAccount(null, action);
			expect(!anon.ok && anon.error.status).toBe(401);
			expect((await gate.authorizeAccount(guest, action)).ok).toBe(rule === 'signed_in');
			expect((await gate.authorizeAccount(user(false), action)).ok).toBe(
				rule === 'signed_in' || rule === 'account'
			);
			expect((await gate.authorizeAccount(user(true), action)).ok).toBe(true);
		});
	}

	it('tells guests an account is needed and members that only admins manage accounts', async () => {
		const gate = gateWithRole(null);
		const g = await gate.authorizeAccount(guest, 'plan.create');
		expect(!g.ok && g.error.message).toContain('Konto');
		const u = await gate.authorizeAccount(user(false), 'admin.users');
		expect(!u.ok && u.error.message).toContain('Administration');
	});
});

describe('plan.create (plan_creator: PLAN_CREATORS and the flag "darf Pläne anlegen")', () => {
	const may = async (setting: PlanCreators, flagged: boolean, roles: PlanRole[]) =>
		(await creatorGate(setting, flagged, roles).authorizeAccount(user(false), 'plan.create')).ok;

	it('PLAN_CREATORS=all: every account', async () => {
		expect(await may('all', false, [])).toBe(true);
	});

	it('PLAN_CREATORS=editors: accounts that own or edit a plan, not reviewers or viewers', async () => {
		expect(await may('editors', false, ['editor'])).toBe(true);
		expect(await may('editors', false, ['viewer', 'owner'])).toBe(true);
		expect(await may('editors', false, ['reviewer', 'viewer'])).toBe(false);
		expect(await may('editors', false, [])).toBe(false);
	});

	it('PLAN_CREATORS=admins: no plain account, even one that edits', async () => {
		expect(await may('admins', false, ['owner'])).toBe(false);
	});

	it('the flag grants it whatever PLAN_CREATORS says', async () => {
		for (const setting of ['admins', 'editors', 'all'] as const) {
			expect(await may(setting, true, []), setting).toBe(true);
		}
		expect(mayCreatePlans({ setting: 'admins', flagged: true, planRoles: [] })).toBe(true);
		expect(mayCreatePlans({ setting: 'admins', flagged: false, planRoles: ['owner'] })).toBe(false);
	});

	it('the Administration always, guests never (not even with the flag)', async () => {
		const gate = creatorGate('admins', true, ['owner']);
		expect((await gate.authorizeAccount(user(true), 'plan.create')).ok).toBe(true);
		const g = await gate.authorizeAccount(guest, 'plan.create');
		expect(!g.ok && g.error.status).toBe(403);
	});

	it('refuses with plan_creation_not_allowed, pointing to the Administration', async () => {
		const r = await creatorGate('admins', false, []).authorizeAccount(user(false), 'plan.create');
		expect(!r.ok && r.error).toMatchObject({ status: 403, code: 'plan_creation_not_allowed' });
		expect(!r.ok && r.error.message).toContain('Administration');
	});

	it('answers 503 when the account cannot be looked up', async () => {
		const gate = createAccessGate({
			origin: undefined,
			access: {
				...NO_ACCOUNT,
				roleFor: async () => null,
				getUser: async () => {
					throw new Error('down');
				}
			}
		});
		const r = await gate.authorizeAccount(user(false), 'plan.create');
		expect(!r.ok && r.error).toMatchObject({ status: 503, code: 'storage_unavailable' });
	});
});

describe('review rules used by the services', () => {
	it("review.moderate (delete other people's comments): only the Prozesssteuerung", () => {
		for (const role of PLAN_ROLES)
			expect(allows(role, 'review.moderate'), role).toBe(role === 'owner');
	});

	it('reviewer candidates (named on a request or as check department): reviewer and above', () => {
		expect(isReviewCandidate('viewer')).toBe(false);
		expect(isReviewCandidate(null)).toBe(false);
		expect(isReviewCandidate(undefined)).toBe(false);
		for (const role of ['reviewer', 'editor', 'owner'] as const) {
			expect(isReviewCandidate(role), role).toBe(true);
		}
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
			['GET', '/umsetzung/abc'],
			['GET', '/gast-beendet'],
			['GET', '/passwort-neu/tok'],
			['POST', '/api/auth/reset/tok'],
			['GET', '/api/health'],
			['POST', '/api/setup'],
			['POST', '/api/auth/login'],
			['GET', '/api/invites/tok'],
			['POST', '/api/invites/tok/guest'],
			['GET', '/api/public/rounds/tok'],
			['GET', '/api/public/umsetzung/tok'],
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
			['POST', '/api/public/umsetzung/tok'],
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
				...NO_ACCOUNT,
				roleFor: async () => null,
				guestSessionEnded: async () => 'invite_revoked'
			}
		});
		const gast = 'g'.repeat(43); // shaped like a session token (randomToken)
		const page = await ended.checkRequest(req('GET', '/plans/p1', { sessionToken: gast }));
		expect(page).toMatchObject({
			kind: 'redirect',
			location: '/gast-beendet?grund=invite_revoked',
			clearCookie: false
		});
		const me = await ended.checkRequest(req('GET', '/api/auth/me', { sessionToken: gast }));
		expect(me).toMatchObject({ kind: 'pass', guestEnded: 'invite_revoked', clearCookie: false });
	});
});

describe('personal API tokens at the gate', () => {
	const scoped = (planIds: string[] | null, maxRole: 'viewer' | 'editor') =>
		({ ...user(false), apiToken: { tokenId: 't1', planIds, maxRole } }) as Principal;

	it('a token does no account management, and a plan-scoped token creates no plans', async () => {
		const gate = gateWithRole(null);
		for (const action of [
			'account.password',
			'account.tokens',
			'account.mail',
			'account.language',
			'invite.accept'
		] as const) {
			const r = await gate.authorizeAccount(scoped(null, 'editor'), action);
			expect(!r.ok && r.error.code).toBe('token_not_allowed');
		}
		expect((await gate.authorizeAccount(scoped(null, 'editor'), 'inbox.read')).ok).toBe(true);
		const create = await gate.authorizeAccount(scoped(['p1'], 'editor'), 'plan.create');
		expect(!create.ok && create.error.code).toBe('token_not_allowed');
	});

	it('a Bearer request ignores the Origin check but needs a valid token (401)', async () => {
		const gate = gateWithRole(null);
		const d = await gate.checkRequest({
			method: 'POST',
			path: '/api/plans',
			search: '',
			origin: 'https://fremd.example',
			host: 'mitplan.test',
			sessionToken: undefined,
			authorization: 'Bearer mp_x'
		});
		expect(d.kind === 'refuse' && d.error.code).toBe('invalid_token');
	});
});

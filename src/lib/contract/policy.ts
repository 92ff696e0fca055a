/**
 * WHO MAY DO WHAT — the one policy table of Mitplan. The access gate (server/access) enforces it
 * on every HTTP route, the sync websocket and socket.io; the UI reads the same table only to hide
 * what the server would refuse anyway. To change a rule, change it here (each rule has a test in
 * server/access/policy.test.ts).
 *
 * Plan roles rank owner (Prozesssteuerung) > editor > reviewer > viewer; a plan action names the
 * lowest role that may do it. Account actions name who may do them regardless of any plan.
 */
import type { PlanRole } from './roles';
import { roleAtLeast } from './roles';

export const PLAN_POLICY = {
	// --- reading ---
	/** Open the plan: GET plan/access/members/history/compare/versions/review state/origins, sync and socket.io join, sync token. */
	'plan.read': 'viewer',
	/** Export: PDF of the plan or a version, recording an export (POST …/exports). */
	'plan.export': 'viewer',
	/** Read the feedback consideration table (JSON; names only with `feedback.read_names`). */
	'feedback.read': 'viewer',
	/** Read the Zeitplan (phases, milestones, automatic entries); own calendar feed link (create, revoke). */
	'schedule.read': 'viewer',
	// --- writing ---
	/** Change the plan document (sync websocket updates). */
	'plan.edit': 'editor',
	/** Comment: new threads, replies, edit/delete own comments, resolve threads. */
	'review.comment': 'reviewer',
	/** Give review verdicts on items and verdicts on assigned administrative checks. */
	'review.decide': 'reviewer',
	// --- steering (Prozesssteuerung) ---
	/** Change title, municipality, status, funding notice (PATCH plan). */
	'plan.settings': 'owner',
	/** Delete the plan with everything that belongs to it. */
	'plan.delete': 'owner',
	/** Read the plan's audit log. */
	'plan.audit': 'owner',
	/** Add, change and remove members; create, list and revoke invites; see members' e-mails. */
	'members.manage': 'owner',
	/** Change the Zeitplan: phases, milestones, apply the default schedule. */
	'schedule.manage': 'owner',
	/** Feedback rounds, submissions, triage, items from submissions, CSV with names. */
	'feedback.triage': 'owner',
	/** Names of submitters in the consideration table. */
	'feedback.read_names': 'owner',
	/** Take and delete named versions. */
	'versions.manage': 'owner',
	/** Restore a version (the current state is kept as a pre-restore version). */
	'versions.restore': 'owner',
	/** Ask for reviews, close/reopen requests, assign and remove administrative checks. */
	'review.manage': 'owner',
	/** Delete other people's comments. */
	'review.moderate': 'owner'
} as const satisfies Record<string, PlanRole>;

export type PlanAction = keyof typeof PLAN_POLICY;

/** Who may do something that is not about one plan. */
export type AccountRule = 'signed_in' | 'account' | 'admin';

export const ACCOUNT_POLICY = {
	/** Own inbox, notifications, review queue, plan list. */
	'inbox.read': 'signed_in',
	/** Create a plan (becomes its owner); accept an invite as member; change own password. */
	'plan.create': 'account',
	'invite.accept': 'account',
	'account.password': 'account',
	/** Create, change, disable accounts; reset passwords. */
	'admin.users': 'admin'
} as const satisfies Record<string, AccountRule>;

export type AccountAction = keyof typeof ACCOUNT_POLICY;

/** True if a member with `role` may do `action` on the plan. */
export function allows(role: PlanRole | null | undefined, action: PlanAction): boolean {
	return roleAtLeast(role, PLAN_POLICY[action]);
}

/** The lowest role for `action` (the gate words the 403 after it). */
export function minimumRole(action: PlanAction): PlanRole {
	return PLAN_POLICY[action];
}

/** True if this principal may do the account action (null: not signed in). */
export function allowsAccount(
	principal: { kind: 'user' | 'guest'; isAdmin?: boolean } | null,
	action: AccountAction
): boolean {
	const rule: AccountRule = ACCOUNT_POLICY[action];
	if (!principal) return false;
	if (rule === 'signed_in') return true;
	if (principal.kind !== 'user') return false;
	return rule === 'account' || principal.isAdmin === true;
}

/** UI shorthands over the table: may change the plan document / steer the plan / comment and review. */
export const canEditPlan = (role: PlanRole | null | undefined) => allows(role, 'plan.edit');
export const canManagePlan = (role: PlanRole | null | undefined) => allows(role, 'plan.settings');
export const canReview = (role: PlanRole | null | undefined) => allows(role, 'review.comment');

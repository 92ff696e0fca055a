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
	/** Read the Umsetzung: implementation data, Sachstände, dashboard, council decision. */
	'monitoring.read': 'viewer',
	/** Report on measures one is named responsible for (status with reason, progress, Sachstand). */
	'monitoring.report': 'reviewer',
	/** Sessions (Sitzungsmodus): list and view them, join one live (attendance), raise a hand. */
	'meeting.join': 'viewer',
	/**
	 * Add idea cards to a session's idea wall (members who take part and guests invited with at
	 * least that role; viewers watch). Editing, grouping and taking over: the Moderation.
	 */
	'meeting.ideas': 'reviewer',
	// --- writing ---
	/** Change the plan document (sync websocket updates). */
	'plan.edit': 'editor',
	/**
	 * Be named a translator (issue 15): members below editor then change the translations of
	 * their assigned languages in the plan document, nothing else (server/sync/doc-guard.ts).
	 */
	'translation.write': 'viewer',
	/**
	 * Facilitator controls of a session (step, timer, lock, follow, attendance, agenda): the lowest
	 * role; the session service also requires the owner or the editor named as its Moderation.
	 */
	'meeting.facilitate': 'editor',
	/**
	 * Record decisions, tasks and open questions in a session's protocol: the lowest role; the
	 * minutes service also requires the session's facilitator or a named note-taker. (Commenting a
	 * protocol needs `meeting.join` and having attended the session with an account.)
	 */
	'meeting.minutes': 'editor',
	/** Comment: new threads, replies, edit/delete own comments, resolve threads. */
	'review.comment': 'reviewer',
	/** Give review verdicts on items and verdicts on assigned administrative checks. */
	'review.decide': 'reviewer',
	// --- steering (Prozesssteuerung) ---
	/** Change title, municipality, status, funding notice (PATCH plan). */
	'plan.settings': 'owner',
	/** Export the plan with everything that belongs to it for another installation (transfer). */
	'plan.transfer': 'owner',
	/** Delete the plan with everything that belongs to it. */
	'plan.delete': 'owner',
	/** Read the plan's audit log. */
	'plan.audit': 'owner',
	/** Add, change and remove members; create, list and revoke invites; see members' e-mails. */
	'members.manage': 'owner',
	/** Name members below editor as translators for some of the plan's languages. */
	'translators.manage': 'owner',
	/** Create and delete sessions; name an editor as a session's Moderation. */
	'meeting.manage': 'owner',
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
	/**
	 * Ask for reviews, close/reopen requests, assign and remove administrative checks; record the
	 * answer of a check assigned to an office alone (nobody in Mitplan answers it).
	 */
	'review.manage': 'owner',
	/** Delete other people's comments. */
	'review.moderate': 'owner',
	/**
	 * Umsetzung: adopt the plan, name responsible people, report on every measure, bulk status;
	 * publish or revoke the public progress page and mark measures "nicht öffentlich".
	 */
	'monitoring.manage': 'owner',
	// --- Priorisierung (dot votes, server/votes) ---
	/** See the plan's votes and, once visible, their results. */
	'votes.read': 'viewer',
	/** Give dots in an open vote (viewers too, where the facilitator allows it: see the vote service). */
	'votes.cast': 'reviewer',
	/** Facilitate: open and close votes, add hand counts, write the priorities into the measures. */
	'votes.manage': 'editor',
	// --- implementation monitoring (issue 14) ---
	/** Read the indicators of the plan's goals (values, baseline, target). */
	'indicators.read': 'viewer',
	/** Add, change and remove indicators and their measured values. */
	'indicators.manage': 'editor',
	/** Start the next edition (Fortschreibung) of an adopted plan; read as owner of the new one. */
	'plan.continue': 'owner'
} as const satisfies Record<string, PlanRole>;

export type PlanAction = keyof typeof PLAN_POLICY;

/**
 * Who may do something that is not about one plan. `plan_creator`: an account that PLAN_CREATORS
 * admits (see `mayCreatePlans`), or whose account has the flag "darf Pläne anlegen"; the
 * Administration always, guests never.
 */
export type AccountRule = 'signed_in' | 'account' | 'plan_creator' | 'admin';

export const ACCOUNT_POLICY = {
	/** Own inbox, notifications, review queue, plan list. */
	'inbox.read': 'signed_in',
	/** Create a plan (becomes its owner). */
	'plan.create': 'plan_creator',
	/** Accept an invite as member; change own password. */
	'invite.accept': 'account',
	'account.password': 'account',
	/** Own e-mail preferences (server/mail). */
	'account.mail': 'account',
	/** Own interface language (server/i18n). */
	'account.language': 'account',
	/** Own personal API tokens: create, list, revoke (never with a token itself). */
	'account.tokens': 'account',
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

/**
 * PLAN_CREATORS (server/config.ts): `admins` – only the Administration (and flagged accounts);
 * `editors` (default) – also accounts that own or edit at least one plan (not people who only
 * review or read); `all` – every account.
 */
export const PLAN_CREATOR_SETTINGS = ['admins', 'editors', 'all'] as const;
export type PlanCreators = (typeof PLAN_CREATOR_SETTINGS)[number];

/** What the `plan_creator` rule looks at besides the principal (the gate looks it up). */
export interface PlanCreatorFacts {
	setting: PlanCreators;
	/** The account's flag "darf Pläne anlegen". */
	flagged: boolean;
	/** The account's roles in its plans (only looked up for `editors`). */
	planRoles: readonly PlanRole[];
}

/** The `plan_creator` rule for an account (not the Administration, which always may). */
export function mayCreatePlans(facts: PlanCreatorFacts): boolean {
	if (facts.flagged || facts.setting === 'all') return true;
	// `editors`: owns or edits at least one plan (may change a plan document).
	return facts.setting === 'editors' && facts.planRoles.some((role) => allows(role, 'plan.edit'));
}

/**
 * True if this principal may do the account action (null: not signed in). `plan_creator` needs
 * `facts`; without them only the Administration passes it.
 */
export function allowsAccount(
	principal: { kind: 'user' | 'guest'; isAdmin?: boolean } | null,
	action: AccountAction,
	facts?: PlanCreatorFacts
): boolean {
	const rule: AccountRule = ACCOUNT_POLICY[action];
	if (!principal) return false;
	if (rule === 'signed_in') return true;
	if (principal.kind !== 'user') return false;
	if (rule === 'account' || principal.isAdmin === true) return true;
	return rule === 'plan_creator' && facts !== undefined && mayCreatePlans(facts);
}

/**
 * Who may be named a reviewer on a review request or the department of an administrative check:
 * a member who may give verdicts (`review.decide`). The service refuses others; the UI offers
 * only them.
 */
export const isReviewCandidate = (role: PlanRole | null | undefined) =>
	allows(role, 'review.decide');

/** UI shorthands over the table: may change the plan document / steer the plan / comment and review. */
export const canEditPlan = (role: PlanRole | null | undefined) => allows(role, 'plan.edit');
export const canManagePlan = (role: PlanRole | null | undefined) => allows(role, 'plan.settings');
export const canReview = (role: PlanRole | null | undefined) => allows(role, 'review.comment');

/**
 * The backend as the SvelteKit app sees it: the declared interface the app calls (routes reach it
 * through `event.locals.backend`) and the registry that hands it over.
 *
 * The custom server (server/main.ts in production, the Vite plugin in development) creates the
 * backend once and registers it here under a global symbol *before* SvelteKit handles a request;
 * hooks.server.ts puts it on `event.locals.backend`. A global symbol instead of a module variable
 * matters: the built SvelteKit bundle and the server load separate copies of this module, and
 * there must be exactly one plan registry and one Redis client.
 */
import type { PlanTransferService } from './transfer';
import type { PlanJson, PlanMeta, PlanSummary } from '../domain/types';
import type { AccessService, Principal } from './access';
import type { FeedbackService } from './feedback';
import type { AccessGate } from './gate';
import type { PlanId } from './ids';
import type { ApiResult } from './result';
import type { ReviewService } from './review';
import type { ScheduleService } from './schedule';
import type { MonitoringService } from './monitoring';
import type { MeetingService } from './meetings';
import type { MinutesService } from './minutes';
import type { IndicatorService } from './indicators';
import type { EditionsService } from './editions';
import type { IdeaService } from './ideas';
import type { VersionsBackend } from './versions';
import type { VoteService } from './votes';
import type { PdfExportService, PlanStateParts } from './exports';
import type { LegalPage, LegalPageName } from './legal';
import type { SsoService } from './sso';
import type { MailSettingsService } from './mail';
import type { LanguagePreferenceService } from './languages';

/** Settings the HTTP side needs from the validated server configuration. */
export interface BackendSettings {
	/** ORIGIN, if configured. */
	origin: string | undefined;
	cookieSecure: 'auto' | boolean;
	sessionTtlMs: number;
	/** TIME_ZONE: "today" and clock times in exports are computed in it (default Europe/Berlin). */
	timeZone: string;
}

/** Multi-step plan operations (server/backend/commands.ts); the gate has authorised them. */
export interface PlanCommands {
	/** Creates the plan and makes `owner` its owner; the plan is removed again if that fails (503). */
	createPlanWithOwner(
		owner: Principal & { kind: 'user' },
		input: { title: string; municipality?: string; fundingNotice?: string; example?: boolean }
	): Promise<ApiResult<PlanSummary & { role: 'owner' }>>;
	/** Deletes the plan, then its feedback, review, schedule, sessions and access data (members last). */
	deletePlanCascade(planId: PlanId): Promise<ApiResult<null>>;
	/** PATCH of the plan meta with a history entry and a `settings_changed` audit entry. */
	changeSettings(
		principal: Principal,
		planId: PlanId,
		patch: Record<string, unknown>
	): Promise<ApiResult<PlanSummary>>;
	/**
	 * Fortschreibung: a new plan (owner: `owner`) with the adopted plan's structure and open
	 * measures, each linked to its predecessor; 409 `plan_not_adopted` unless "beschlossen".
	 */
	startNextEdition(
		owner: Principal & { kind: 'user' },
		planId: PlanId
	): Promise<ApiResult<PlanSummary & { role: 'owner' }>>;
}

export interface MitplanBackend {
	/** Multi-step operations: create with owner, delete cascade, settings change. */
	readonly commands: PlanCommands;
	/** Who may do what: authentication and the policy table (server/access). */
	readonly gate: AccessGate;
	/** Accounts, sessions, roles, invites, sync tokens, audit (server/auth). */
	readonly access: AccessService;
	/** Feedback rounds, submissions, triage, consideration table (server/feedback). */
	readonly feedback: FeedbackService;
	/** Comment threads, review requests and decisions, admin checks, inbox (server/review). */
	readonly review: ReviewService;
	/** Zeitplan: phases, milestones, default schedule, calendar feeds (server/schedule). */
	readonly schedule: ScheduleService;
	/** Umsetzung: adoption, implementation data, dashboard, reminders (server/monitoring). */
	readonly monitoring: MonitoringService;
	/** Sitzungen: sessions, live controls, attendance (server/meetings). */
	readonly meetings: MeetingService;
	/** Sitzungsprotokoll: decisions, tasks, questions, comments, protocol (server/meetings/minutes.ts). */
	readonly minutes: MinutesService;
	/** Priorisierung: dot votes over measures/goals, priorities written back (server/votes). */
	readonly votes: VoteService;
	/** Indicators per goal with baseline, target and measured values (server/indicators). */
	readonly indicators: IndicatorService;
	/** Ideensammlung: idea cards of a session, clusters, taking them over (server/ideas). */
	readonly ideas: IdeaService;
	/** Fortschreibung: a plan's predecessor and successors (server/editions). */
	readonly editions: EditionsService;
	/** Moving one plan between installations: export and import (server/transfer). */
	readonly transfer: PlanTransferService;
	readonly settings: BackendSettings;
	/** Which kinds of e-mail a person gets (server/mail). */
	readonly mail: MailSettingsService;
	/** Each account's interface language (server/i18n). */
	readonly languages: LanguagePreferenceService;
	/** Summaries of these plans (unknown or deleted ids are left out), sorted by title. */
	listPlans(ids: readonly string[]): Promise<PlanSummary[]>;
	getPlan(planId: string): Promise<ApiResult<PlanJson>>;
	/**
	 * The plan's document for the PDF export, merged and read off the event loop by its worker:
	 * the room's cached whole state if the plan is in memory, else the stored parts unmerged.
	 */
	getPlanState(planId: string): Promise<ApiResult<PlanStateParts>>;
	/** `example: true` fills the new plan with the Beispielplan's content. */
	createPlan(input: {
		title: string;
		municipality?: string;
		/** Förderhinweis for PDF footers; absent or '' = none. */
		fundingNotice?: string;
		example?: boolean;
	}): Promise<ApiResult<PlanSummary>>;
	/** Validated by the domain: only title, municipality and status may be changed. */
	updatePlanMeta(
		planId: string,
		patch:
			| Partial<Pick<PlanMeta, 'title' | 'municipality' | 'status' | 'fundingNotice'>>
			| Record<string, unknown>
	): Promise<ApiResult<PlanSummary>>;
	deletePlan(planId: string): Promise<ApiResult<null>>;
	/** True while the store answers (cheap: lists plan ids). */
	healthy(): Promise<boolean>;
	readonly info: { storage: 'redis' | 'file'; instanceId: string; version: string };
	/** Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit (server/legal), read at start. */
	readonly legal: Readonly<Record<LegalPageName, LegalPage>>;
	/** Versions, compare, restore and per-item history (server/versions). */
	readonly versions: VersionsBackend;
	/** PDF export in worker threads, with per-person and per-instance limits (server/export). */
	readonly exports: PdfExportService;
	/** Single sign-on through OpenID Connect (server/auth/oidc); null when OIDC_* is not set. */
	readonly sso: SsoService | null;
}

const BACKEND_KEY = Symbol.for('mitplan.backend');

type GlobalWithBackend = typeof globalThis & { [BACKEND_KEY]?: MitplanBackend };

export function registerBackend(backend: MitplanBackend | undefined): void {
	(globalThis as GlobalWithBackend)[BACKEND_KEY] = backend;
}

export function getBackend(): MitplanBackend | undefined {
	return (globalThis as GlobalWithBackend)[BACKEND_KEY];
}

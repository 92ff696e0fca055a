/**
 * The one seam between the SvelteKit app (src/) and the backend (server/).
 *
 * The custom server (server/main.ts in production, the Vite plugin in development) creates the
 * backend once and registers it here under a global symbol *before* SvelteKit handles a request.
 * hooks.server.ts puts it on `event.locals.backend`. Using a global symbol instead of a module
 * variable matters: the built SvelteKit bundle and the server load separate copies of modules, and
 * we want exactly one plan registry and one Redis client.
 */
import type { PlanJson, PlanMeta, PlanSummary } from '$lib/domain/types';
import type { AccessService } from '../../../server/auth/types';
import type { VersionsBackend } from '$lib/versions/types';
import type { FeedbackService } from '../../../server/feedback/service';
import type { ReviewService } from '../../../server/review/service';
import type { PdfExportService } from '../../../server/export/types';

/** Settings the HTTP side needs from the validated server configuration. */
export interface BackendSettings {
	/** ORIGIN, if configured. */
	origin: string | undefined;
	cookieSecure: 'auto' | boolean;
	sessionTtlMs: number;
	/** TIME_ZONE: "today" and clock times in exports are computed in it (default Europe/Berlin). */
	timeZone: string;
	/** PLAN_CREATORS: who may create plans (src/lib/server/plan-creators.ts). */
	planCreators: 'admins' | 'editors' | 'all';
}

export interface ApiError {
	/** Stable machine-readable code, e.g. `invalid_plan_id`, `plan_not_found`. */
	code: string;
	/** Human-readable German message for the UI. */
	message: string;
	/** HTTP status to answer with. */
	status: number;
}

/** The errors every plan endpoint shares (also used by the plan service on the server). */
export const PLAN_ERRORS = {
	invalidId: (): ApiError => ({
		status: 400,
		code: 'invalid_plan_id',
		message: 'Ungültige Plan-ID: erlaubt sind 1–64 Zeichen aus A–Z, a–z, 0–9, _ und -.'
	}),
	notFound: (): ApiError => ({
		status: 404,
		code: 'plan_not_found',
		message: 'Diesen Plan gibt es nicht.'
	}),
	unavailable: (): ApiError => ({
		status: 503,
		code: 'storage_unavailable',
		message: 'Der Speicher ist gerade nicht erreichbar. Bitte gleich erneut versuchen.'
	})
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface MitplanBackend {
	/** Accounts, sessions, roles, invites, sync tokens, audit (server/auth). */
	readonly access: AccessService;
	/** Feedback rounds, submissions, triage, consideration table (server/feedback). */
	readonly feedback: FeedbackService;
	/** Comment threads, review requests and decisions, admin checks, inbox (server/review). */
	readonly review: ReviewService;
	readonly settings: BackendSettings;
	/** Summaries of these plans (unknown or deleted ids are left out), sorted by title. */
	listPlans(ids: readonly string[]): Promise<PlanSummary[]>;
	getPlan(planId: string): Promise<ApiResult<PlanJson>>;
	/** The live document's state as one Yjs update (read off the event loop by the PDF export). */
	getPlanState(planId: string): Promise<ApiResult<Uint8Array>>;
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
	readonly info: { storage: 'redis' | 'file'; instanceId: string };
	/** Versions, compare, restore and per-item history (server/versions). */
	readonly versions: VersionsBackend;
	/** PDF export in worker threads, with per-person and per-instance limits (server/export). */
	readonly exports: PdfExportService;
}

const BACKEND_KEY = Symbol.for('mitplan.backend');

type GlobalWithBackend = typeof globalThis & { [BACKEND_KEY]?: MitplanBackend };

export function registerBackend(backend: MitplanBackend | undefined): void {
	(globalThis as GlobalWithBackend)[BACKEND_KEY] = backend;
}

export function getBackend(): MitplanBackend | undefined {
	return (globalThis as GlobalWithBackend)[BACKEND_KEY];
}

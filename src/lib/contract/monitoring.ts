/**
 * The Umsetzung contract (issue 14): what the app calls on the monitoring service
 * (server/monitoring) — the council decision (adoption), each measure's implementation data,
 * Sachstand notes, bulk status updates, the dashboard overview and the reminders. Routes have
 * checked the minimum plan role with the gate; the service checks who reports on which measure.
 */
import type { Principal } from './access';
import type { ApiResult } from './result';
import type { InterfaceLocale } from './languages';
import type { PlanRole } from './roles';
import type { Implementation, ImplStatus, RollUp } from '../domain/monitoring';
import type { PublicProgress } from '../domain/monitoring-public';
import type { PlanJson } from '../domain/types';
import type { ContentMarks } from '../domain/reader-language';
import type { ReportRecord } from '../monitoring/report';

export type { PublicProgress } from '../domain/monitoring-public';
export { isPubliclyVisible } from '../domain/monitoring-public';

/** Who calls: the principal and its role on the plan (from the gate). */
export interface MonitoringCaller {
	principal: Principal;
	role: PlanRole;
}

/** The council decision recorded when a plan is set to "beschlossen". */
export interface Adoption {
	/** Date of the decision (YYYY-MM-DD). */
	date: string;
	/** Deciding body, e.g. "Stadtverordnetenversammlung". */
	body: string;
	/** Reference number, e.g. "SVV-Beschluss 2027/0815". */
	reference: string;
	/** The named version "Beschlussfassung" frozen at adoption. */
	versionId: string;
	adoptedAt: string;
	adoptedBy: { id: string; name: string };
}

/** The public progress page's link as its owner sees it. */
export interface Publication {
	token: string;
	/** `/umsetzung/<token>` (the page; the JSON is `/api/public/umsetzung/<token>`). */
	path: string;
	publishedAt: string;
	publishedBy: { id: string; name: string };
}

/** One measure on the dashboard: where it sits, its implementation data and derived values. */
export interface MonitoredMeasure {
	measureId: string;
	title: string;
	goalId: string;
	goalTitle: string;
	fieldId: string;
	fieldTitle: string;
	impl: Implementation;
	progress: number | null;
	overdue: boolean;
	/** May the caller report on it (responsible or owner)? */
	mayReport: boolean;
}

/** One measure in the detail panel. */
export interface MeasureView {
	impl: Implementation;
	progress: number | null;
	overdue: boolean;
	mayReport: boolean;
	/** May name responsible people (owner). */
	mayManage: boolean;
	people: Array<{ id: string; name: string }>;
}

export interface MonitoringOverview {
	planTitle: string;
	adoption: Adoption | null;
	today: string;
	measures: MonitoredMeasure[];
	rollUp: { plan: RollUp; fields: Record<string, RollUp>; goals: Record<string, RollUp> };
	/** Members who may be named responsible (id, name). */
	people: Array<{ id: string; name: string }>;
}

export interface BulkStatusResult {
	updated: string[];
	refused: Array<{ measureId: string; message: string }>;
}

/** A reminder or digest the service produced; a mail sender can subscribe (server/mail later). */
export type MonitoringNotice =
	| {
			kind: 'update_due';
			planId: string;
			planTitle: string;
			measureId: string;
			measureTitle: string;
			dueDate: string;
			userId: string;
	  }
	| {
			kind: 'weekly_digest';
			planId: string;
			planTitle: string;
			userId: string;
			week: string;
			overdue: number;
			changed: number;
			text: string;
	  };

export interface MonitoringService {
	overview(caller: MonitoringCaller, planId: string): Promise<ApiResult<MonitoringOverview>>;
	/** One measure's implementation data and what the caller may do (404: measure not in the plan). */
	get(caller: MonitoringCaller, planId: string, measureId: string): Promise<ApiResult<MeasureView>>;
	/**
	 * Changes implementation data: `{status, reason}`, progress, milestones, office, contact,
	 * budget, nextUpdateDue; `responsibleIds` and `public` (false = "nicht öffentlich") only
	 * with monitoring.manage.
	 */
	update(
		caller: MonitoringCaller,
		planId: string,
		measureId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Implementation>>;
	/** Adds a dated Sachstand `{date, text}` to the timeline. */
	addNote(
		caller: MonitoringCaller,
		planId: string,
		measureId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<Implementation>>;
	/**
	 * `{measureIds, status, reason}`: one reason for several measures; or `{measureIds, public}`:
	 * several measures "öffentlich" / "nicht öffentlich" at once (monitoring.manage).
	 */
	bulkStatus(
		caller: MonitoringCaller,
		planId: string,
		body: Record<string, unknown>
	): Promise<ApiResult<BulkStatusResult>>;
	adoption(planId: string): Promise<ApiResult<Adoption | null>>;
	/**
	 * `{date, body, reference}`: records the council decision, sets the plan to "beschlossen" and
	 * freezes the named version "Beschlussfassung" (owner; 409 if already adopted); its name in
	 * `locale` (default German: "Council decision" in English).
	 */
	adopt(
		principal: Principal,
		planId: string,
		body: Record<string, unknown>,
		locale?: InterfaceLocale
	): Promise<ApiResult<Adoption>>;
	/** The public page's link or null (monitoring.manage). */
	publication(planId: string): Promise<ApiResult<Publication | null>>;
	/**
	 * Publishes the adopted plan under a new unguessable link; an older link stops working
	 * (monitoring.manage; 409 `not_adopted` before the council decision).
	 */
	publish(principal: Principal, planId: string): Promise<ApiResult<Publication>>;
	/** Revokes the link (the page answers 404 from now on); fine if none exists. */
	unpublish(principal: Principal, planId: string): Promise<ApiResult<null>>;
	/**
	 * No account: what the public page shows for this link; 404 `public_not_found` for an
	 * unknown, revoked or malformed link and for a deleted plan alike.
	 */
	/** `language`: a content language of the plan (`?sprache=`); unknown → 400 invalid_language. */
	publicProgress(token: string, language?: string | null): Promise<ApiResult<PublicProgress>>;
	/** The plan behind a public link; 404 `public_not_found` like the page. */
	publicPlanId(token: string): Promise<ApiResult<string>>;
	/** "Sachstand fällig" and the owners' weekly digest; returns how many notices were sent. */
	runReminders(): Promise<number>;
	/** Subscribes to notices (e-mail can hook in here); returns an unsubscribe function. */
	onNotice(listener: (notice: MonitoringNotice) => void | Promise<void>): () => void;
	/** What an Umsetzungsbericht is built from: the live plan, every measure's record, adoption, earlier reports. */
	reportSource(
		planId: string,
		/** reader language (`?sprache=`): titles translated, `marks` the German fallbacks; 400 invalid_language */
		language?: string | null
	): Promise<
		ApiResult<{
			plan: PlanJson;
			impls: Record<string, Implementation>;
			adoption: Adoption | null;
			reports: ReportRecord[];
			marks?: ContentMarks | null;
		}>
	>;
	/** The recorded implementation status of each measure with monitoring data (Fortschreibung). */
	implementationStatuses(planId: string): Promise<ApiResult<Record<string, ImplStatus>>>;
	/** Generated reports, newest first. */
	reports(planId: string): Promise<ApiResult<ReportRecord[]>>;
	/** Records a generated report (its period and time). */
	recordReport(planId: string, record: ReportRecord): Promise<ApiResult<null>>;
	forgetPlan(planId: string): Promise<void>;
}

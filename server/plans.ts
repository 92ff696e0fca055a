/**
 * The plan service behind the JSON API (src/routes/api) — the `MitplanBackend` the SvelteKit app
 * gets through `event.locals.backend`. It works on the same rooms the websocket clients edit, so
 * an API read always sees the live document and an API rename reaches every connected client.
 */
import type { LegalPage, LegalPageName } from '../src/lib/contract/legal';
import type { SsoService } from '../src/lib/contract/sso';
import { MITPLAN_VERSION } from './version';
import * as Y from 'yjs';
import {
	buildExamplePlan,
	initPlan,
	isValidPlanId,
	newId,
	readPlan,
	setMeta,
	summarize
} from '../src/lib/domain/index';
import type { Result } from '../src/lib/domain/errors';
import type { PlanSummary } from '../src/lib/domain/types';
import type { BackendSettings, MitplanBackend, PlanCommands } from '../src/lib/contract/backend';
import { PLAN_ERRORS, type ApiError, type ApiResult } from '../src/lib/contract/result';
import type { AccessService } from './auth/types';
import type { PlanTransferService } from '../src/lib/contract/transfer';
import type { AccessGate } from '../src/lib/contract/gate';
import { createPlanCommands } from './backend/commands';
import type { FeedbackService } from './feedback/service';
import type { ReviewService } from './review/service';
import type { MailSettingsService } from '../src/lib/contract/mail';
import type { LanguagePreferenceService } from '../src/lib/contract/languages';
import type { ScheduleService } from '../src/lib/contract/schedule';
import type { MonitoringService } from '../src/lib/contract/monitoring';
import type { MeetingService } from '../src/lib/contract/meetings';
import type { MinutesService } from '../src/lib/contract/minutes';
import type { VoteService } from '../src/lib/contract/votes';
import type { IndicatorService } from '../src/lib/contract/indicators';
import type { EditionsService } from '../src/lib/contract/editions';
import type { IdeaService } from '../src/lib/contract/ideas';
import type { Lineage } from '../src/lib/domain/next-edition';
import { CloseCode } from '../src/lib/contract/close-codes';
import type { Logger } from './log';
import { withPlanRoom } from './plan-room';
import type { DocStore } from './storage/types';
import type { PlanBus } from './sync/bus';
import type { Room } from './sync/room';
import type { RoomManager } from './sync/rooms';
import type { VersionService } from './versions/service';
import type { PdfExportService, PlanStateParts } from './export/types';

/**
 * Ids of seeded example plans start with this; a random suffix follows, so that a browser's
 * local copy of an example plan from a wiped installation can never merge into a new one.
 */
export const EXAMPLE_PLAN_PREFIX = 'beispielplan-';

const fail = (status: number, code: string, message: string): { ok: false; error: ApiError } => ({
	ok: false,
	error: { status, code, message }
});

const invalidId = () => ({ ok: false as const, error: PLAN_ERRORS.invalidId() });
const notFound = () => ({ ok: false as const, error: PLAN_ERRORS.notFound() });
const unavailable = () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() });

export class PlanService implements MitplanBackend {
	constructor(
		private readonly deps: {
			store: DocStore;
			rooms: RoomManager;
			bus: PlanBus;
			log: Logger;
			instanceId: string;
			access: AccessService;
			gate: AccessGate;
			feedback: FeedbackService;
			review: ReviewService;
			schedule: ScheduleService;
			monitoring: MonitoringService;
			meetings: MeetingService;
			minutes: MinutesService;
			votes: VoteService;
			indicators: IndicatorService;
			/** Ideensammlung of the sessions (server/ideas). */
			ideas: IdeaService;
			editions: EditionsService & { record(planId: string, lineage: Lineage): Promise<void> };
			settings: BackendSettings;
			/** The legal pages, rendered once at start (server/legal). */
			legal: Record<LegalPageName, LegalPage>;
			versions: VersionService;
			exports: PdfExportService;
			/** Single sign-on (server/auth/oidc), when configured. */
			sso?: SsoService | null;
			transfer: PlanTransferService;
			/** E-mail preferences (server/mail). */
			mail: MailSettingsService;
			/** Interface language per account (server/i18n). */
			languages: LanguagePreferenceService;
		}
	) {}

	get sso(): SsoService | null {
		return this.deps.sso ?? null;
	}

	get languages(): LanguagePreferenceService {
		return this.deps.languages;
	}

	get mail(): MailSettingsService {
		return this.deps.mail;
	}

	get exports(): PdfExportService {
		return this.deps.exports;
	}

	get versions(): VersionService {
		return this.deps.versions;
	}

	get feedback(): FeedbackService {
		return this.deps.feedback;
	}

	get review(): ReviewService {
		return this.deps.review;
	}

	get schedule(): ScheduleService {
		return this.deps.schedule;
	}

	get monitoring(): MonitoringService {
		return this.deps.monitoring;
	}

	get meetings(): MeetingService {
		return this.deps.meetings;
	}

	get minutes(): MinutesService {
		return this.deps.minutes;
	}

	get votes(): VoteService {
		return this.deps.votes;
	}

	get indicators(): IndicatorService {
		return this.deps.indicators;
	}

	get ideas(): IdeaService {
		return this.deps.ideas;
	}

	get editions(): EditionsService {
		return this.deps.editions;
	}

	get transfer(): PlanTransferService {
		return this.deps.transfer;
	}

	get access(): AccessService {
		return this.deps.access;
	}

	get gate(): AccessGate {
		return this.deps.gate;
	}

	/** Multi-step operations over this service and the others (server/backend/commands.ts). */
	get commands(): PlanCommands {
		this.commandsOnce ??= createPlanCommands({
			plans: this,
			access: this.deps.access,
			feedback: this.deps.feedback,
			review: this.deps.review,
			schedule: this.deps.schedule,
			monitoring: this.deps.monitoring,
			meetings: this.deps.meetings,
			votes: this.deps.votes,
			indicators: this.deps.indicators,
			editions: this.deps.editions,
			ideas: this.deps.ideas,
			versions: this.deps.versions
		});
		return this.commandsOnce;
	}
	private commandsOnce: PlanCommands | undefined;

	get settings(): BackendSettings {
		return this.deps.settings;
	}

	get info() {
		return {
			storage: this.deps.store.kind,
			instanceId: this.deps.instanceId,
			version: MITPLAN_VERSION
		};
	}

	get legal() {
		return this.deps.legal;
	}

	async healthy(): Promise<boolean> {
		// Appends failing (e.g. ENOSPC) is not healthy, even if the store still answers reads.
		if (this.deps.rooms.storeHealth.failing) return false;
		try {
			await this.deps.store.list();
			return true;
		} catch {
			return false;
		}
	}

	async listPlans(only: readonly string[]): Promise<PlanSummary[]> {
		const wanted = new Set<string>(only.filter((id) => isValidPlanId(id)));
		const ids = (await this.deps.store.list()).filter((id) => wanted.has(id));
		const summaries = await Promise.all(
			ids.map(async (id) => {
				const live = this.deps.rooms.peek(id);
				if (live) return summarize(live.doc, id);
				const state = await this.deps.store.load(id).catch(() => null);
				if (!state) return null;
				const doc = new Y.Doc();
				try {
					Y.applyUpdate(doc, state);
					return summarize(doc, id);
				} finally {
					doc.destroy();
				}
			})
		);
		return summaries
			.filter((s): s is PlanSummary => s !== null)
			.sort((a, b) => a.title.localeCompare(b.title, 'de'));
	}

	getPlan(planId: string) {
		return this.withRoom(planId, (room) => ({
			ok: true as const,
			value: readPlan(room.doc, planId)
		}));
	}

	/**
	 * The plan's document for the PDF export, merged and read by the export worker, never here:
	 * a plan in memory gives its room's cached whole state (encoded once per document state, so
	 * repeated exports of an unchanged plan do not encode again); a plan not in memory gives its
	 * stored parts unmerged, without loading a room on the event loop.
	 */
	async getPlanState(planId: string): Promise<ApiResult<PlanStateParts>> {
		if (!isValidPlanId(planId)) return invalidId();
		const live = this.deps.rooms.peek(planId);
		if (live) return { ok: true, value: { snapshot: live.fullState.copy(), entries: [] } };
		if (this.deps.rooms.isDeleted(planId)) return notFound();
		try {
			const parts = await this.deps.store.loadParts(planId);
			return parts ? { ok: true, value: parts } : notFound();
		} catch (error) {
			this.deps.log.error('loading plan failed', { planId, error });
			return unavailable();
		}
	}

	createPlan(input: {
		title: string;
		municipality?: string;
		fundingNotice?: string;
		example?: boolean;
	}) {
		const meta = {
			title: typeof input?.title === 'string' ? input.title : '',
			municipality: typeof input?.municipality === 'string' ? input.municipality : '',
			fundingNotice: input?.fundingNotice ?? ''
		};
		return this.storeNewPlan(newId(), (doc) => {
			if (!input?.example) return initPlan(doc, meta);
			const built = buildExamplePlan(doc);
			return built.ok ? setMeta(doc, meta) : built;
		});
	}

	/** A new plan built by `build` in one document (e.g. the next edition, server/backend). */
	createPlanBuilt(build: (doc: Y.Doc) => Result<void>) {
		return this.storeNewPlan(newId(), build);
	}

	private async storeNewPlan(id: string, build: (doc: Y.Doc) => Result<void>) {
		const doc = new Y.Doc();
		try {
			const result = build(doc);
			if (!result.ok) return fail(400, result.error.code, result.error.message);
			await this.deps.store.append(id, Y.encodeStateAsUpdate(doc));
			this.deps.log.info('plan created', { planId: id });
			return { ok: true as const, value: summarize(doc, id) };
		} catch (error) {
			this.deps.log.error('create plan failed', { error });
			return unavailable();
		} finally {
			doc.destroy();
		}
	}

	updatePlanMeta(planId: string, patch: Record<string, unknown>) {
		return this.withRoom(planId, async (room) => {
			const results: ReturnType<typeof setMeta>[] = [];
			room.transact((doc) => results.push(setMeta(doc, patch ?? {})));
			const result = results[0];
			if (!result.ok) return fail(400, result.error.code, result.error.message);
			await room.flush();
			return { ok: true as const, value: summarize(room.doc, planId) };
		});
	}

	async deletePlan(planId: string): Promise<ApiResult<null>> {
		if (!isValidPlanId(planId)) return invalidId();
		try {
			if (!(await this.deps.store.exists(planId))) return notFound();
			await this.deps.rooms.drop(planId, CloseCode.PlanDeleted, 'plan deleted');
			await this.deps.store.delete(planId);
			await this.deps.versions.deletePlan(planId); // best effort, never throws
			await this.deps.bus
				.publish(planId, { kind: 'deleted', payload: new Uint8Array() })
				.catch((error) => this.deps.log.warn('publish delete failed', { planId, error }));
			this.deps.log.info('plan deleted', { planId });
			return { ok: true, value: null };
		} catch (error) {
			this.deps.log.error('delete plan failed', { planId, error });
			return unavailable();
		}
	}

	/** Seeds the Beispielplan when the store holds no plan at all (first start); returns its id. */
	async seedExamplePlan(): Promise<string | null> {
		if ((await this.deps.store.list()).length > 0) return null;
		const id = EXAMPLE_PLAN_PREFIX + newId(8);
		const result = await this.storeNewPlan(id, (doc) => buildExamplePlan(doc));
		return result.ok ? id : null;
	}

	private withRoom<T>(
		planId: string,
		fn: (room: Room) => ApiResult<T> | Promise<ApiResult<T>>
	): Promise<ApiResult<T>> {
		return withPlanRoom(this.deps, planId, 'plan operation', fn);
	}
}

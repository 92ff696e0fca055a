/**
 * Wires one Mitplan backend: storage (createStorage: plan documents, KV and blobs, Redis or
 * file), bus (Redis pub/sub or none), rooms, the sync websocket server and the plan service. Both production (server/main.ts) and development (the
 * Vite plugin in server/dev-plugin.ts) call `createCore` once and register the backend for
 * SvelteKit, so dev and production behave alike.
 */
import type http from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { getBackend, registerBackend } from '../src/lib/contract/backend';
import type { KvStore } from './storage/kv';
import { createAccessService } from './auth/service';
import { createOidcService } from './auth/oidc/service';
import { createFeedbackService, type FeedbackService } from './feedback/service';
import type { AccessChange, AccessService } from './auth/types';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { PlanService } from './plans';
import { createStorage } from './storage/index';
import { runMigrations } from './storage/migrations';
import { loadLegalPages } from './legal/pages';
import { createMetrics, type Metrics } from './metrics';
import { lockDataDir, type DataDirLock } from './storage/data-lock';
import { RestoreIncompleteError, restoreIncomplete } from './backup/restore';
import { createRedisPubSub } from './storage/redis-store';
import type { DocStore } from './storage/types';
import { createLocalBus, createPubSubBus, type PlanBus } from './sync/bus';
import { RoomManager } from './sync/rooms';
import { createUpgradeAuthorizer } from './sync/authorize';
import { createAccessGate } from './access/gate';
import { clientAddressOf } from './access/address';
import { createSyncServer, type SyncServer } from './sync/sync-server';
import { createVersions } from './versions/index';
import { createTransferService } from './transfer/service';
import { createPdfExports } from './export/pdf-exports';
import { actorOf } from '../src/lib/contract/actor';
import type { VersionService } from './versions/service';
import { createSwitchableEmitter } from './review/emitter';
import { createMailService, type MailService } from './mail/service';
import { createLanguagePreferences } from './i18n/preferences';
import { mailNotifications, withMailHooks } from './mail/hooks';
import { createSmtpTransport } from './mail/transport';
import { createPlanItemsReader } from './review/items';
import { createReviewService, type ReviewService } from './review/service';
import { createScheduleService } from './schedule/service';
import { createMonitoringService } from './monitoring/service';
import type { MonitoringService } from '../src/lib/contract/monitoring';
import { createIndicatorService } from './indicators/service';
import { createGoalsReader } from './indicators/goals';
import { createEditionsService } from './editions/service';
import { createAutomaticReader, createFieldsReader } from './schedule/sources';
import { createLockRegistry } from './meetings/locks';
import { createMeetingService, type MeetingServer } from './meetings/service';
import { createMinutesService } from './meetings/minutes';
import type { MinutesService } from '../src/lib/contract/minutes';
import { createVoteService } from './votes/service';
import { createPriorityWriter } from './votes/writeback';
import { createIdeaService } from './ideas/service';
import { createIdeaItemWriter } from './ideas/writeback';
import { protocolIdeas } from './ideas/protocol';
import {
	SOCKET_IO_PATH,
	createRealtimeServer,
	type RealtimeServer
} from './realtime/socket-server';

export interface Core {
	config: Config;
	log: Logger;
	store: DocStore;
	bus: PlanBus;
	rooms: RoomManager;
	plans: PlanService;
	kv: KvStore;
	access: AccessService;
	feedback: FeedbackService;
	sync: SyncServer;
	versions: VersionService;
	/** Review threads, requests, checks, notifications (server/review). */
	review: ReviewService;
	/** Umsetzung: adoption, implementation data, reminders (server/monitoring). */
	monitoring: MonitoringService;
	/** Sitzungen: sessions, live state, attendance (server/meetings). */
	meetings: MeetingServer;
	/** Sitzungsprotokoll (server/meetings/minutes.ts). */
	minutes: MinutesService;
	/** Prometheus metrics (`/metrics`, server/metrics.ts). */
	metrics: Metrics;
	/** E-mail: outbox, preferences and the `notify` seam (server/mail). */
	mail: MailService;
	/** The socket.io server once `attachRealtime` ran. */
	readonly realtime: RealtimeServer | null;
	/** Attaches socket.io (`/socket.io`) to the HTTP server that serves the app. */
	attachRealtime(httpServer: http.Server): Promise<RealtimeServer>;
	/** Routes a websocket upgrade; returns false if the path is not ours. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Flushes every plan to the store and closes connections and clients. */
	close(): Promise<void>;
}

export async function createCore(
	config: Config,
	log = createLogger(config.logLevel, {}, config.logFormat)
): Promise<Core> {
	const metrics = createMetrics(config.metricsToken);
	log = metrics.instrumentLogger(log.child({ instance: config.instanceId }));
	const storageLogger = {
		warn: (message: string, ...args: unknown[]) => log.warn(message, { details: args }),
		error: (message: string, ...args: unknown[]) => log.error(message, { details: args })
	};
	// Read before anything is opened: an unreadable LEGAL_DIR stops the start with nothing held.
	const legal = await loadLegalPages(config.legal);
	// One process per file data directory; a restore cut short must be redone, not served.
	const lock: DataDirLock | null = config.redisUrl ? null : await lockDataDir(config.dataDir);
	let storage;
	try {
		const target = { redisUrl: config.redisUrl, dataDir: config.dataDir, logger: storageLogger };
		if (await restoreIncomplete(target)) throw new RestoreIncompleteError(target);
		storage = await createStorage({ ...target, mergeInWorker: true });
	} catch (error) {
		await lock?.release();
		throw error;
	}
	const { kv, blobs } = storage;
	const store = metrics.instrumentStore(storage.docs);
	try {
		await runMigrations({ kv, store, log });
	} catch (error) {
		await Promise.all([kv.close(), blobs.close(), store.close()]).catch(() => {});
		await lock?.release();
		throw error;
	}
	const bus = config.redisUrl
		? createPubSubBus(
				await createRedisPubSub({ url: config.redisUrl, logger: storageLogger }),
				config.instanceId,
				(error, ctx) => log.warn('bus error', { error, ctx })
			)
		: createLocalBus();
	// Sessions' structure locks: read by the rooms on every client update (server/meetings/locks.ts).
	const structureLocks = createLockRegistry(kv, log);
	const rooms = new RoomManager({
		structureLocks,
		store,
		bus,
		log,
		compactEvery: config.compactEvery,
		idleMs: config.roomIdleMs,
		limits: {
			maxDocBytes: config.planMaxBytes,
			maxEntries: config.planMaxEntries,
			maxHeldBytes: config.syncMaxMessageBytes
		}
	});
	// An access change closes the affected connections here and, through the plan bus, on every
	// other instance.
	let realtime: RealtimeServer | null = null;
	const onAccessChange = (change: AccessChange) => {
		const { principalId, inviteId } = change;
		// socket.io rooms: the adapter carries this to the other instances.
		realtime?.accessChanged(change);
		rooms.peek(change.planId)?.accessChanged({ principalId, inviteId });
		bus
			.publish(change.planId, {
				kind: 'access',
				payload: new TextEncoder().encode(JSON.stringify({ principalId, inviteId }))
			})
			.catch((error) => log.warn('publish access change failed', { error }));
	};
	const access = await createAccessService({
		kv,
		log,
		limits: {
			sessionTtlMs: config.sessionTtlMs,
			loginFailuresPerAccount: config.loginLimits.perAccount,
			loginFailuresPerAddress: config.loginLimits.perAddress,
			loginWindowMs: config.loginLimits.windowMs,
			auditRoutinePerPerson: config.auditRoutinePerPerson
		},
		onAccessChange,
		listPlanIds: () => store.list(),
		passwordHashing: { logN: config.passwordHashCost, r: 8, p: 1 }
	});
	if (config.passwordHashCost < 17) {
		log.warn('PASSWORD_HASH_COST unter 17: Passwörter sind schwächer geschützt (nur für Tests).');
	}
	const versions = await createVersions({ config, rooms, kv, blobs, log });
	const feedback = createFeedbackService({
		kv,
		rooms,
		access,
		log,
		limits: config.feedbackLimits,
		onItemCreated: (planId, actor, itemId, type) =>
			versions.recordServerEdit(planId, actorOf(actor), itemId, 'created', [], type)
	});
	// E-mail (SMTP_URL): queued in the KV store, sent in the background.
	const languages = createLanguagePreferences(kv);
	const mail = createMailService({
		kv,
		access,
		languages,
		log,
		instanceId: config.instanceId,
		origin: config.origin,
		settings: config.mail && {
			...config.mail,
			transport: createSmtpTransport(config.mail.smtpUrl)
		}
	});
	const emitter = createSwitchableEmitter();
	const review = createReviewService({
		kv,
		access,
		readPlan: createPlanItemsReader(rooms),
		emitter,
		log,
		onDelivered: mailNotifications(mail),
		limits: {
			commentsPerMinute: config.review.commentsPerMinute,
			dueSoonDays: config.review.dueSoonDays
		},
		timeZone: config.timeZone
	});
	const schedule = createScheduleService({
		kv,
		log,
		access,
		readFields: createFieldsReader(rooms),
		automatic: createAutomaticReader({ feedback, review, timeZone: config.timeZone }),
		timeZone: config.timeZone
	});
	const monitoring = createMonitoringService({
		kv,
		rooms,
		access,
		versions,
		inbox: review,
		log,
		timeZone: config.timeZone
	});
	const meetings = createMeetingService({
		kv,
		log,
		access,
		readFields: createFieldsReader(rooms),
		locks: structureLocks,
		bus
	});
	const votes = createVoteService({
		kv,
		log,
		readItems: createPlanItemsReader(rooms),
		writePriorities: createPriorityWriter(rooms, versions),
		emit: (planId, view) => emitter.toPlan(planId, 'vote:updated', planId, view)
	});
	const ideas = createIdeaService({
		kv,
		log,
		readFields: createFieldsReader(rooms),
		writeItem: createIdeaItemWriter(rooms, versions),
		emit: (push) => emitter.toPlan(push.planId, 'ideas:changed', push)
	});
	// Sitzungsprotokoll: entries pushed to the plan room, tasks into the inbox (server/meetings/minutes.ts).
	const minutes = createMinutesService({
		kv,
		log,
		access,
		readItems: createPlanItemsReader(rooms),
		municipality: async (planId) => (await plans.listPlans([planId]))[0]?.municipality ?? '',
		votes,
		versions,
		inbox: review,
		emit: (push) => emitter.toPlan(push.planId, 'meeting:minutes', push),
		timeZone: config.timeZone,
		// The idea wall's section: what was collected and what became of it.
		ideas: async (planId, sessionId, locale) => {
			const listed = await ideas.listSessionIdeas(planId, sessionId);
			return listed.ok ? protocolIdeas(listed.value, locale) : null;
		}
	});
	const indicators = createIndicatorService({ kv, log, readGoals: createGoalsReader(rooms) });
	const editions = createEditionsService({
		kv,
		log,
		existing: async (ids) => {
			const all = new Set(await store.list());
			return ids.filter((id) => all.has(id));
		}
	});
	const exports = createPdfExports({ limits: config.exports, log });
	// The one access gate: HTTP (via the backend), sync upgrades and socket.io.
	const gate = createAccessGate({
		access,
		origin: config.origin,
		planCreators: config.planCreators
	});
	const transfer = createTransferService({
		store,
		rooms,
		kv,
		blobs,
		access,
		log,
		limits: { maxDocBytes: config.planMaxBytes, maxEntries: config.planMaxEntries }
	});
	const plans = new PlanService({
		transfer,
		legal,
		exports,
		versions,
		store,
		rooms,
		bus,
		log,
		instanceId: config.instanceId,
		access: withMailHooks(access, {
			mail,
			languages,
			timeZone: config.timeZone,
			planTitle: async (planId): Promise<string> =>
				(await plans.listPlans([planId]))[0]?.title ?? ''
		}),
		mail,
		languages,
		gate,
		feedback,
		review,
		schedule,
		monitoring,
		meetings,
		minutes,
		sso: config.oidc ? createOidcService({ config: config.oidc, kv, access, log }) : null,
		votes,
		indicators,
		ideas,
		editions,
		settings: {
			origin: config.origin,
			cookieSecure: config.cookieSecure,
			sessionTtlMs: config.sessionTtlMs,
			timeZone: config.timeZone
		}
	});
	const sync = createSyncServer({
		rooms,
		log,
		authorize: createUpgradeAuthorizer(gate, (principal, planId) =>
			access.translatorLanguages(principal, planId)
		),
		maxMessageBytes: config.syncMaxMessageBytes,
		maxBufferedBytes: config.syncMaxBufferedBytes,
		maxConnections: config.syncMaxConnections,
		maxConnectionsPerPrincipal: config.syncMaxConnectionsPerUser,
		maxUpgradesPerAddress: config.syncMaxUpgradesPerAddress,
		addressOf: (req) => clientAddressOf(req, config),
		sessionRecheckMs: config.syncSessionRecheckMs
	});

	if (config.seedExamplePlan) {
		try {
			const exampleId = await plans.seedExamplePlan();
			if (exampleId) log.info('example plan created', { planId: exampleId });
		} catch (error) {
			log.warn('could not seed the example plan', { error });
		}
	}
	if (config.admin) {
		const admin = await access.ensureAdmin(config.admin);
		log.info('administrator ready', { email: admin.email });
	}

	registerBackend(plans);
	log.info('backend ready', {
		storage: store.kind,
		dataDir: config.redisUrl ? undefined : config.dataDir
	});

	// "Due soon" reminders; each is sent once per request/check and person (also with several
	// instances: a set-if-absent marker in the KV decides who sends it).
	const runReminders = () => {
		review
			.runReminders()
			.then((sent) => sent > 0 && log.info('review reminders sent', { sent }))
			.catch((error) => log.warn('review reminders failed', { error }));
		monitoring
			.runReminders()
			.then((sent) => sent > 0 && log.info('monitoring reminders sent', { sent }))
			.catch((error) => log.warn('monitoring reminders failed', { error }));
	};
	const reminderTimers: ReturnType<typeof setTimeout>[] = [];
	if (config.review.reminderIntervalMs > 0) {
		reminderTimers.push(
			setTimeout(runReminders, 10_000),
			setInterval(runReminders, config.review.reminderIntervalMs)
		);
		for (const t of reminderTimers) t.unref();
	}

	metrics.setSources({
		syncConnections: () => sync.connectionCount,
		openPlans: () => rooms.size,
		socketIoClients: () => realtime?.io.engine.clientsCount ?? 0,
		exportLoad: () => plans.exports.load()
	});

	let closing: Promise<void> | undefined;
	return {
		config,
		metrics,
		log,
		store,
		bus,
		rooms,
		plans,
		kv,
		access,
		feedback,
		sync,
		versions,
		review,
		monitoring,
		meetings,
		minutes,
		mail,
		get realtime() {
			return realtime;
		},
		async attachRealtime(httpServer) {
			if (realtime) return realtime;
			realtime = await createRealtimeServer({
				httpServer,
				gate,
				maxConnectionsPerUser: config.socketIoMaxConnectionsPerUser,
				redisUrl: config.redisUrl,
				log,
				meetings
			});
			emitter.attach(realtime);
			const io = realtime.io;
			// Live session state goes to the plan room (access changes already leave it).
			meetings.setPush((p) => io.to(`plan:${p.planId}`).emit('meeting:state', p));
			return realtime;
		},
		handleUpgrade: (req, socket, head) => {
			// socket.io's own upgrade listener (attached to the same server) takes these.
			if (realtime && (req.url ?? '').startsWith(`${SOCKET_IO_PATH}/`)) return true;
			return sync.handleUpgrade(req, socket, head);
		},
		close() {
			closing ??= (async () => {
				for (const t of reminderTimers) clearTimeout(t);
				emitter.attach(null);
				meetings.setPush(undefined);
				await realtime?.close().catch(() => {});
				sync.close();
				await plans.exports.close().catch(() => {});
				await mail.close().catch(() => {});
				await rooms.closeAll();
				await versions.close().catch(() => {});
				await bus.close().catch(() => {});
				await access.close().catch(() => {});
				await kv.close().catch(() => {});
				await store.close().catch(() => {});
				await lock?.release().catch(() => {});
				// Only our own: after a Vite restart a newer backend may already be registered.
				if (getBackend() === plans) registerBackend(undefined);
			})();
			return closing;
		}
	};
}

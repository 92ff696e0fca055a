/**
 * Wires one Mitplan backend: store (Redis or file), bus (Redis pub/sub or none), rooms, the sync
 * websocket server and the plan service. Both production (server/main.ts) and development (the
 * Vite plugin in server/dev-plugin.ts) call `createCore` once and register the backend for
 * SvelteKit, so dev and production behave alike.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { getBackend, registerBackend } from '../src/lib/server/backend';
import { createFileKv } from './auth/kv-file';
import { createRedisKv } from './auth/kv-redis';
import type { KvStore } from './auth/kv';
import { createAccessService } from './auth/service';
import { createFeedbackService, type FeedbackService } from './feedback/service';
import type { AccessChange, AccessService } from './auth/types';
import type { Config } from './config';
import { createLogger, type Logger } from './log';
import { PlanService } from './plans';
import { createStore } from './storage/index';
import { createRedisPubSub } from './storage/redis-store';
import type { DocStore } from './storage/types';
import { createLocalBus, createPubSubBus, type PlanBus } from './sync/bus';
import { RoomManager } from './sync/rooms';
import { createUpgradeAuthorizer } from './sync/authorize';
import { createSyncServer, type SyncServer } from './sync/sync-server';
import { createVersions } from './versions/index';
import type { VersionService } from './versions/service';

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
	/** Routes a websocket upgrade; returns false if the path is not ours. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Flushes every plan to the store and closes connections and clients. */
	close(): Promise<void>;
}

export async function createCore(
	config: Config,
	log = createLogger(config.logLevel)
): Promise<Core> {
	log = log.child({ instance: config.instanceId });
	const storageLogger = {
		warn: (message: string, ...args: unknown[]) => log.warn(message, { details: args }),
		error: (message: string, ...args: unknown[]) => log.error(message, { details: args })
	};
	const store = await createStore({
		redisUrl: config.redisUrl,
		dataDir: config.dataDir,
		logger: storageLogger
	});
	const bus = config.redisUrl
		? createPubSubBus(
				await createRedisPubSub({ url: config.redisUrl, logger: storageLogger }),
				config.instanceId,
				(error, ctx) => log.warn('bus error', { error, ctx })
			)
		: createLocalBus();
	const rooms = new RoomManager({
		store,
		bus,
		log,
		compactEvery: config.compactEvery,
		idleMs: config.roomIdleMs
	});
	const kv = config.redisUrl
		? await createRedisKv({ url: config.redisUrl, logger: storageLogger })
		: await createFileKv({ dir: config.dataDir, logger: storageLogger });
	// An access change closes the affected connections here and, through the plan bus, on every
	// other instance.
	const onAccessChange = (change: AccessChange) => {
		const { principalId, inviteId } = change;
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
			loginWindowMs: config.loginLimits.windowMs
		},
		onAccessChange,
		listPlanIds: () => store.list()
	});
	const versions = await createVersions({ config, rooms, kv, log, logger: storageLogger });
	const feedback = createFeedbackService({
		kv,
		rooms,
		access,
		log,
		limits: config.feedbackLimits
	});
	const plans = new PlanService({
		versions,
		store,
		rooms,
		bus,
		log,
		instanceId: config.instanceId,
		access,
		feedback,
		settings: {
			origin: config.origin,
			cookieSecure: config.cookieSecure,
			sessionTtlMs: config.sessionTtlMs
		}
	});
	const sync = createSyncServer({
		rooms,
		log,
		authorize: createUpgradeAuthorizer({ access, origin: config.origin }),
		maxMessageBytes: config.syncMaxMessageBytes,
		maxConnections: config.syncMaxConnections,
		maxConnectionsPerPrincipal: config.syncMaxConnectionsPerUser
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

	let closing: Promise<void> | undefined;
	return {
		config,
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
		handleUpgrade: (req, socket, head) => sync.handleUpgrade(req, socket, head),
		close() {
			closing ??= (async () => {
				sync.close();
				await rooms.closeAll();
				await versions.close().catch(() => {});
				await bus.close().catch(() => {});
				await access.close().catch(() => {});
				await kv.close().catch(() => {});
				await store.close().catch(() => {});
				// Only our own: after a Vite restart a newer backend may already be registered.
				if (getBackend() === plans) registerBackend(undefined);
			})();
			return closing;
		}
	};
}

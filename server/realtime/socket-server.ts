/**
 * socket.io on the app's HTTP server (`/socket.io`): pushes review events of a plan to everyone
 * who joined it and notifications to their recipients (src/lib/realtime/events.ts). Only pushes;
 * writes go through the JSON API.
 *
 * Handshake (middleware): Origin like the HTTP side, then `auth.token` (a sync token, as for
 * /sync) or the session cookie; refused with an Error whose `data` is `{ code, message }`.
 * Rooms: `user:<id>` (notifications), `principal:<id>` and `invite:<id>` (to remove a principal
 * from plan rooms when their access changes) and `plan:<planId>` (joined with `plan:join` after a
 * role check). A guest's socket ends when the invite expires; session-cookie sockets are
 * re-validated every minute (a logged-out or expired session loses its socket). With REDIS_URL, `@socket.io/redis-adapter` shares rooms and emits across instances;
 * on a Redis Cluster (`redis+cluster://…`) its sharded adapter (SPUBLISH/SSUBSCRIBE, one channel
 * per room) on node-redis cluster clients.
 */
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter, createShardedAdapter } from '@socket.io/redis-adapter';
import { createClient, createCluster } from 'redis';
import { isClusterUrl, parseClusterUrl } from '../storage/redis-cluster-url';
import { parsePlanId } from '../../src/lib/contract/ids';
import { PLAN_ERRORS, type ApiError } from '../../src/lib/contract/result';
import { errorText, localeOfHeaders } from '../../src/lib/i18n/error-text';
import type {
	ClientToServerEvents,
	JoinAck,
	MeetingJoinAck,
	ServerToClientEvents,
	SocketData
} from '../../src/lib/contract/realtime-events';
import type { ServerGate } from '../access/gate';
import type { AccessChange, Principal } from '../auth/types';
import type { Logger } from '../log';
import type { ReviewEmitter } from '../review/emitter';
import type { MeetingServer } from '../meetings/service';

export const SOCKET_IO_PATH = '/socket.io';

type IoServer = Server<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;
type IoSocket = Socket<
	ClientToServerEvents,
	ServerToClientEvents,
	Record<string, never>,
	SocketData
>;

export interface RealtimeServer extends ReviewEmitter {
	readonly io: IoServer;
	/** Leaves (on every instance) the plan room of whoever lost access. */
	accessChanged(change: AccessChange): void;
	/**
	 * Re-validates the session cookie of every socket on this instance and disconnects those whose
	 * session ended (logout, expiry). Runs every `recheckIntervalMs`; exposed for tests.
	 */
	recheckSessions(): Promise<void>;
	close(): Promise<void>;
}

/** An Error for `next()`: socket.io sends `message` and `data` to the client's connect_error. */
function refusal(
	code: string,
	message: string
): Error & { data: { code: string; message: string } } {
	return Object.assign(new Error(message), { data: { code, message } });
}

export async function createRealtimeServer(deps: {
	httpServer: http.Server;
	/** The access gate (server/access/gate.ts): handshake, join and re-checks. */
	gate: Pick<ServerGate, 'authenticateHandshake' | 'authorize' | 'currentPrincipal' | 'roleOn'>;
	redisUrl: string | undefined;
	log: Logger;
	/** Open sockets one user or guest may hold on this instance (SOCKETIO_MAX_CONNECTIONS_PER_USER). */
	maxConnectionsPerUser?: number;
	/** How often session sockets are re-validated (ms); default 60 s. */
	recheckIntervalMs?: number;
	/** Sessions (Sitzungsmodus): attendance of joined sockets. */
	meetings?: Pick<MeetingServer, 'joined' | 'left'>;
}): Promise<RealtimeServer> {
	const { gate, log } = deps;
	const io: IoServer = new Server(deps.httpServer, {
		path: SOCKET_IO_PATH,
		serveClient: false,
		// Other upgrade paths (/sync) belong to the sync server: never destroy them here.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 25_000,
		pingTimeout: 20_000
	});

	const redisClients: Array<{ close(): Promise<unknown>; destroy(): void }> = [];
	if (deps.redisUrl) {
		const url = deps.redisUrl;
		const socket = {
			connectTimeout: 5000,
			reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 10), 2000)
		};
		const watch = (client: {
			on(event: 'error' | 'node-error', cb: (error: Error) => void): unknown;
			on(event: 'ready' | 'node-ready', cb: () => void): unknown;
		}) => {
			let down = false;
			const lost = (error: Error) => {
				if (down) return;
				down = true;
				log.warn('[realtime] redis connection lost; reconnecting', { error: error.message });
			};
			client.on('error', lost);
			client.on('ready', () => (down = false));
		};
		if (isClusterUrl(url)) {
			const target = parseClusterUrl(url);
			const make = () => {
				const cluster = createCluster({
					rootNodes: target.rootNodes.map((node) => ({ url: node })),
					defaults: {
						username: target.username,
						password: target.password,
						socket: { ...socket, ...(target.tls ? { tls: true } : {}) }
					}
				});
				watch(cluster as never);
				cluster.on('node-error', () => {});
				redisClients.push(cluster);
				return cluster;
			};
			const pub = make();
			const sub = make();
			await Promise.all([pub.connect(), sub.connect()]);
			io.adapter(
				createShardedAdapter(pub as never, sub as never, { channelPrefix: 'mitplan:socket.io' })
			);
		} else {
			const make = () => {
				const client = createClient({ url, socket });
				watch(client as never);
				redisClients.push(client);
				return client;
			};
			const pub = make();
			const sub = make();
			await Promise.all([pub.connect(), sub.connect()]);
			// node-redis 6 clients work with the adapter (it detects them by `sSubscribe`/`pSubscribe`).
			io.adapter(createAdapter(pub as never, sub as never, { key: 'mitplan:socket.io' }));
		}
	}

	/** Open sockets per principal on this instance (SOCKETIO_MAX_CONNECTIONS_PER_USER). */
	const socketsPer = new Map<string, number>();

	// ----- handshake: the gate authenticates (Origin, sync token or session cookie) -----
	io.use(async (socket, next) => {
		// Refusals and acks speak the socket's language (cookie mitplan_lang, else Accept-Language).
		const locale = localeOfHeaders(socket.request.headers);
		const who = await gate.authenticateHandshake({
			headers: socket.request.headers,
			auth: socket.handshake.auth as Record<string, unknown> | undefined
		});
		if (!who.ok) {
			if (who.error.code === PLAN_ERRORS.unavailable().code) {
				log.warn('[realtime] handshake: storage unavailable');
			}
			const { code, message, params } = who.error;
			return next(refusal(code, errorText(code, message, locale, params)));
		}
		const { principal, tokenPlanId } = who;
		const limit = deps.maxConnectionsPerUser ?? Infinity;
		if ((socketsPer.get(principal.id) ?? 0) >= limit) {
			log.warn('[realtime] per-user connection limit reached', { principal: principal.id, limit });
			const code = 'too_many_connections';
			const message =
				'Zu viele gleichzeitige Verbindungen. Bitte schließen Sie andere Mitplan-Fenster.';
			return next(refusal(code, errorText(code, message, locale)));
		}
		socket.data = {
			principalId: principal.id,
			principalKind: principal.kind,
			name: principal.name,
			principal,
			tokenPlanId
		};
		next();
	});

	// ----- connection -----
	io.on('connection', (socket: IoSocket) => {
		const data = socket.data;
		const locale = localeOfHeaders(socket.request.headers);
		socketsPer.set(data.principalId, (socketsPer.get(data.principalId) ?? 0) + 1);
		socket.on('disconnect', () => {
			const left = (socketsPer.get(data.principalId) ?? 1) - 1;
			if (left > 0) socketsPer.set(data.principalId, left);
			else socketsPer.delete(data.principalId);
		});
		void socket.join(`principal:${data.principalId}`);
		if (data.principalKind === 'user') void socket.join(`user:${data.principalId}`);
		const principal = data.principal as Principal;
		if (principal.kind === 'guest') void socket.join(`invite:${principal.inviteId}`);

		// A guest's access ends with the invite (as on /sync): disconnect then, re-armed for
		// expiries beyond the timer limit (~24 days).
		let expiry: ReturnType<typeof setTimeout> | undefined;
		const armExpiry = () => {
			if (principal.kind !== 'guest') return;
			const left = principal.expiresAt - Date.now();
			if (left <= 0) return void socket.disconnect(true);
			expiry = setTimeout(armExpiry, Math.min(left, 24 * 3600 * 1000));
		};
		armExpiry();
		socket.on('disconnect', () => clearTimeout(expiry));

		socket.on('plan:join', async (planId, ack) => {
			const reply = (result: JoinAck) => {
				if (typeof ack === 'function') ack(result);
			};
			const refuse = ({ code, message, params }: ApiError): JoinAck => ({
				ok: false,
				code,
				message: errorText(code, message, locale, params)
			});
			const id = parsePlanId(planId);
			if (!id) return reply(refuse(PLAN_ERRORS.invalidId()));
			// A sync-token socket may join the token's plan only.
			if (data.tokenPlanId && data.tokenPlanId !== id) return reply(refuse(PLAN_ERRORS.notFound()));
			const access = await gate.authorize(principal, id, 'plan.read');
			if (!access.ok) return reply(refuse(access.error));
			await socket.join(`plan:${planId}`);
			reply({ ok: true });
		});
		socket.on('plan:leave', (planId) => {
			if (typeof planId === 'string') void socket.leave(`plan:${planId}`);
		});

		// ----- sessions: attendance is recorded from join to leave/disconnect -----
		const attending = new Map<string, { planId: string; sessionId: string }>();
		const leaveMeeting = (key: string) => {
			const at = attending.get(key);
			if (!at) return;
			attending.delete(key);
			void deps.meetings?.left(at.planId, at.sessionId, `${socket.id}:${at.sessionId}`);
		};
		socket.on('meeting:join', async (planId, sessionId, ack) => {
			const reply = (result: MeetingJoinAck) => {
				if (typeof ack === 'function') ack(result);
			};
			const refuse = ({ code, message, params }: ApiError): MeetingJoinAck => ({
				ok: false,
				code,
				message: errorText(code, message, locale, params)
			});
			const id = parsePlanId(planId);
			if (!id) return reply(refuse(PLAN_ERRORS.invalidId()));
			if (data.tokenPlanId && data.tokenPlanId !== id) return reply(refuse(PLAN_ERRORS.notFound()));
			if (!deps.meetings || typeof sessionId !== 'string')
				return reply(
					refuse({
						status: 404,
						code: 'session_not_found',
						message: 'Diese Sitzung gibt es nicht.'
					})
				);
			const access = await gate.authorize(principal, id, 'meeting.join');
			if (!access.ok) return reply(refuse(access.error));
			const key = `${id}/${sessionId}`;
			const joined = await deps.meetings.joined(
				{ principal, role: access.value.role },
				id,
				sessionId,
				`${socket.id}:${sessionId}`
			);
			if (!joined.ok) return reply(refuse(joined.error));
			if (!socket.connected) {
				void deps.meetings.left(id, sessionId, `${socket.id}:${sessionId}`);
				return;
			}
			attending.set(key, { planId: id, sessionId });
			await socket.join(`plan:${id}`);
			reply({ ok: true, view: joined.value });
		});
		socket.on('meeting:leave', (planId, sessionId) => {
			if (typeof planId === 'string' && typeof sessionId === 'string')
				leaveMeeting(`${planId}/${sessionId}`);
		});
		socket.on('disconnect', () => {
			for (const key of [...attending.keys()]) leaveMeeting(key);
		});
	});

	const currentPrincipal = (handshake: {
		headers: http.IncomingHttpHeaders;
		auth: Record<string, unknown>;
	}) => gate.currentPrincipal(handshake);

	/**
	 * Someone's access to a plan changed (role, removal, disabled account, password reset, revoked
	 * invite). With the Redis adapter this reaches the sockets on every instance: sockets whose
	 * credentials no longer hold are disconnected, the others leave the plan room if the role is
	 * gone.
	 */
	async function accessChanged(change: AccessChange): Promise<void> {
		const room = `plan:${change.planId}`;
		if (change.inviteId) io.in(`invite:${change.inviteId}`).socketsLeave(room);
		const id = change.principalId;
		if (!id) return;
		const target = io.in(`principal:${id}`);
		try {
			const sockets = await target.fetchSockets();
			let principal: Principal | null = null;
			for (const socket of sockets) {
				const now = await currentPrincipal(socket.handshake);
				if (!now || now.id !== id) socket.disconnect(true);
				else principal ??= now;
			}
			if (!principal) return;
			const planId = parsePlanId(change.planId);
			const role = planId ? await gate.roleOn(principal, planId) : null;
			if (!role) target.socketsLeave(room);
		} catch {
			target.socketsLeave(room); // cannot tell: fail closed (the client re-joins with a check)
		}
	}

	/** Sockets of this instance that signed in with the session cookie and whose session ended. */
	async function recheckSessions(): Promise<void> {
		for (const socket of io.of('/').sockets.values()) {
			if (!socket.connected || typeof socket.handshake.auth?.token === 'string') continue;
			try {
				const now = await currentPrincipal(socket.handshake);
				if (!now || now.id !== socket.data.principalId) socket.disconnect(true);
			} catch {
				// store unavailable: keep the socket, the next round checks again
			}
		}
	}
	const recheckTimer = setInterval(() => {
		recheckSessions().catch((error) => log.warn('[realtime] session re-check failed', { error }));
	}, deps.recheckIntervalMs ?? 60_000);
	recheckTimer.unref();

	let closing: Promise<void> | undefined;
	return {
		io,
		toPlan(planId, event, ...args) {
			io.to(`plan:${planId}`).emit(event, ...args);
		},
		toUser(userId, event, ...args) {
			io.to(`user:${userId}`).emit(event, ...args);
		},
		accessChanged(change) {
			accessChanged(change).catch((error) =>
				log.warn('[realtime] access change failed', { error })
			);
		},
		recheckSessions,
		close() {
			closing ??= (async () => {
				clearInterval(recheckTimer);
				io.disconnectSockets(true);
				await new Promise<void>((resolve) => {
					// io.close() also closes the HTTP server; only close the engine here.
					io.engine.close();
					resolve();
				});
				await Promise.all(redisClients.map((c) => c.close().catch(() => c.destroy())));
			})();
			return closing;
		}
	};
}

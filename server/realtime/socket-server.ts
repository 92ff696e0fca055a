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
 * re-validated every minute (a logged-out or expired session loses its socket). With REDIS_URL, `@socket.io/redis-adapter` shares rooms and emits across instances.
 */
import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { PlanRole } from '../../src/lib/contract/roles';
import { isValidPlanId } from '../../src/lib/domain/ids';
import { PLAN_ERRORS, type ApiError } from '../../src/lib/contract/result';
import type {
	ClientToServerEvents,
	JoinAck,
	ServerToClientEvents,
	SocketData
} from '../../src/lib/contract/realtime-events';
import {
	MAX_CREDENTIAL_LENGTH,
	SESSION_COOKIE,
	isAllowedOrigin,
	readCookie
} from '../../src/lib/server/security';
import type { AccessChange, AccessService, Principal } from '../auth/types';
import type { Logger } from '../log';
import type { ReviewEmitter } from '../review/emitter';

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

/** The plan id inside a sync token (its payload is base64url JSON; the signature is checked later). */
function tokenPlanId(token: string): string | null {
	try {
		const payload = JSON.parse(
			Buffer.from(token.split('.')[0] ?? '', 'base64url').toString('utf8')
		);
		return typeof payload?.planId === 'string' ? payload.planId : null;
	} catch {
		return null;
	}
}

export async function createRealtimeServer(deps: {
	httpServer: http.Server;
	access: Pick<AccessService, 'resolveSession' | 'verifySyncToken' | 'roleFor'>;
	origin: string | undefined;
	redisUrl: string | undefined;
	log: Logger;
	/** How often session sockets are re-validated (ms); default 60 s. */
	recheckIntervalMs?: number;
}): Promise<RealtimeServer> {
	const { access, log } = deps;
	const io: IoServer = new Server(deps.httpServer, {
		path: SOCKET_IO_PATH,
		serveClient: false,
		// Other upgrade paths (/sync) belong to the sync server: never destroy them here.
		destroyUpgrade: false,
		maxHttpBufferSize: 64 * 1024,
		pingInterval: 25_000,
		pingTimeout: 20_000
	});

	const redisClients: Array<{ quit(): Promise<unknown>; destroy(): void }> = [];
	if (deps.redisUrl) {
		const make = () => {
			const client = createClient({
				url: deps.redisUrl,
				socket: {
					connectTimeout: 5000,
					reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 10), 2000)
				}
			});
			let down = false;
			client.on('error', (error: Error) => {
				if (down) return;
				down = true;
				log.warn('[realtime] redis connection lost; reconnecting', { error: error.message });
			});
			client.on('ready', () => (down = false));
			redisClients.push(client);
			return client;
		};
		const pub = make();
		const sub = make();
		await Promise.all([pub.connect(), sub.connect()]);
		// node-redis 6 clients work with the adapter (it detects them by `sSubscribe`/`pSubscribe`).
		io.adapter(createAdapter(pub as never, sub as never, { key: 'mitplan:socket.io' }));
	}

	// ----- handshake -----
	io.use(async (socket, next) => {
		const req = socket.request;
		if (!isAllowedOrigin(req.headers.origin, req.headers.host, deps.origin)) {
			return next(
				refusal(
					'cross_origin',
					'Diese Verbindung kommt von einer fremden Seite und wurde abgelehnt.'
				)
			);
		}
		const token = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
		let principal: Principal | null = null;
		let planOfToken: string | undefined;
		try {
			if (token !== undefined) {
				if (
					typeof token === 'string' &&
					token.length > 0 &&
					token.length <= MAX_CREDENTIAL_LENGTH
				) {
					const planId = tokenPlanId(token);
					if (planId && isValidPlanId(planId)) {
						principal = await access.verifySyncToken(token, planId);
						planOfToken = planId;
					}
				}
				if (!principal) {
					return next(
						refusal('invalid_token', 'Der Zugangsschlüssel ist ungültig oder abgelaufen.')
					);
				}
			} else {
				const session = readCookie(req.headers.cookie, SESSION_COOKIE);
				if (session) principal = await access.resolveSession(session);
			}
		} catch (error) {
			log.warn('[realtime] handshake: storage unavailable', { error });
			const { code, message } = PLAN_ERRORS.unavailable();
			return next(refusal(code, message));
		}
		if (!principal) return next(refusal('unauthenticated', 'Bitte melden Sie sich an.'));
		socket.data = {
			principalId: principal.id,
			principalKind: principal.kind,
			name: principal.name,
			principal,
			tokenPlanId: planOfToken
		};
		next();
	});

	// ----- connection -----
	io.on('connection', (socket: IoSocket) => {
		const data = socket.data;
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
			const refuse = ({ code, message }: ApiError): JoinAck => ({ ok: false, code, message });
			if (typeof planId !== 'string' || !isValidPlanId(planId)) {
				return reply(refuse(PLAN_ERRORS.invalidId()));
			}
			const notFound = refuse(PLAN_ERRORS.notFound());
			if (data.tokenPlanId && data.tokenPlanId !== planId) return reply(notFound);
			let role: PlanRole | null;
			try {
				role = await access.roleFor(principal, planId);
			} catch {
				return reply(refuse(PLAN_ERRORS.unavailable()));
			}
			if (!role) return reply(notFound);
			await socket.join(`plan:${planId}`);
			reply({ ok: true });
		});
		socket.on('plan:leave', (planId) => {
			if (typeof planId === 'string') void socket.leave(`plan:${planId}`);
		});
	});

	/** The principal behind a socket's handshake credentials now (null: no longer valid). */
	async function currentPrincipal(handshake: {
		headers: http.IncomingHttpHeaders;
		auth: Record<string, unknown>;
	}): Promise<Principal | null> {
		const token = handshake.auth?.token;
		if (typeof token === 'string') {
			const planId = tokenPlanId(token);
			return planId ? access.verifySyncToken(token, planId) : null;
		}
		const session = readCookie(handshake.headers.cookie, SESSION_COOKIE);
		return session ? access.resolveSession(session) : null;
	}

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
			const role = await access.roleFor(principal, change.planId);
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
				await Promise.all(redisClients.map((c) => c.quit().catch(() => c.destroy())));
			})();
			return closing;
		}
	};
}

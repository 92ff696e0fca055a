/**
 * Routes HTTP upgrades for `/sync/<planId>` to the y-websocket protocol. The y-websocket client
 * builds its URL as `<serverUrl>/<room>`, so `new WebsocketProvider('ws://host/sync', planId, doc)`
 * connects here unchanged. Other upgrade paths (Vite's HMR, later socket.io) are left alone.
 *
 * Every upgrade is authorized before it joins a room (server/sync/authorize.ts): the Origin
 * header, then a sync token (`?token=`) or the session cookie, then the plan role. Refusals are
 * websocket close codes (browsers cannot read an HTTP status of a failed upgrade): 4013 foreign
 * origin, 4001 not signed in, 4003 no access, 4429 too many connections. Refused sockets are
 * destroyed right after their close frame (they never hold a connection slot); upgrade attempts
 * per client address and minute are limited (HTTP 429 before any websocket); open connections
 * re-check their credentials periodically, so logging out closes them (4001).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { createWindowCounter } from '../access/address';
import { CloseCode } from '../../src/lib/contract/close-codes';
import { parsePlanId } from '../../src/lib/contract/ids';
import { allows } from '../../src/lib/contract/policy';
import type { Logger } from '../log';
import type { UpgradeAuthorizer, UpgradeDecision } from './authorize';
import { handleConnection } from './connection';
import type { RoomManager } from './rooms';

export const SYNC_PATH_PREFIX = '/sync/';

export interface SyncServer {
	/** Returns true if the upgrade was for /sync/ (and is handled), false to let others handle it. */
	handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	readonly connectionCount: number;
	close(): void;
}

export function createSyncServer(options: {
	rooms: RoomManager;
	log: Logger;
	authorize: UpgradeAuthorizer;
	maxMessageBytes: number;
	/** Unsent bytes one connection may queue before it is dropped as too slow (default 64 MiB). */
	maxBufferedBytes?: number;
	/** Open sync connections this instance accepts; more are closed with 4429. */
	maxConnections: number;
	/** Open sync connections one user or guest may hold on this instance. */
	maxConnectionsPerPrincipal: number;
	/** Upgrade attempts per client address and minute; more are answered 429 without a websocket. */
	maxUpgradesPerAddress?: number;
	/** Client address of an upgrade (ADDRESS_HEADER aware); default: the socket's peer. */
	addressOf?: (req: IncomingMessage) => string;
	/** How often open connections re-check their credentials (logout, expiry); default 60 s. */
	sessionRecheckMs?: number;
}): SyncServer {
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxMessageBytes,
		perMessageDeflate: false
	});
	const perPrincipal = new Map<string, number>();
	const upgradesPerAddress = createWindowCounter(60_000);
	const addressOf = options.addressOf ?? ((req) => req.socket.remoteAddress ?? 'unknown');
	/** Admitted connections with their session re-check (null: a sync token, checked on use). */
	const admitted = new Map<WebSocket, (() => Promise<UpgradeDecision>) | null>();

	/**
	 * Refused: the close code tells the browser why, then the socket is destroyed at once, so a
	 * refused client that never answers the close frame holds no slot until ws's close timeout.
	 */
	const refuse = (ws: WebSocket, code: number, reason: string) => {
		ws.close(code, reason);
		setImmediate(() => ws.terminate());
	};

	// A logged-out or expired session loses its sync connections like its socket.io sockets.
	const recheckTimer = setInterval(() => {
		for (const [ws, recheck] of admitted) {
			if (!recheck) continue;
			recheck()
				.then((again) => {
					if (again.ok || again.code === CloseCode.StorageUnavailable) return;
					options.log.info('sync connection closed: credentials no longer valid');
					ws.close(again.code, again.reason);
				})
				.catch(() => {}); // store unavailable: keep it, the next round checks again
		}
	}, options.sessionRecheckMs ?? 60_000);
	recheckTimer.unref();

	return {
		handleUpgrade(req, socket, head) {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) return false;
			socket.on('error', (error) => options.log.debug('upgrade socket error', { error }));
			const address = addressOf(req);
			if (upgradesPerAddress.hit(address) > (options.maxUpgradesPerAddress ?? Infinity)) {
				options.log.warn('sync upgrades per address limit reached', { address });
				socket.end(
					'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'
				);
				socket.destroy();
				return true;
			}
			let rawId: string;
			try {
				rawId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
			} catch {
				rawId = '';
			}
			// Parsed once; everything below works with the branded id.
			const planId = parsePlanId(rawId);
			const decision: Promise<UpgradeDecision> = planId
				? options.authorize(req, planId)
				: Promise.resolve({
						ok: false as const,
						code: CloseCode.InvalidPlanId,
						reason: 'Ungültige Plan-ID'
					});
			decision
				.catch((error) => {
					options.log.warn('authorization failed', { error });
					return {
						ok: false as const,
						code: CloseCode.StorageUnavailable,
						reason: 'sign-in not checkable'
					};
				})
				.then((result) => {
					if (socket.destroyed) return;
					wss.handleUpgrade(req, socket, head, (ws) => {
						if (!result.ok || !planId) {
							options.log.info('sync connection refused', {
								planId: rawId.slice(0, 80),
								code: result.ok ? CloseCode.InvalidPlanId : result.code
							});
							if (!result.ok) refuse(ws, result.code, result.reason);
							return;
						}
						if (admitted.size >= options.maxConnections) {
							options.log.warn('connection limit reached', { limit: options.maxConnections });
							refuse(ws, CloseCode.TooManyConnections, 'too many connections');
							return;
						}
						const { principal, role } = result;
						const translates = result.translates ?? [];
						const editor = allows(role, 'plan.edit');
						const open = perPrincipal.get(principal.id) ?? 0;
						if (open >= options.maxConnectionsPerPrincipal) {
							options.log.warn('per-user connection limit reached', {
								principal: principal.id,
								limit: options.maxConnectionsPerPrincipal
							});
							refuse(ws, CloseCode.TooManyConnections, 'too many connections of this person');
							return;
						}
						perPrincipal.set(principal.id, open + 1);
						// Session-cookie connections are re-checked periodically (sync tokens are
						// short-lived by design and only authorise the upgrade, as on socket.io).
						const viaToken = url.searchParams.has('token');
						admitted.set(ws, viaToken ? null : () => options.authorize(req, planId));
						ws.once('close', () => {
							admitted.delete(ws);
							const left = (perPrincipal.get(principal.id) ?? 1) - 1;
							if (left > 0) perPrincipal.set(principal.id, left);
							else perPrincipal.delete(principal.id);
						});
						handleConnection(ws, planId, options.rooms, options.log, {
							canWrite: editor || translates.length > 0,
							canEditSettings: allows(role, 'plan.settings'),
							translateOnly: editor ? undefined : translates,
							principalId: principal.id,
							displayName: principal.name,
							inviteId: principal.kind === 'guest' ? principal.inviteId : undefined,
							expiresAt: principal.kind === 'guest' ? principal.expiresAt : undefined,
							recheck: () =>
								options.authorize(req, planId).then((again) => {
									// An unreachable store is not a refusal (the caller keeps the connection).
									if (!again.ok && again.code === CloseCode.StorageUnavailable) {
										throw new Error(again.reason);
									}
									return (
										again.ok &&
										again.role === role &&
										(again.translates ?? []).join() === translates.join()
									);
								}),
							maxMessageBytes: options.maxMessageBytes,
							socket,
							maxBufferedBytes: options.maxBufferedBytes
						});
					});
				});
			return true;
		},
		get connectionCount() {
			return admitted.size;
		},
		close() {
			clearInterval(recheckTimer);
			for (const ws of wss.clients) ws.close(CloseCode.GoingAway, 'server shutting down');
			wss.close();
		}
	};
}

/**
 * Routes HTTP upgrades for `/sync/<planId>` to the y-websocket protocol. The y-websocket client
 * builds its URL as `<serverUrl>/<room>`, so `new WebsocketProvider('ws://host/sync', planId, doc)`
 * connects here unchanged. Other upgrade paths (Vite's HMR, later socket.io) are left alone.
 *
 * Every upgrade is authorized before it joins a room (server/sync/authorize.ts): the Origin
 * header, then a sync token (`?token=`) or the session cookie, then the plan role. Refusals are
 * websocket close codes (browsers cannot read an HTTP status of a failed upgrade): 4013 foreign
 * origin, 4001 not signed in, 4003 no access, 4429 too many connections.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { CloseCode } from '../../src/lib/contract/close-codes';
import { parsePlanId } from '../../src/lib/contract/ids';
import { allows } from '../../src/lib/contract/policy';
import type { Logger } from '../log';
import type { UpgradeAuthorizer } from './authorize';
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
	/** Open sync connections this instance accepts; more are closed with 4429. */
	maxConnections: number;
	/** Open sync connections one user or guest may hold on this instance. */
	maxConnectionsPerPrincipal: number;
}): SyncServer {
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxMessageBytes,
		perMessageDeflate: false
	});
	const perPrincipal = new Map<string, number>();

	return {
		handleUpgrade(req, socket, head) {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) return false;
			let rawId: string;
			try {
				rawId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
			} catch {
				rawId = '';
			}
			// Parsed once; everything below works with the branded id.
			const validId = parsePlanId(rawId);
			const planId = validId ?? rawId;
			socket.on('error', (error) => options.log.debug('upgrade socket error', { error }));
			const decision = validId
				? options.authorize(req, validId)
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
						reason: 'Anmeldung nicht prüfbar'
					};
				})
				.then((result) => {
					if (socket.destroyed) return;
					wss.handleUpgrade(req, socket, head, (ws) => {
						// wss.clients already counts this socket.
						if (wss.clients.size > options.maxConnections) {
							options.log.warn('connection limit reached', { limit: options.maxConnections });
							ws.close(CloseCode.TooManyConnections, 'Zu viele Verbindungen');
							return;
						}
						if (!result.ok) {
							options.log.info('sync connection refused', {
								planId: planId.slice(0, 80),
								code: result.code
							});
							ws.close(result.code, result.reason);
							return;
						}
						const { principal, role } = result;
						const open = perPrincipal.get(principal.id) ?? 0;
						if (open >= options.maxConnectionsPerPrincipal) {
							options.log.warn('per-user connection limit reached', {
								principal: principal.id,
								limit: options.maxConnectionsPerPrincipal
							});
							ws.close(CloseCode.TooManyConnections, 'Zu viele Verbindungen dieser Person');
							return;
						}
						perPrincipal.set(principal.id, open + 1);
						ws.once('close', () => {
							const left = (perPrincipal.get(principal.id) ?? 1) - 1;
							if (left > 0) perPrincipal.set(principal.id, left);
							else perPrincipal.delete(principal.id);
						});
						handleConnection(ws, planId, options.rooms, options.log, {
							canWrite: allows(role, 'plan.edit'),
							principalId: principal.id,
							displayName: principal.name,
							inviteId: principal.kind === 'guest' ? principal.inviteId : undefined,
							expiresAt: principal.kind === 'guest' ? principal.expiresAt : undefined,
							recheck: () =>
								options.authorize(req, validId!).then((again) => {
									// An unreachable store is not a refusal (the caller keeps the connection).
									if (!again.ok && again.code === CloseCode.StorageUnavailable) {
										throw new Error(again.reason);
									}
									return again.ok && again.role === role;
								}),
							maxMessageBytes: options.maxMessageBytes
						});
					});
				});
			return true;
		},
		get connectionCount() {
			return wss.clients.size;
		},
		close() {
			for (const ws of wss.clients) ws.close(CloseCode.GoingAway, 'Server beendet');
			wss.close();
		}
	};
}

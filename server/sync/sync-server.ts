/**
 * Routes HTTP upgrades for `/sync/<planId>` to the y-websocket protocol. The y-websocket client
 * builds its URL as `<serverUrl>/<room>`, so `new WebsocketProvider('ws://host/sync', planId, doc)`
 * connects here unchanged. Other upgrade paths (Vite's HMR, later socket.io) are left alone.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { isValidPlanId } from '../../src/lib/domain/ids';
import { CloseCode } from '../../src/lib/sync/close-codes';
import type { Logger } from '../log';
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
	maxMessageBytes: number;
	/** Open sync connections this instance accepts; more are closed with 4429. */
	maxConnections: number;
}): SyncServer {
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxMessageBytes,
		perMessageDeflate: false
	});

	return {
		handleUpgrade(req, socket, head) {
			const url = new URL(req.url ?? '/', 'http://localhost');
			if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) return false;
			let planId: string;
			try {
				planId = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
			} catch {
				planId = '';
			}
			socket.on('error', (error) => options.log.debug('upgrade socket error', { error }));
			wss.handleUpgrade(req, socket, head, (ws) => {
				// wss.clients already counts this socket.
				if (wss.clients.size > options.maxConnections) {
					options.log.warn('connection limit reached', { limit: options.maxConnections });
					ws.close(CloseCode.TooManyConnections, 'Zu viele Verbindungen');
					return;
				}
				if (!isValidPlanId(planId as unknown)) {
					options.log.warn('invalid plan id refused', { planId: planId.slice(0, 80) });
					ws.close(CloseCode.InvalidPlanId, 'Ungültige Plan-ID');
					return;
				}
				handleConnection(ws, planId, options.rooms, options.log, {
					canWrite: true,
					maxMessageBytes: options.maxMessageBytes
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

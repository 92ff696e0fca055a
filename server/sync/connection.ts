/**
 * One websocket connection to /sync/<planId>. Messages that arrive while the plan is still
 * loading are queued and handled in order once it is ready (the y-websocket server's classic bug
 * was to answer sync step 1 from an empty document). A malformed message closes this connection
 * only; other connections and the room are untouched.
 */
import type { WebSocket, RawData } from 'ws';
import { CloseCode } from '../../src/lib/contract/close-codes';
import type { Logger } from '../log';
import { UpdateRefused } from './doc-guard';
import { parseClientMessage, ProtocolError } from './protocol';
import type { Peer, Room } from './room';
import type { RoomManager } from './rooms';
import { corkForTurn, type Corkable } from './turn-cork';

/** Interval of websocket pings; a peer that missed one pong is dropped. */
export const PING_INTERVAL_MS = 30_000;
/** Default: a peer whose unsent data exceeds this is too slow to keep up and is disconnected. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

let nextPeerId = 1;

/** A websocket close reason may hold at most 123 bytes of UTF-8. */
export function closeReason(reason: string): string {
	let out = reason;
	while (Buffer.byteLength(out, 'utf8') > 123) out = out.slice(0, -1);
	return out;
}

function toUint8Array(data: RawData): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function handleConnection(
	ws: WebSocket,
	planId: string,
	rooms: RoomManager,
	log: Logger,
	options: {
		canWrite: boolean;
		/** Owners: may change the plan settings in the document too. */
		canEditSettings?: boolean;
		/** Translators: only these languages' translations (doc-guard.ts). */
		translateOnly?: readonly string[];
		maxMessageBytes: number;
		/** Unsent bytes this connection may queue (SYNC_MAX_BUFFERED_BYTES); default 64 MiB. */
		maxBufferedBytes?: number;
		principalId?: string;
		inviteId?: string;
		displayName?: string;
		/** Epoch ms when the principal's access ends (guests); the connection closes then. */
		expiresAt?: number;
		/**
		 * Checked again once the peer is in the room: an access change published while the plan
		 * was loading found no peer to close, so a stale role must not stay.
		 */
		recheck?: () => Promise<boolean>;
		/**
		 * The upgraded TCP socket under `ws`: corked per event-loop turn, so the frames this peer
		 * gets in one turn leave in one write (turn-cork.ts). Without it every frame is written alone.
		 */
		socket?: Corkable;
	}
): void {
	const socket = options.socket;
	const peer: Peer = {
		id: `c${nextPeerId++}`,
		canWrite: options.canWrite,
		canEditSettings: options.canEditSettings,
		translateOnly: options.translateOnly,
		principalId: options.principalId,
		inviteId: options.inviteId,
		displayName: options.displayName,
		send(message) {
			if (ws.readyState !== ws.OPEN) return;
			if (ws.bufferedAmount > (options.maxBufferedBytes ?? MAX_BUFFERED_BYTES)) {
				log.warn('peer too slow; disconnected', { planId, peer: peer.id });
				ws.terminate(); // a close frame would wait behind the backlog
				return;
			}
			if (socket) corkForTurn(socket);
			// a failed write ends the socket, and 'close' below cleans up
			ws.send(message);
		},
		close(code, reason) {
			if (ws.readyState === ws.OPEN || ws.readyState === ws.CONNECTING) {
				ws.close(code, closeReason(reason));
			}
		}
	};
	const clog = log.child({ planId, peer: peer.id });
	let room: Room | null = null;
	let closed = false;
	const queue: Uint8Array[] = [];
	let queuedBytes = 0;

	let failed = false;
	const fail = (code: number, reason: string, error?: unknown) => {
		failed = true; // nothing this connection sends after the fault is applied
		clog.warn('closing connection', { code, reason, error });
		peer.close(code, reason);
	};

	const handleMessage = (data: Uint8Array) => {
		if (!room || failed) return;
		try {
			room.handle(peer, parseClientMessage(data));
		} catch (error) {
			if (error instanceof UpdateRefused) {
				return fail(error.code, `Änderung abgelehnt: ${error.message}`, error.message);
			}
			const reason =
				error instanceof ProtocolError ? error.message : 'Änderung konnte nicht angewendet werden';
			fail(CloseCode.Malformed, `Ungültige Nachricht: ${reason}`, error);
		}
	};

	ws.on('message', (data, isBinary) => {
		if (failed) return;
		if (!isBinary) return fail(CloseCode.Malformed, 'Ungültige Nachricht: Text statt Binärdaten');
		const bytes = toUint8Array(data);
		if (room) return handleMessage(bytes);
		queuedBytes += bytes.byteLength;
		if (queuedBytes > 2 * options.maxMessageBytes) {
			return fail(CloseCode.TooLarge, 'too much data before the plan was loaded');
		}
		queue.push(bytes);
	});

	let alive = true;
	ws.on('pong', () => (alive = true));
	const pinger = setInterval(() => {
		if (!alive) return ws.terminate();
		alive = false;
		ws.ping();
	}, PING_INTERVAL_MS);

	// A guest's access ends with the invite: close then (re-armed for expiries beyond ~24 days).
	let expiry: ReturnType<typeof setTimeout> | undefined;
	const armExpiry = () => {
		if (options.expiresAt === undefined) return;
		const left = options.expiresAt - Date.now();
		if (left <= 0) return peer.close(CloseCode.Unauthenticated, 'access expired');
		expiry = setTimeout(armExpiry, Math.min(left, 24 * 3600 * 1000));
	};
	armExpiry();

	ws.on('error', (error) => clog.warn('websocket error', { error }));
	ws.on('close', (code) => {
		closed = true;
		clearInterval(pinger);
		clearTimeout(expiry);
		clog.debug('connection closed', { code });
		if (room) {
			room.removePeer(peer);
			rooms.release(room);
			room = null;
		}
	});

	rooms.acquire(planId).then(
		(loaded) => {
			if (!loaded) return fail(CloseCode.PlanNotFound, 'plan not found');
			if (closed) return rooms.release(loaded); // disconnected while loading
			room = loaded;
			room.addPeer(peer);
			for (const data of queue.splice(0)) handleMessage(data);
			queuedBytes = 0;
			// A store outage is no reason to drop someone who was just admitted: keep them.
			options.recheck?.().then(
				(still) => {
					if (!still) peer.close(CloseCode.AccessChanged, 'access changed');
				},
				(error) => clog.warn('access re-check failed; connection kept', { error })
			);
		},
		(error) => fail(CloseCode.StorageUnavailable, 'storage unavailable', error)
	);
}

/**
 * A Room owns the in-memory Y.Doc and Awareness of one plan on this instance, the peers
 * (websocket connections) editing it, and its persistence.
 *
 * Durability: every document update is appended to the store the moment it is applied (no
 * debounce). Transactions carry a tagged origin so an update that came *from* the store or from
 * another instance (bus) is never stored or published again. If the store is unavailable the
 * update stays in `unsaved`, is retried with back-off, and the room is not unloaded before it is
 * saved — nothing accepted is dropped.
 */
import * as Y from 'yjs';
import {
	Awareness,
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import { migrate } from '../../src/lib/domain/migrations';
import type { DocStore } from '../storage/types';
import type { Logger } from '../log';
import type { PlanBus } from './bus';
import type { ClientMessage } from './protocol';
import {
	encodeAwareness,
	encodeAwarenessMessage,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeSyncUpdate
} from './protocol';

/** Origin of updates loaded from the store (never stored again). */
export const ORIGIN_STORE = Symbol('mitplan:store');
/** Origin of updates received from another instance (never stored or published again). */
export const ORIGIN_BUS = Symbol('mitplan:bus');
/** Origin of changes the server itself makes (API: rename); stored and published like a client's. */
export const ORIGIN_SERVER = Symbol('mitplan:server');

/** A connection as the room sees it. */
export interface Peer {
	readonly id: string;
	/** Read-only peers receive everything but their document updates are dropped. */
	readonly canWrite: boolean;
	send(message: Uint8Array): void;
	close(code: number, reason: string): void;
}

export interface RoomDeps {
	store: DocStore;
	bus: PlanBus;
	log: Logger;
	compactEvery: number;
	/** Another instance deleted the plan: the registry drops this room. */
	onRemoteDelete?: (room: Room) => void;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

export class Room {
	readonly doc = new Y.Doc();
	readonly awareness: Awareness;
	/** Each peer with the awareness client ids it controls (removed when it leaves). */
	private readonly peers = new Map<Peer, Set<number>>();
	private readonly inflight = new Set<Promise<void>>();
	private unsaved: Uint8Array[] = [];
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private retryDelay = RETRY_MIN_MS;
	private compacting: Promise<void> | undefined;
	private closed = false;
	/** Encoded sync step 2 for a client that has nothing yet; cleared by every update. */
	private fullStateMessage: Uint8Array | null = null;
	/** Server-side users (API calls) that keep the room loaded without a peer. */
	holds = 0;

	constructor(
		readonly planId: string,
		private readonly deps: RoomDeps
	) {
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present
		this.doc.on('update', this.onDocUpdate);
		this.awareness.on('update', this.onAwarenessUpdate);
	}

	get peerCount(): number {
		return this.peers.size;
	}

	get hasUnsaved(): boolean {
		return this.unsaved.length > 0 || this.inflight.size > 0;
	}

	/** Subscribes to the bus, then loads the stored state. Returns false if the plan does not exist. */
	async load(): Promise<boolean> {
		await this.deps.bus.subscribe(this.planId, (message) => {
			if (this.closed) return;
			try {
				if (message.kind === 'update') Y.applyUpdate(this.doc, message.payload, ORIGIN_BUS);
				else if (message.kind === 'awareness')
					applyAwarenessUpdate(this.awareness, message.payload, ORIGIN_BUS);
				else if (message.kind === 'deleted') {
					this.closeAll(4410, 'Plan gelöscht');
					this.deps.onRemoteDelete?.(this);
				}
			} catch (error) {
				this.deps.log.warn('bus message rejected', { planId: this.planId, error });
			}
		});
		const state = await this.deps.store.load(this.planId);
		if (!state) return false;
		Y.applyUpdate(this.doc, state, ORIGIN_STORE);
		// Bring older documents to the current schema; the migration is stored like any edit.
		const migrated = migrate(this.doc, ORIGIN_SERVER);
		if (!migrated.ok)
			this.deps.log.warn('migration refused', { planId: this.planId, ...migrated.error });
		return true;
	}

	/** Re-reads the store after an outage (catches updates other instances stored meanwhile). */
	async resync(): Promise<void> {
		const state = await this.deps.store.load(this.planId);
		if (state) Y.applyUpdate(this.doc, state, ORIGIN_STORE);
		this.retrySoon(0);
	}

	addPeer(peer: Peer): void {
		this.peers.set(peer, new Set());
		peer.send(encodeSyncStep1(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
	}

	removePeer(peer: Peer): void {
		const ids = this.peers.get(peer);
		if (!ids) return;
		this.peers.delete(peer);
		if (ids.size > 0) removeAwarenessStates(this.awareness, [...ids], null);
	}

	/** Handles one parsed client message. Throws only for updates Yjs itself refuses. */
	handle(peer: Peer, message: ClientMessage): void {
		switch (message.kind) {
			case 'sync-step1':
				peer.send(this.syncStep2For(message.stateVector));
				return;
			case 'sync-update':
				if (!peer.canWrite) {
					this.deps.log.debug('update from read-only peer dropped', { planId: this.planId });
					return;
				}
				Y.applyUpdate(this.doc, message.update, peer);
				return;
			case 'awareness':
				applyAwarenessUpdate(this.awareness, message.update, peer);
				return;
			case 'query-awareness':
				peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
				return;
			case 'auth':
				return;
		}
	}

	/** New clients (empty state vector) share one encoding of the whole document. */
	private syncStep2For(stateVector: Uint8Array): Uint8Array {
		const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
		if (!isEmpty) return encodeSyncStep2(this.doc, stateVector);
		this.fullStateMessage ??= encodeSyncStep2(this.doc);
		return this.fullStateMessage;
	}

	/** Runs a server-side change (e.g. rename via API) as a stored, published transaction. */
	transact(fn: (doc: Y.Doc) => void): void {
		this.doc.transact(() => fn(this.doc), ORIGIN_SERVER);
	}

	/** Resolves when every accepted update so far is in the store (or rejects if it is not). */
	async flush(): Promise<void> {
		while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
		if (this.unsaved.length > 0) {
			await this.retryNow();
			if (this.unsaved.length > 0) throw new Error('Speicher nicht erreichbar');
		}
	}

	closeAll(code: number, reason: string): void {
		for (const peer of [...this.peers.keys()]) {
			this.removePeer(peer);
			peer.close(code, reason);
		}
	}

	/** Flushes, compacts and frees the room. Callers remove it from the registry first. */
	async dispose(options: { compact: boolean }): Promise<void> {
		if (this.closed) return;
		try {
			await this.flush();
			if (options.compact) await this.compact();
		} catch (error) {
			this.deps.log.warn('room disposed with storage error', { planId: this.planId, error });
		}
		this.closed = true;
		clearTimeout(this.retryTimer);
		this.closeAll(1001, 'Server beendet');
		await this.deps.bus.unsubscribe(this.planId).catch(() => {});
		this.awareness.destroy();
		this.doc.destroy();
	}

	/** Marks the room closed without saving (the plan was deleted). */
	async destroy(code: number, reason: string): Promise<void> {
		this.closed = true;
		clearTimeout(this.retryTimer);
		this.unsaved = [];
		this.closeAll(code, reason);
		await this.deps.bus.unsubscribe(this.planId).catch(() => {});
		this.awareness.destroy();
		this.doc.destroy();
	}

	private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		this.fullStateMessage = null;
		if (this.closed) return;
		const message = encodeSyncUpdate(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		if (origin === ORIGIN_STORE || origin === ORIGIN_BUS) return;
		this.persist(update);
		this.deps.bus
			.publish(this.planId, { kind: 'update', payload: update })
			.catch((error) => this.deps.log.warn('publish failed', { planId: this.planId, error }));
	};

	private readonly onAwarenessUpdate = (
		changes: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		if (this.closed) return;
		const ids = origin instanceof Object ? this.peers.get(origin as Peer) : undefined;
		if (ids) {
			for (const id of changes.added) ids.add(id);
			for (const id of changes.removed) ids.delete(id);
		}
		const changed = [...changes.added, ...changes.updated, ...changes.removed];
		const update = encodeAwarenessUpdate(this.awareness, changed);
		const message = encodeAwarenessMessage(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		if (origin === ORIGIN_BUS) return;
		this.deps.bus.publish(this.planId, { kind: 'awareness', payload: update }).catch(() => {});
	};

	private persist(update: Uint8Array): void {
		const write = this.deps.store.append(this.planId, update).then(
			({ logLength }) => {
				if (logLength >= this.deps.compactEvery) this.compactInBackground();
			},
			(error) => {
				this.unsaved.push(update);
				this.deps.log.error('append failed; update kept in memory and retried', {
					planId: this.planId,
					error
				});
				this.retrySoon(this.retryDelay);
			}
		);
		this.inflight.add(write);
		void write.finally(() => this.inflight.delete(write));
	}

	private retrySoon(delay: number): void {
		if (this.closed || this.unsaved.length === 0 || this.retryTimer) return;
		this.retryTimer = setTimeout(() => {
			this.retryTimer = undefined;
			void this.retryNow();
		}, delay);
	}

	private async retryNow(): Promise<void> {
		if (this.unsaved.length === 0) return;
		const batch = this.unsaved;
		this.unsaved = [];
		const merged = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
		try {
			await this.deps.store.append(this.planId, merged);
			this.retryDelay = RETRY_MIN_MS;
			this.deps.log.info('unsaved updates stored after retry', {
				planId: this.planId,
				updates: batch.length
			});
		} catch {
			this.unsaved.unshift(merged);
			this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
			this.retrySoon(this.retryDelay);
		}
	}

	private compactInBackground(): void {
		if (this.compacting) return;
		this.compacting = this.compact()
			.catch((error) => this.deps.log.warn('compaction failed', { planId: this.planId, error }))
			.finally(() => (this.compacting = undefined));
	}

	private async compact(): Promise<void> {
		await this.deps.store.compact(this.planId);
	}
}

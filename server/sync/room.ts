/**
 * A Room owns the in-memory Y.Doc and Awareness of one plan on this instance, the peers
 * (websocket connections) editing it, and what they may send into it.
 *
 * Durability: every document update is appended to the store the moment it is applied and
 * published to other instances only once it is stored (room-appends.ts: retries, back-off,
 * append health). Transactions carry a tagged origin (origins.ts) so an update that came *from*
 * the store or from another instance (bus) is never stored or published again. A client's sync
 * step 1 is answered only when its earlier updates are stored, so a client shows "gespeichert"
 * only for what really is. The room is not unloaded before everything is saved. When the store
 * lost what the room had stored, store-loss.ts writes it back. The update rules themselves live
 * in doc-guard.ts and doc-values.ts, outage tracking in store-health.ts.
 */
import * as Y from 'yjs';
import {
	Awareness,
	applyAwarenessUpdate,
	encodeAwarenessUpdate,
	removeAwarenessStates
} from 'y-protocols/awareness';
import { migrate } from '../../src/lib/domain/migrations';
import { CloseCode } from '../../src/lib/contract/close-codes';
import type { DocStore } from '../storage/types';
import type { Logger } from '../log';
import { parseAccessChange, type PlanBus } from './bus';
import type { StoreHealth } from './store-health';
import { UpdateRefused, checkUpdate } from './doc-guard';
import { ORIGIN_BUS, ORIGIN_SERVER, ORIGIN_STORE } from './origins';
import { RoomAppends } from './room-appends';
import { StoreLossCheck } from './store-loss';
import { ownPresence } from './presence-owner';
import type { Peer } from './peer';
import type { StructureLocks } from './structure-lock';
import { FullState } from './full-state';
import { DEFAULT_PLAN_LIMITS, PlanSize, type PlanLimits } from './plan-size';
import type { ClientMessage } from './protocol';
import {
	MAX_AWARENESS_BYTES,
	ProtocolError,
	encodeAwareness,
	encodeAwarenessMessage,
	encodeSyncStep1,
	encodeSyncStep2,
	encodeSyncUpdate
} from './protocol';

export type { Peer } from './peer';

export interface RoomDeps {
	store: DocStore;
	bus: PlanBus;
	log: Logger;
	compactEvery: number;
	/** Another instance deleted the plan: the registry drops this room. */
	onRemoteDelete?: (room: Room) => void;
	/** Append outages of this instance (logged once, reported by /api/health). */
	health?: StoreHealth;
	/** Size limits of one plan (PLAN_MAX_BYTES, PLAN_MAX_ENTRIES); defaults below. */
	limits?: Partial<PlanLimits>;
	/** Sessions' structure locks (server/meetings/locks.ts); none: never locked. */
	structureLocks?: StructureLocks;
}

export class Room {
	readonly doc = new Y.Doc();
	readonly awareness: Awareness;
	/** Each peer with the awareness client ids it controls (removed when it leaves). */
	private readonly peers = new Map<Peer, Set<number>>();
	/** Sync step 2 replies held back until everything received so far is stored. */
	private heldReplies: Array<() => void> = [];
	private unsubscribeBus: (() => Promise<void>) | undefined;
	private loaded = false;
	private deletedRemotely = false;
	private closed = false;
	/** The whole document, encoded once per state (new clients, size checks, PDF exports). */
	readonly fullState = new FullState(this.doc);
	/** Server-side users (API calls, connections) that keep the room loaded. */
	holds = 0;
	/** Size and entries against the plan's limits (plan-size.ts). */
	private readonly size: PlanSize;
	/** Per connection: an update waiting for structs it depends on (doc-guard 'missing'). */
	private readonly held = new Map<Peer, Uint8Array>();
	/** Per connection: how many presence client ids it announced so far. */
	private readonly announced = new WeakMap<Peer, number>();
	/** Appends, retries and compactions of this plan's updates. */
	private readonly appends: RoomAppends;
	private readonly storeLoss: StoreLossCheck;

	constructor(
		readonly planId: string,
		private readonly deps: RoomDeps
	) {
		this.size = new PlanSize(
			{ ...DEFAULT_PLAN_LIMITS, ...deps.limits },
			this.doc,
			() => this.fullState.update().byteLength
		);
		this.appends = new RoomAppends({
			...deps,
			planId,
			onDeleted: () => this.deletedElsewhere(),
			onNewLog: () => void this.storeLoss.verifyStored(),
			onRetried: () => this.releaseRepliesWhenStored()
		});
		this.storeLoss = new StoreLossCheck({
			...deps,
			planId,
			doc: this.doc,
			appends: this.appends,
			gone: () => ({ closed: this.closed, deleted: this.deletedRemotely })
		});
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present
		this.doc.on('update', this.onDocUpdate);
		this.awareness.on('update', this.onAwarenessUpdate);
	}

	get hasUnsaved(): boolean {
		return this.appends.pending;
	}

	/** Subscribes to the bus, then loads the stored state. Returns false if the plan does not exist. */
	async load(): Promise<boolean> {
		this.unsubscribeBus = await this.deps.bus.subscribe(this.planId, (message) => {
			if (this.closed) return;
			try {
				if (message.kind === 'update') Y.applyUpdate(this.doc, message.payload, ORIGIN_BUS);
				else if (message.kind === 'awareness')
					applyAwarenessUpdate(this.awareness, message.payload, ORIGIN_BUS);
				else if (message.kind === 'awareness-query') this.publishOwnPresence();
				else if (message.kind === 'access') this.accessChanged(parseAccessChange(message.payload));
				else if (message.kind === 'meeting') void this.deps.structureLocks?.refresh(this.planId);
				else if (message.kind === 'deleted') {
					this.deletedRemotely = true;
					if (!this.loaded) return; // load() reports the plan as missing
					this.closeAll(4410, 'plan deleted');
					this.deps.onRemoteDelete?.(this);
				}
			} catch (error) {
				this.deps.log.warn('bus message rejected', { planId: this.planId, error });
			}
		});
		// The session lock is known before the first client update arrives (refresh never throws).
		const [state] = await Promise.all([
			this.deps.store.load(this.planId),
			this.deps.structureLocks?.refresh(this.planId)
		]);
		if (!state || this.deletedRemotely) return false;
		Y.applyUpdate(this.doc, state, ORIGIN_STORE);
		this.size.reset();
		// Bring older documents to the current schema; the migration is stored like any edit.
		const migrated = migrate(this.doc, ORIGIN_SERVER);
		if (!migrated.ok) {
			this.deps.log.warn('migration refused', { planId: this.planId, ...migrated.error });
		}
		this.loaded = true;
		// Ask the other instances for their users' presence instead of waiting for renewals.
		this.deps.bus
			.publish(this.planId, { kind: 'awareness-query', payload: new Uint8Array() })
			.catch(() => {});
		return true;
	}

	/** Publishes the presence of this instance's own peers (answer to an awareness query). */
	private publishOwnPresence(): void {
		const own = [...this.peers.values()].flatMap((ids) => [...ids]);
		const present = own.filter((id) => this.awareness.getStates().has(id));
		if (present.length === 0) return;
		const payload = encodeAwarenessUpdate(this.awareness, present);
		this.deps.bus.publish(this.planId, { kind: 'awareness', payload }).catch(() => {});
	}

	/** Re-reads the store after an outage and writes back what it lost (store-loss.ts). */
	resync(): Promise<void> {
		return this.storeLoss.resync();
	}

	addPeer(peer: Peer): void {
		this.peers.set(peer, new Set());
		peer.send(encodeSyncStep1(this.doc));
		const states = [...this.awareness.getStates().keys()];
		if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
	}

	removePeer(peer: Peer): void {
		this.held.delete(peer);
		const ids = this.peers.get(peer);
		if (!ids) return;
		this.peers.delete(peer);
		if (ids.size > 0) removeAwarenessStates(this.awareness, [...ids], null);
	}

	/** Handles one parsed client message. Throws only for updates Yjs itself refuses. */
	handle(peer: Peer, message: ClientMessage): void {
		switch (message.kind) {
			case 'sync-step1': {
				const reply = () => {
					if (this.peers.has(peer)) peer.send(this.syncStep2For(message.stateVector));
				};
				// In order: never overtake a reply that is still held back.
				if (!this.hasUnsaved && this.heldReplies.length === 0) reply();
				else this.heldReplies.push(reply);
				this.releaseRepliesWhenStored();
				return;
			}
			case 'sync-update':
				if (!peer.canWrite) {
					this.deps.log.debug('update from read-only peer dropped', { planId: this.planId });
					return;
				}
				this.applyChecked(peer, message.update, message.decoded);
				return;
			case 'awareness': {
				if (message.update.byteLength > MAX_AWARENESS_BYTES) {
					throw new ProtocolError('Anwesenheitsdaten zu groß');
				}
				const owned = this.peers.get(peer);
				if (!owned) return;
				const { filtered, announced } = ownPresence(
					this.peers,
					this.awareness,
					peer,
					message.update,
					this.announced.get(peer) ?? 0
				);
				this.announced.set(peer, announced);
				if (!filtered) return;
				for (const client of filtered.clients) {
					if (client.removed) owned.delete(client.id);
					else owned.add(client.id);
				}
				applyAwarenessUpdate(this.awareness, filtered.update, peer);
				return;
			}
			case 'query-awareness':
				peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
				return;
			case 'auth':
				return;
		}
	}

	/**
	 * Someone's access changed: their connections close with 4005 and reconnect with the new role
	 * (or are refused). Without principal and invite, every connection of the plan is affected.
	 */
	accessChanged(change: { principalId?: string; inviteId?: string } | null): void {
		if (!change) return;
		for (const peer of [...this.peers.keys()]) {
			const all = !change.principalId && !change.inviteId;
			if (
				all ||
				(change.principalId && peer.principalId === change.principalId) ||
				(change.inviteId && peer.inviteId === change.inviteId)
			) {
				peer.close(CloseCode.AccessChanged, 'access changed');
			}
		}
	}

	/** Runs a server-side change (e.g. rename via API) as a stored, published transaction. */
	transact(fn: (doc: Y.Doc) => void): void {
		this.doc.transact(() => fn(this.doc), ORIGIN_SERVER);
	}

	/** Resolves when every accepted update so far is in the store (or rejects if it is not). */
	flush(): Promise<void> {
		return this.appends.flush();
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
			if (options.compact) await this.deps.store.compact(this.planId);
		} catch (error) {
			this.deps.log.error('room closed with updates the store did not take', {
				planId: this.planId,
				unsaved: this.appends.unsavedCount,
				error
			});
		}
		await this.free(1001, 'server shutting down');
	}

	/** Frees the room without saving (the plan was deleted). */
	async destroy(code: number, reason: string): Promise<void> {
		this.appends.drop();
		await this.free(code, reason);
	}

	private async free(code: number, reason: string): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.appends.close();
		this.heldReplies = [];
		this.closeAll(code, reason);
		await this.unsubscribeBus?.().catch(() => {});
		this.awareness.destroy();
		this.doc.destroy();
	}

	/**
	 * Applies a client's update only if its scope, the plan layout and the plan limits allow it
	 * (doc-guard.ts); otherwise throws UpdateRefused and nothing is applied, stored or relayed.
	 * Only deletions pass once a plan is over its limits, so its owner can still repair it.
	 */
	private applyChecked(
		peer: Peer,
		incoming: Uint8Array,
		decoded?: ReturnType<typeof Y.decodeUpdate>
	): void {
		const before = this.held.get(peer);
		const update = before ? Y.mergeUpdates([before, incoming]) : incoming;
		// Owners always may change the structure; others not while a session locked it.
		const structureLocked =
			this.deps.structureLocks?.lockedFor(
				this.planId,
				peer.principalId,
				peer.canEditSettings === true
			) ?? false;
		const verdict = checkUpdate(this.doc, update, peer.canEditSettings ? 'all' : 'items', {
			decoded: before ? undefined : decoded,
			structureLocked,
			translateOnly: peer.translateOnly
		});
		if (!verdict.ok && verdict.kind === 'missing') {
			if (update.byteLength > this.size.limits.maxHeldBytes) {
				throw new UpdateRefused(CloseCode.PlanTooLarge, 'Zu viele unvollständige Änderungen');
			}
			this.held.set(peer, update);
			return;
		}
		this.held.delete(peer);
		if (!verdict.ok) {
			const code = verdict.kind === 'too_large' ? CloseCode.PlanTooLarge : CloseCode.Refused;
			throw new UpdateRefused(code, verdict.reason);
		}
		this.size.admit(update, verdict);
		Y.applyUpdate(this.doc, update, peer);
		this.size.applied(verdict);
	}

	/** New clients (empty state vector) share one encoding of the whole document. */
	private syncStep2For(stateVector: Uint8Array): Uint8Array {
		const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
		return isEmpty ? this.fullState.message() : encodeSyncStep2(this.doc, stateVector);
	}

	/** Sends held sync step 2 replies once nothing is in flight or unsaved any more. */
	private releaseRepliesWhenStored(): void {
		if (this.heldReplies.length === 0) return;
		if (!this.hasUnsaved) {
			for (const reply of this.heldReplies.splice(0)) reply();
			return;
		}
		if (this.appends.unsavedCount > 0) return; // released by a successful retry
		void this.appends.settled().then(() => this.releaseRepliesWhenStored());
	}

	private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		this.fullState.invalidate();
		this.size.grew(update.byteLength);
		if (this.closed) return;
		const message = encodeSyncUpdate(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		if (origin === ORIGIN_STORE || origin === ORIGIN_BUS) return;
		this.appends.persist(update);
	};

	private readonly onAwarenessUpdate = (
		changes: { added: number[]; updated: number[]; removed: number[] },
		origin: unknown
	): void => {
		if (this.closed) return;
		const changed = [...changes.added, ...changes.updated, ...changes.removed];
		const update = encodeAwarenessUpdate(this.awareness, changed);
		const message = encodeAwarenessMessage(update);
		// Also to the sender, like the y-websocket reference server: the y-websocket client
		// reconnects after 30 s without any message, and a lone user only hears its own renewals.
		for (const peer of this.peers.keys()) peer.send(message);
		if (origin === ORIGIN_BUS) return;
		this.deps.bus
			.publish(this.planId, { kind: 'awareness', payload: update })
			.catch((error) =>
				this.deps.log.debug('presence publish failed', { planId: this.planId, error })
			);
	};

	/** The store says the plan was deleted (by another instance): end this room like a delete. */
	private deletedElsewhere(): void {
		if (this.closed) return;
		this.deps.log.info('plan was deleted elsewhere; closing its connections', {
			planId: this.planId
		});
		this.closeAll(4410, 'plan deleted');
		this.deps.onRemoteDelete?.(this);
	}
}

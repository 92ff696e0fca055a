/**
 * Over 400 lines because durability, retry, sync-step gating and unloading all act on the same room state and must stay in one place to keep their ordering guarantees readable.
 *
 * A Room owns the in-memory Y.Doc and Awareness of one plan on this instance, the peers
 * (websocket connections) editing it, and its persistence.
 *
 * Durability: every document update is appended to the store the moment it is applied (no
 * debounce) and published to other instances only once it is stored, so whatever travels over
 * the bus is durable. Transactions carry a tagged origin so an update that came *from* the store
 * or from another instance (bus) is never stored or published again. If the store is unavailable
 * the update stays in `unsaved`, is retried in order with back-off, and the room is not unloaded
 * before it is saved. A client's sync step 1 is answered only when its earlier updates are
 * stored, so a client shows "gespeichert" only for what really is.
 *
 * (Over 400 lines: persistence, presence and the checks of incoming updates all share the room's
 * state; the update rules themselves live in doc-guard.ts, outage tracking in store-health.ts.)
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
import { StorageError, type DocStore } from '../storage/types';
import type { Logger } from '../log';
import type { PlanBus } from './bus';
import type { StoreHealth } from './store-health';
import { UpdateRefused, checkUpdate } from './doc-guard';
import type { ClientMessage } from './protocol';
import {
	MAX_AWARENESS_BYTES,
	MAX_AWARENESS_CLIENTS_PER_CONNECTION,
	ProtocolError,
	filterAwareness,
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
	/** Owners: may also change the plan settings (`meta`); others only items (doc-guard.ts). */
	readonly canEditSettings?: boolean;
	/** The user or guest behind the connection (access changes close their connections). */
	readonly principalId?: string;
	/** For guests: the invite they joined through (revoking it closes their connections). */
	readonly inviteId?: string;
	/** The signed-in person's name: presence always shows this name. */
	readonly displayName?: string;
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
	/** Append outages of this instance (logged once, reported by /api/health). */
	health?: StoreHealth;
	/** Size limits of one plan (PLAN_MAX_BYTES, PLAN_MAX_ENTRIES); defaults below. */
	limits?: Partial<PlanLimits>;
}

export interface PlanLimits {
	/** Encoded size of the whole document; above it only deletions are accepted. */
	maxDocBytes: number;
	/** Map entries (items and Leitlinien links); above it only deletions are accepted. */
	maxEntries: number;
	/** Updates held back for missing dependencies, per connection. */
	maxHeldBytes: number;
}

export const DEFAULT_PLAN_LIMITS: PlanLimits = {
	maxDocBytes: 32 * 1024 * 1024,
	maxEntries: 50_000,
	maxHeldBytes: 8 * 1024 * 1024
};

/** Map entries of a plan: items plus each goal's Leitlinien links. */
export function countEntries(doc: Y.Doc): number {
	let count = 0;
	for (const item of doc.getMap<unknown>('items').values()) {
		count++;
		const links = item instanceof Y.Map ? item.get('principleIds') : undefined;
		if (links instanceof Y.Map) count += links.size;
	}
	return count;
}

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

/** Decodes the payload of an `access` bus message (JSON AccessChange); null if malformed. */
export function parseAccessChange(
	payload: Uint8Array
): { principalId?: string; inviteId?: string } | null {
	try {
		const value: unknown = JSON.parse(new TextDecoder().decode(payload));
		if (typeof value !== 'object' || value === null) return null;
		const { principalId, inviteId } = value as Record<string, unknown>;
		return {
			principalId: typeof principalId === 'string' ? principalId : undefined,
			inviteId: typeof inviteId === 'string' ? inviteId : undefined
		};
	} catch {
		return null;
	}
}

/** Store errors that no retry can fix (the update itself is refused). */
function isPermanent(error: unknown): boolean {
	return (
		error instanceof StorageError && ['too_large', 'invalid_update', 'deleted'].includes(error.code)
	);
}

/** The store refuses updates because the plan was deleted (tombstone). */
function isDeleted(error: unknown): boolean {
	return error instanceof StorageError && error.code === 'deleted';
}

export class Room {
	readonly doc = new Y.Doc();
	readonly awareness: Awareness;
	/** Each peer with the awareness client ids it controls (removed when it leaves). */
	private readonly peers = new Map<Peer, Set<number>>();
	private readonly inflight = new Set<Promise<void>>();
	/** Updates the store refused for now, in arrival order; retried with back-off. */
	private unsaved: Uint8Array[] = [];
	private retrying: Promise<void> | undefined;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private retryDelay = RETRY_MIN_MS;
	/** Sync step 2 replies held back until everything received so far is stored. */
	private heldReplies: Array<() => void> = [];
	private compacting: Promise<void> | undefined;
	private unsubscribeBus: (() => Promise<void>) | undefined;
	private loaded = false;
	private deletedRemotely = false;
	private closed = false;
	/** Encoded sync step 2 for a client that has nothing yet; cleared by every update. */
	private fullStateMessage: Uint8Array | null = null;
	/** Server-side users (API calls, connections) that keep the room loaded. */
	holds = 0;
	private readonly limits: PlanLimits;
	/** Upper estimate of the encoded document size (exact after each re-measure). */
	private approxBytes = 0;
	/** Bytes that may be added before the size is measured again. */
	private bytesUntilMeasure = 0;
	/** Upper estimate of the map entries (exact after each recount). */
	private approxEntries = 0;
	/** Per connection: an update waiting for structs it depends on (doc-guard 'missing'). */
	private readonly held = new Map<Peer, Uint8Array>();
	private verifying = false;
	/** Per connection: how many presence client ids it announced so far. */
	private readonly announced = new WeakMap<Peer, number>();

	constructor(
		readonly planId: string,
		private readonly deps: RoomDeps
	) {
		this.limits = { ...DEFAULT_PLAN_LIMITS, ...deps.limits };
		this.awareness = new Awareness(this.doc);
		this.awareness.setLocalState(null); // the server itself is not present
		this.doc.on('update', this.onDocUpdate);
		this.awareness.on('update', this.onAwarenessUpdate);
	}

	get hasUnsaved(): boolean {
		return this.unsaved.length > 0 || this.inflight.size > 0 || this.retrying !== undefined;
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
				else if (message.kind === 'deleted') {
					this.deletedRemotely = true;
					if (!this.loaded) return; // load() reports the plan as missing
					this.closeAll(4410, 'Plan gelöscht');
					this.deps.onRemoteDelete?.(this);
				}
			} catch (error) {
				this.deps.log.warn('bus message rejected', { planId: this.planId, error });
			}
		});
		const state = await this.deps.store.load(this.planId);
		if (!state || this.deletedRemotely) return false;
		Y.applyUpdate(this.doc, state, ORIGIN_STORE);
		this.measure();
		this.approxEntries = countEntries(this.doc);
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

	/**
	 * Re-reads the store after an outage (catches updates other instances stored meanwhile) and
	 * writes back what memory has and the store lacks (e.g. a Redis restarted without its data).
	 */
	async resync(attempt = 0): Promise<void> {
		let state: Uint8Array | null;
		try {
			state = await this.deps.store.load(this.planId);
		} catch (error) {
			// The bus may be back before the store's own connection: try again a few times.
			if (attempt >= 5 || this.closed) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
			return this.resync(attempt + 1);
		}
		if (this.closed) return;
		if (state) Y.applyUpdate(this.doc, state, ORIGIN_STORE);
		this.restoreLost(state, Y.encodeStateVector(this.doc));
		this.retrySoon(0);
	}

	/**
	 * After an append started a new log (a compaction, a new plan – or a store that lost the plan,
	 * e.g. Redis FLUSHALL without a restart), checks that the store still has everything that
	 * was stored before, and writes back what it lost.
	 */
	private async verifyStored(): Promise<void> {
		// Only a shared Redis can be emptied behind this process's back; the file store's load
		// would also queue this plan's next appends behind it.
		if (this.verifying || this.closed || this.deps.store.kind !== 'redis') return;
		this.verifying = true;
		try {
			while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
			if (this.unsaved.length > 0 || this.closed) return; // the retry re-reads the store
			const expected = Y.encodeStateVector(this.doc);
			const state = await this.deps.store.load(this.planId);
			if (!this.closed) this.restoreLost(state, expected);
		} catch (error) {
			this.deps.log.warn('store check failed', { planId: this.planId, error });
		} finally {
			this.verifying = false;
		}
	}

	/**
	 * Writes back what this room holds (and had stored, `expected`) but the store lacks (null: the
	 * whole plan), and says so loudly: the store lost data (e.g. Redis restarted without its AOF).
	 */
	private restoreLost(state: Uint8Array | null, expected: Uint8Array): void {
		if (this.deletedRemotely || this.closed) return;
		const storedVector = state ? Y.encodeStateVectorFromUpdate(state) : undefined;
		const stored = storedVector ? Y.decodeStateVector(storedVector) : new Map<number, number>();
		const lost = [...Y.decodeStateVector(expected)].some(
			([client, clock]) => (stored.get(client) ?? 0) < clock
		);
		if (!lost) return;
		this.deps.log.error(
			'STORE LOST A PLAN (e.g. Redis restarted empty or FLUSHALL): writing its state back from memory',
			{ planId: this.planId, storeHad: state ? 'a part' : 'nothing' }
		);
		this.persist(Y.encodeStateAsUpdate(this.doc, storedVector));
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
				// A connection speaks only for its own presence entries. y-websocket clients also
				// echo the entries of others; those are left out. The same person's newer connection
				// (e.g. after a network drop) takes an entry over when it really renews it.
				const ownerOf = (id: number) => {
					for (const [other, ids] of this.peers) if (ids.has(id)) return other;
					return undefined;
				};
				let announced = this.announced.get(peer) ?? 0;
				const filtered = filterAwareness(
					message.update,
					({ id, clock }) => {
						const owner = ownerOf(id);
						if (owner === peer) return true;
						const current = this.awareness.meta.get(id)?.clock;
						const newer = current === undefined || clock > current;
						// Unowned here: a new client, or an echo of another instance's user (not newer).
						if (owner === undefined && !newer) return false;
						if (owner !== undefined) {
							if (!newer || owner.principalId === undefined) return false;
							if (owner.principalId !== peer.principalId) return false;
						}
						// A new presence entry of this connection: only a few per connection.
						if (++announced > MAX_AWARENESS_CLIENTS_PER_CONNECTION) {
							throw new ProtocolError('zu viele Anwesenheits-Einträge');
						}
						if (owner !== undefined) this.peers.get(owner)?.delete(id);
						return true;
					},
					peer.displayName
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
				peer.close(CloseCode.AccessChanged, 'Zugriff geändert');
			}
		}
	}

	/** Runs a server-side change (e.g. rename via API) as a stored, published transaction. */
	transact(fn: (doc: Y.Doc) => void): void {
		this.doc.transact(() => fn(this.doc), ORIGIN_SERVER);
	}

	/** Resolves when every accepted update so far is in the store (or rejects if it is not). */
	async flush(): Promise<void> {
		while (this.inflight.size > 0 || this.retrying) {
			await Promise.allSettled([...this.inflight, this.retrying]);
		}
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
			if (options.compact) await this.deps.store.compact(this.planId);
		} catch (error) {
			this.deps.log.error('room closed with updates the store did not take', {
				planId: this.planId,
				unsaved: this.unsaved.length,
				error
			});
		}
		await this.free(1001, 'Server beendet');
	}

	/** Frees the room without saving (the plan was deleted). */
	async destroy(code: number, reason: string): Promise<void> {
		this.unsaved = [];
		await this.free(code, reason);
	}

	private async free(code: number, reason: string): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		clearTimeout(this.retryTimer);
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
		const verdict = checkUpdate(this.doc, update, peer.canEditSettings ? 'all' : 'items', {
			decoded: before ? undefined : decoded
		});
		if (!verdict.ok && verdict.kind === 'missing') {
			if (update.byteLength > this.limits.maxHeldBytes) {
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
		if (!verdict.deletionOnly) {
			if (this.approxBytes + update.byteLength > this.limits.maxDocBytes) {
				if (update.byteLength > this.bytesUntilMeasure) this.measure();
				if (this.approxBytes + update.byteLength > this.limits.maxDocBytes) {
					const mb = Math.round(this.limits.maxDocBytes / 1024 / 1024);
					throw new UpdateRefused(
						CloseCode.PlanTooLarge,
						`Plan zu groß (höchstens ${mb} MB): nur Löschen ist möglich`
					);
				}
			}
			if (
				verdict.newEntries > 0 &&
				this.approxEntries + verdict.newEntries > this.limits.maxEntries
			) {
				this.approxEntries = countEntries(this.doc);
				if (this.approxEntries + verdict.newEntries > this.limits.maxEntries) {
					throw new UpdateRefused(
						CloseCode.PlanTooLarge,
						`Plan zu groß (höchstens ${this.limits.maxEntries.toLocaleString('de-DE')} Einträge): nur Löschen ist möglich`
					);
				}
			}
		}
		this.approxEntries += verdict.newEntries;
		Y.applyUpdate(this.doc, update, peer);
		if (verdict.deletionOnly && this.approxBytes > this.limits.maxDocBytes) this.measure();
	}

	/**
	 * Measures the encoded document exactly. Costly for big plans, so the next measurement comes
	 * only after 1/64 of the limit was added (a plan can exceed its limit by that much).
	 */
	private measure(): void {
		this.approxBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
		this.bytesUntilMeasure = this.limits.maxDocBytes / 64;
	}

	/** New clients (empty state vector) share one encoding of the whole document. */
	private syncStep2For(stateVector: Uint8Array): Uint8Array {
		const isEmpty = stateVector.length === 1 && stateVector[0] === 0;
		if (!isEmpty) return encodeSyncStep2(this.doc, stateVector);
		this.fullStateMessage ??= encodeSyncStep2(this.doc);
		return this.fullStateMessage;
	}

	/** Sends held sync step 2 replies once nothing is in flight or unsaved any more. */
	private releaseRepliesWhenStored(): void {
		if (this.heldReplies.length === 0) return;
		if (!this.hasUnsaved) {
			for (const reply of this.heldReplies.splice(0)) reply();
			return;
		}
		if (this.unsaved.length > 0) return; // released by a successful retry
		void Promise.allSettled([...this.inflight, this.retrying]).then(() =>
			this.releaseRepliesWhenStored()
		);
	}

	private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
		this.fullStateMessage = null;
		this.approxBytes += update.byteLength;
		this.bytesUntilMeasure -= update.byteLength;
		if (this.closed) return;
		const message = encodeSyncUpdate(update);
		for (const peer of this.peers.keys()) if (peer !== origin) peer.send(message);
		if (origin === ORIGIN_STORE || origin === ORIGIN_BUS) return;
		this.persist(update);
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
		this.closeAll(4410, 'Plan gelöscht');
		this.deps.onRemoteDelete?.(this);
	}

	private publish(update: Uint8Array): void {
		this.deps.bus
			.publish(this.planId, { kind: 'update', payload: update })
			.catch((error) => this.deps.log.warn('publish failed', { planId: this.planId, error }));
	}

	private persist(update: Uint8Array): void {
		const write = this.deps.store.append(this.planId, update).then(
			({ logLength }) => {
				this.deps.health?.appendSucceeded();
				this.publish(update);
				if (logLength >= this.deps.compactEvery) this.compactInBackground();
				if (logLength === 1) void this.verifyStored();
			},
			(error) => {
				if (isDeleted(error)) return this.deletedElsewhere();
				if (isPermanent(error)) {
					this.deps.log.error('store refused an update permanently', {
						planId: this.planId,
						error
					});
					return;
				}
				this.unsaved.push(update);
				if (this.deps.health) this.deps.health.appendFailed(error, this.planId);
				else {
					this.deps.log.error('append failed; update kept in memory and retried', {
						planId: this.planId,
						error
					});
				}
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

	private retryNow(): Promise<void> {
		this.retrying ??= this.storeUnsaved().finally(() => {
			this.retrying = undefined;
			this.releaseRepliesWhenStored();
		});
		return this.retrying;
	}

	/** Appends unsaved updates one by one, in order, so no merged batch can outgrow the store's limit. */
	private async storeUnsaved(): Promise<void> {
		let stored = 0;
		let newLog = false;
		while (this.unsaved.length > 0) {
			const update = this.unsaved[0];
			try {
				const { logLength } = await this.deps.store.append(this.planId, update);
				this.deps.health?.appendSucceeded();
				if (logLength === 1) newLog = true;
			} catch (error) {
				if (isDeleted(error)) {
					this.unsaved = [];
					return this.deletedElsewhere();
				}
				if (isPermanent(error)) {
					this.unsaved.shift();
					this.deps.log.error('store refused an update permanently', {
						planId: this.planId,
						error
					});
					continue;
				}
				this.deps.health?.appendFailed(error, this.planId);
				this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
				this.retrySoon(this.retryDelay);
				return;
			}
			this.unsaved.shift();
			this.publish(update);
			stored++;
		}
		this.retryDelay = RETRY_MIN_MS;
		if (newLog) void this.verifyStored();
		if (stored > 0) {
			this.deps.log.info('unsaved updates stored after retry', {
				planId: this.planId,
				updates: stored
			});
		}
	}

	private compactInBackground(): void {
		if (this.compacting) return;
		this.compacting = this.deps.store
			.compact(this.planId)
			.catch((error) => this.deps.log.warn('compaction failed', { planId: this.planId, error }))
			.finally(() => (this.compacting = undefined));
	}
}

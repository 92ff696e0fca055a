/**
 * The browser side of one open plan: a Y.Doc, kept in IndexedDB (offline edits survive a reload)
 * and synced over y-websocket with `/sync/<planId>`. Exposes reactive state for the board:
 * the plan as plain JSON, the connection status, unconfirmed local changes, presence and undo.
 * (Over 400 lines: one class around one provider; the confirmation and presence logic share its state.)
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { PlanJson } from '$lib/domain';
import { CloseCode, FATAL_CLOSE_CODES } from '../contract/close-codes';
import { closeMessage } from './close-messages';
import { PlanReader } from './plan-reader';
import { OfflineOverlap, type FieldRef } from './offline-overlap';
import { isStructuralStep } from './structure-steps';

/** Origin of every edit made in this browser tab; the UndoManager tracks only these. */
export const LOCAL_ORIGIN = 'mitplan:local';

export type ConnectionStatus = 'online' | 'offline' | 'syncing';

export interface PresenceUser {
	name: string;
	color: string;
}

export interface Peer {
	clientId: number;
	user: PresenceUser;
	/** Id of the item whose detail panel is open, or null. */
	editing: string | null;
	/** The field (e.g. 'title') that has the focus in that panel, or null. */
	field: string | null;
	isSelf: boolean;
}

interface AwarenessState {
	user?: Partial<PresenceUser>;
	editing?: unknown;
	field?: unknown;
}

const MESSAGE_SYNC = 0;
const NO_PEERS: Peer[] = [];

export function syncUrl(loc: Location = location): string {
	return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/sync`;
}

export class PlanClient {
	readonly planId: string;
	readonly doc: Y.Doc;
	readonly undoManager: Y.UndoManager;

	/** The whole plan, re-read after document changes (at most once per animation frame). */
	plan = $state.raw<PlanJson>() as PlanJson;
	/** 'online': connected and everything confirmed; 'syncing': connecting or sending. */
	status = $state<ConnectionStatus>('syncing');
	/** Local changes the server has not confirmed yet. */
	pending = $state(false);
	/** True once content came from IndexedDB or the server. */
	loaded = $state(false);
	/** True once the server sync completed at least once. */
	serverSynced = $state(false);
	/** German message after a close code that ends the connection for good. */
	fatal = $state<string | null>(null);
	fatalCode = $state<number | null>(null);
	/** German message about a temporary connection problem, or null. */
	notice = $state<string | null>(null);
	peers = $state.raw<Peer[]>([]);
	/** Counts 4005 closes (role changed): the UI fetches the role again; the provider reconnects. */
	accessChanges = $state(0);
	canUndo = $state(false);
	canRedo = $state(false);
	/** The next undo / redo step adds, deletes or moves items (refused while a session locks the structure). */
	undoStructural = $state(false);
	redoStructural = $state(false);
	/** Fields changed here while offline that others changed too meanwhile (until dismissed). */
	offlineOverlap = $state.raw<FieldRef[]>([]);

	#reader: PlanReader;
	#overlap: OfflineOverlap;
	#provider: WebsocketProvider | null = null;
	#idb: IndexeddbPersistence | null = null;
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced as a whole, never mutated after publishing
	#editorsById = $state.raw(new Map<string, Peer[]>());
	#frame = 0;
	/** Whether #frame is an animation-frame id or a timer id (separate counters!). */
	#frameIsTimer = false;
	#recomputeQueued = false;
	#destroyed = false;
	#wsState: 'connecting' | 'connected' | 'disconnected' = 'connecting';
	#browserOnline = true;
	// Confirmation of local changes: each local update bumps #localVersion. A sync step 1 sent
	// after it is answered with a step 2 only after the server handled everything sent before
	// (one ordered websocket), so that answer confirms the version noted when sending.
	#localVersion = 0;
	#confirmedVersion = 0;
	#awaiting: number[] = [];
	#confirmTimer: ReturnType<typeof setTimeout> | undefined;
	#cleanup: Array<() => void> = [];

	constructor(
		planId: string,
		options: { user: PresenceUser; wsUrl?: string; connect?: boolean; persist?: boolean }
	) {
		this.planId = planId;
		this.doc = new Y.Doc();
		this.#reader = new PlanReader(this.doc, planId);
		this.plan = this.#reader.read();
		this.#overlap = new OfflineOverlap(this.doc, LOCAL_ORIGIN, (o) => o === this.#provider);
		this.undoManager = new Y.UndoManager(this.doc.getMap('items'), {
			// eslint-disable-next-line svelte/prefer-svelte-reactivity -- Yjs option, not UI state
			trackedOrigins: new Set([LOCAL_ORIGIN]),
			captureTimeout: 600
		});
		const stackChanged = () => {
			const { undoStack, redoStack } = this.undoManager;
			this.canUndo = undoStack.length > 0;
			this.canRedo = redoStack.length > 0;
			this.undoStructural = isStructuralStep(this.doc, undoStack.at(-1));
			this.redoStructural = isStructuralStep(this.doc, redoStack.at(-1));
		};
		this.undoManager.on('stack-item-added', stackChanged);
		this.undoManager.on('stack-item-updated', stackChanged);
		this.undoManager.on('stack-item-popped', stackChanged);
		this.undoManager.on('stack-cleared', stackChanged);

		this.doc.on('update', this.#onUpdate);

		if (options.persist !== false && typeof indexedDB !== 'undefined') {
			this.#idb = new IndexeddbPersistence(`mitplan-plan-${planId}`, this.doc);
			this.#idb.whenSynced.then(() => {
				if (this.#destroyed) return;
				this.loaded = true;
				// The local copy may hold edits from an earlier offline session that the server has
				// never seen: count them as unconfirmed until a confirmation round has passed.
				if (this.doc.getMap('items').size > 0 || this.doc.getMap('meta').size > 0) {
					this.#localVersion++;
					this.#scheduleConfirm(250);
					this.#recompute();
				}
			});
		}

		if (options.connect !== false) this.#connect(options.wsUrl ?? syncUrl(), options.user);

		if (typeof window !== 'undefined') {
			this.#browserOnline = navigator.onLine;
			const online = () => {
				this.#browserOnline = true;
				if (!this.fatal) this.#provider?.connect();
				this.#recompute();
			};
			const offline = () => {
				this.#browserOnline = false;
				this.#recompute();
			};
			window.addEventListener('online', online);
			window.addEventListener('offline', offline);
			this.#cleanup.push(() => {
				window.removeEventListener('online', online);
				window.removeEventListener('offline', offline);
			});
		}
		this.#recompute();
	}

	get provider(): WebsocketProvider | null {
		return this.#provider;
	}

	#connect(wsUrl: string, user: PresenceUser) {
		const provider = new WebsocketProvider(wsUrl, this.planId, this.doc, {
			shouldReconnect: (event) => !FATAL_CLOSE_CODES.has(event.code),
			maxBackoffTime: 5000
		});
		this.#provider = provider;
		this.#hookSyncMessages(provider);
		provider.awareness.setLocalState({ user, editing: null, field: null });

		provider.on('status', ({ status }) => {
			this.#wsState = status;
			if (status === 'connected') {
				this.notice = null;
				// the provider sends its own sync step 1 right after this event
				this.#awaiting = [-1];
			} else {
				this.#awaiting = [];
			}
			this.#recompute();
		});
		provider.on('sync', (synced: boolean) => {
			if (synced) {
				this.serverSynced = true;
				this.loaded = true;
				// our offline changes went out with the answer to the server's step 1: confirm them
				this.#scheduleConfirm(50);
			}
			this.#recompute();
		});
		provider.on('connection-close', (event) => {
			if (event && event.code !== 1000 && event.code !== 1005 && event.code !== 1006) {
				if (!FATAL_CLOSE_CODES.has(event.code)) this.notice = closeMessage(event.code);
			}
			if (event?.code === CloseCode.AccessChanged) this.accessChanges++;
			this.#recompute();
		});
		provider.on('closed', (event) => {
			this.#setFatal(event.code);
		});
		const onAwareness = () => this.#readPeers();
		provider.awareness.on('change', onAwareness);
		this.#readPeers();
	}

	/** Replace the sync message handler to notice step-2 answers (see #localVersion). */
	#hookSyncMessages(provider: WebsocketProvider) {
		provider.messageHandlers[MESSAGE_SYNC] = (
			encoder: encoding.Encoder,
			decoder: decoding.Decoder,
			p: WebsocketProvider,
			emitSynced: boolean
		) => {
			encoding.writeVarUint(encoder, MESSAGE_SYNC);
			const type = syncProtocol.readSyncMessage(decoder, encoder, p.doc, p);
			if (type === syncProtocol.messageYjsSyncStep2) {
				// back online: what others did meanwhile has just been applied
				if (this.#overlap.isOpen && this.#browserOnline && this.#wsState === 'connected') {
					const both = this.#overlap.close();
					if (both.length) this.offlineOverlap = [...this.offlineOverlap, ...both];
				}
				if (emitSynced) {
					const version = this.#awaiting.shift();
					if (version !== undefined && version > this.#confirmedVersion) {
						this.#confirmedVersion = version;
					}
				}
				if (emitSynced && !p.synced) p.synced = true;
				this.#recompute();
			}
		};
	}

	#setFatal(code: number) {
		if (this.fatal) return;
		this.fatal = closeMessage(code);
		this.fatalCode = code;
		this.notice = null;
		const provider = this.#provider;
		if (provider) {
			provider.shouldConnect = false;
			provider.disconnect();
		}
		// The plan is gone: drop the local copy so it can never be uploaded into another plan.
		// A refused change (4422/4413) is in the local copy too: a reload starts from the server.
		if (
			code === CloseCode.PlanDeleted ||
			code === CloseCode.PlanNotFound ||
			code === CloseCode.Refused ||
			code === CloseCode.PlanTooLarge
		) {
			void this.#idb?.clearData();
		}
		this.#recompute();
	}

	/** Re-read the plan now (e.g. before moving focus to a card that was just created). */
	flush() {
		if (this.#frame) {
			if (this.#frameIsTimer) clearTimeout(this.#frame);
			else cancelAnimationFrame(this.#frame);
			this.#frame = 0;
		}
		this.plan = this.#reader.read();
	}

	#onUpdate = (_update: Uint8Array, origin: unknown) => {
		const fromOutside = origin === this.#provider || origin === this.#idb;
		if (!fromOutside) {
			this.#localVersion++;
			this.#scheduleConfirm(250);
		}
		if (!this.#frame) {
			const run = () => {
				this.#frame = 0;
				if (this.#destroyed) return;
				this.plan = this.#reader.read();
			};
			this.#frameIsTimer = typeof requestAnimationFrame !== 'function';
			this.#frame = this.#frameIsTimer
				? (setTimeout(run, 16) as unknown as number)
				: requestAnimationFrame(run);
		}
		// not synchronously: an update can happen while Svelte renders (e.g. getText() repairing a
		// missing Y.Text), and state must not change during rendering
		if (!this.#recomputeQueued) {
			this.#recomputeQueued = true;
			queueMicrotask(() => {
				this.#recomputeQueued = false;
				if (!this.#destroyed) this.#recompute();
			});
		}
	};

	#scheduleConfirm(delay: number) {
		clearTimeout(this.#confirmTimer);
		this.#confirmTimer = setTimeout(() => this.#sendConfirm(), delay);
	}

	#sendConfirm() {
		const p = this.#provider;
		if (!p || !p.wsconnected || !p.ws || p.ws.readyState !== WebSocket.OPEN) return;
		if (this.#localVersion <= this.#confirmedVersion && this.serverSynced) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, MESSAGE_SYNC);
		syncProtocol.writeSyncStep1(encoder, this.doc);
		this.#awaiting.push(this.#localVersion);
		p.ws.send(encoding.toUint8Array(encoder));
	}

	#recompute() {
		this.pending = this.#localVersion > this.#confirmedVersion;
		const p = this.#provider;
		let status: ConnectionStatus;
		if (this.fatal || !this.#browserOnline || !p) status = 'offline';
		else if (this.#wsState === 'connected' && p.synced)
			status = this.pending ? 'syncing' : 'online';
		else if (this.#wsState === 'connecting' && p.wsUnsuccessfulReconnects === 0) status = 'syncing';
		else status = 'offline';
		this.status = status;
		if (status === 'offline' && !this.fatal) this.#overlap.open();
	}

	/** The person has seen the notice about `itemId`'s fields changed by others too. */
	dismissOverlap(itemId: string) {
		this.offlineOverlap = this.offlineOverlap.filter((f) => f.itemId !== itemId);
	}

	#readPeers() {
		const p = this.#provider;
		if (!p) return;
		const self = this.doc.clientID;
		const peers: Peer[] = [];
		p.awareness.getStates().forEach((raw, clientId) => {
			const state = raw as AwarenessState;
			const name = typeof state.user?.name === 'string' ? state.user.name.slice(0, 60) : '';
			if (!name) return;
			const color =
				typeof state.user?.color === 'string' && /^#[0-9a-f]{6}$/i.test(state.user.color)
					? state.user.color
					: '#4a5463';
			const editing = typeof state.editing === 'string' ? state.editing : null;
			const field =
				editing && typeof state.field === 'string' && /^[a-zA-Z]{1,40}$/.test(state.field)
					? state.field
					: null;
			peers.push({ clientId, user: { name, color }, editing, field, isSelf: clientId === self });
		});
		peers.sort((a, b) =>
			a.isSelf !== b.isSelf ? (a.isSelf ? -1 : 1) : a.user.name.localeCompare(b.user.name, 'de')
		);
		this.peers = peers;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced as a whole, never mutated after publishing
		const byId = new Map<string, Peer[]>();
		for (const peer of peers) {
			if (peer.isSelf || !peer.editing) continue;
			byId.set(peer.editing, [...(byId.get(peer.editing) ?? []), peer]);
		}
		this.#editorsById = byId;
	}

	/** Other people who have the detail panel of `itemId` open. */
	editorsOf(itemId: string): Peer[] {
		return this.#editorsById.get(itemId) ?? NO_PEERS;
	}

	setUser(user: PresenceUser) {
		this.#provider?.awareness.setLocalStateField('user', user);
	}

	setEditing(itemId: string | null) {
		const awareness = this.#provider?.awareness;
		if (!awareness) return;
		const state = (awareness.getLocalState() ?? {}) as AwarenessState;
		if (state.editing === itemId && (itemId || state.field === null)) return;
		awareness.setLocalState({ ...state, editing: itemId, field: null });
	}

	/** The field that has the focus in the open detail panel (others see "tippt hier"). */
	setEditingField(field: string | null) {
		const awareness = this.#provider?.awareness;
		if (!awareness) return;
		const state = (awareness.getLocalState() ?? {}) as AwarenessState;
		if (state.field === field) return;
		awareness.setLocalStateField('field', field);
	}

	/** Run `fn` as one undoable step (closes the running capture group first and after). */
	step<T>(fn: () => T): T {
		this.undoManager.stopCapturing();
		const result = fn();
		this.undoManager.stopCapturing();
		return result;
	}

	undo(): boolean {
		return this.undoManager.undo() !== null;
	}

	redo(): boolean {
		return this.undoManager.redo() !== null;
	}

	destroy() {
		this.#destroyed = true;
		clearTimeout(this.#confirmTimer);
		if (this.#frame && typeof cancelAnimationFrame === 'function')
			cancelAnimationFrame(this.#frame);
		for (const fn of this.#cleanup) fn();
		this.doc.off('update', this.#onUpdate);
		this.#reader.destroy();
		this.#overlap.destroy();
		this.undoManager.destroy();
		this.#provider?.awareness.setLocalState(null);
		this.#provider?.destroy();
		void this.#idb?.destroy();
		this.doc.destroy();
	}
}

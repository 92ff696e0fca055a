/**
 * The offline queue of a plan's participation actions (issue 13, item 8): ideas and dots given
 * while the connection is gone are kept in localStorage (`mitplan:offline:<planId>`) and sent in
 * order once it is back (the `online` event, a socket reconnect, or a retry after a server error).
 *
 * Contract for callers (`enqueue(kind, url, body, options)`):
 * - Every action gets a client id (or keeps the one the caller already sent: `options.clientId`, so
 *   an attempt that may have reached the server is repeated as the same thing). For POSTs that
 *   create something (ideas: `POST …/ideen`) the queue puts it into the body as `clientId`; the server must answer a repeated `clientId` with
 *   the thing it already created (200/201), not create a second one. So a request that reached
 *   the server but whose answer was lost can be sent again safely.
 * - `key` replaces a queued action with the same key (a ballot: `ballot:<voteId>`, the newest
 *   dots win) instead of queueing both; the ballot PUT replaces one's whole ballot and is
 *   idempotent on the server already (no double votes).
 * - Answers: 2xx → done (`sent` listeners get the JSON); network failure or 5xx → kept, retried
 *   with back-off; other 4xx → dropped, its German message kept in `dropped` to be shown.
 */
import { apiRequest, type ApiResult } from '$lib/components/api';

export interface QueuedAction {
	/** The client id (also `clientId` in a POST body). */
	id: string;
	kind: string;
	method: 'POST' | 'PUT';
	url: string;
	body: Record<string, unknown>;
	/** Actions with the same key replace each other (the newest wins). */
	key: string | null;
	queuedAt: number;
	attempts: number;
}

export interface DroppedAction {
	id: string;
	kind: string;
	message: string;
}

export interface QueueState {
	pending: number;
	dropped: DroppedAction[];
	sending: boolean;
}

export interface QueueDeps {
	storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
	send: (action: QueuedAction) => Promise<ApiResult<unknown>>;
	isOnline: () => boolean;
	now: () => number;
	newId: () => string;
	/** Schedules a retry (back-off); returns a cancel function. */
	later: (fn: () => void, ms: number) => () => void;
}

/** Retry after a network or server error: 2 s, 4 s, … up to 60 s. */
export const retryDelay = (attempts: number) =>
	Math.min(60_000, 2000 * 2 ** Math.max(0, attempts - 1));

const MAX_QUEUED = 200;

type Listener = (state: QueueState) => void;
type SentListener = (action: QueuedAction, value: unknown) => void;

export class OfflineQueue {
	private actions: QueuedAction[];
	private dropped: DroppedAction[] = [];
	private sending = false;
	private cancelRetry: (() => void) | null = null;
	private readonly listeners = new Set<Listener>();
	private readonly sentListeners = new Set<SentListener>();

	constructor(
		readonly storageKey: string,
		private readonly deps: QueueDeps
	) {
		this.actions = this.read();
	}

	get state(): QueueState {
		return { pending: this.actions.length, dropped: [...this.dropped], sending: this.sending };
	}

	/** The queued actions, oldest first (copies). */
	get queued(): QueuedAction[] {
		return this.actions.map((a) => ({ ...a, body: { ...a.body } }));
	}

	/**
	 * Queues an action and tries to send the queue right away (when online). Returns the queued
	 * action (with its client id).
	 */
	enqueue(
		kind: string,
		url: string,
		body: Record<string, unknown>,
		options: { method?: 'POST' | 'PUT'; key?: string; clientId?: string } = {}
	): QueuedAction {
		const method = options.method ?? 'POST';
		const id = options.clientId ?? this.deps.newId();
		const action: QueuedAction = {
			id,
			kind,
			method,
			url,
			body: method === 'POST' ? { ...body, clientId: id } : { ...body },
			key: options.key ?? null,
			queuedAt: this.deps.now(),
			attempts: 0
		};
		const same = action.key === null ? -1 : this.actions.findIndex((a) => a.key === action.key);
		if (same >= 0) this.actions[same] = action;
		else {
			if (this.actions.length >= MAX_QUEUED) this.actions.shift();
			this.actions.push(action);
		}
		this.write();
		void this.flush();
		return action;
	}

	/** Sends the queued actions in order; stops at the first network or server error. */
	async flush(): Promise<void> {
		if (this.sending) return;
		this.actions = this.read(); // another tab may have sent some already
		if (this.actions.length === 0 || !this.deps.isOnline()) {
			this.emit();
			return;
		}
		this.cancelRetry?.();
		this.cancelRetry = null;
		this.sending = true;
		this.emit();
		try {
			while (this.actions.length > 0) {
				const action = this.actions[0];
				const result = await this.deps.send(action);
				if (result.ok) {
					this.remove(action.id);
					for (const l of this.sentListeners) l(action, result.value);
					continue;
				}
				const status = result.error.status;
				if (status === 0 || status >= 500 || status === 429) {
					this.bump(action.id);
					const attempts = action.attempts + 1;
					this.cancelRetry = this.deps.later(() => void this.flush(), retryDelay(attempts));
					break;
				}
				this.remove(action.id);
				this.dropped = [
					...this.dropped,
					{ id: action.id, kind: action.kind, message: result.error.message }
				];
			}
		} finally {
			this.sending = false;
			this.emit();
		}
	}

	/** Forgets the shown messages of dropped actions. */
	dismissDropped() {
		this.dropped = [];
		this.emit();
	}

	/** Listens to the counter and messages; called at once with the current state. */
	subscribe(listener: Listener): () => void {
		this.listeners.add(listener);
		listener(this.state);
		return () => this.listeners.delete(listener);
	}

	/** Listens to actions the server accepted (with its JSON answer). */
	onSent(listener: SentListener): () => void {
		this.sentListeners.add(listener);
		return () => this.sentListeners.delete(listener);
	}

	destroy() {
		this.cancelRetry?.();
		this.listeners.clear();
		this.sentListeners.clear();
	}

	private remove(id: string) {
		this.actions = this.read().filter((a) => a.id !== id);
		this.write();
	}

	private bump(id: string) {
		this.actions = this.read().map((a) => (a.id === id ? { ...a, attempts: a.attempts + 1 } : a));
		this.write();
	}

	private emit() {
		const state = this.state;
		for (const l of this.listeners) l(state);
	}

	private read(): QueuedAction[] {
		if (!this.deps.storage) return this.actions ?? [];
		try {
			const raw = this.deps.storage.getItem(this.storageKey);
			const parsed: unknown = raw ? JSON.parse(raw) : [];
			return Array.isArray(parsed) ? parsed.filter(isAction) : [];
		} catch {
			return this.actions ?? [];
		}
	}

	private write() {
		if (!this.deps.storage) return;
		try {
			if (this.actions.length === 0) this.deps.storage.removeItem(this.storageKey);
			else this.deps.storage.setItem(this.storageKey, JSON.stringify(this.actions));
		} catch {
			// storage full or blocked: the queue lives in memory for this tab
		}
	}
}

function isAction(v: unknown): v is QueuedAction {
	const a = v as QueuedAction;
	return (
		!!a &&
		typeof a.id === 'string' &&
		typeof a.kind === 'string' &&
		(a.method === 'POST' || a.method === 'PUT') &&
		typeof a.url === 'string' &&
		a.url.startsWith('/api/') &&
		!!a.body &&
		typeof a.body === 'object' &&
		typeof a.attempts === 'number'
	);
}

const queues = new Map<string, OfflineQueue>();

/**
 * The browser's queue of a plan (one per tab): flushes on `online` and when the shared socket
 * reconnects. Components call `enqueue` when a request failed for want of a connection.
 */
export function offlineQueue(planId: string): OfflineQueue {
	const existing = queues.get(planId);
	if (existing) return existing;
	const queue = new OfflineQueue(`mitplan:offline:${planId}`, {
		storage: typeof localStorage === 'undefined' ? null : localStorage,
		send: (a) => apiRequest<unknown>(fetch, a.method, a.url, a.body),
		isOnline: () => typeof navigator === 'undefined' || navigator.onLine !== false,
		now: Date.now,
		newId: () =>
			// crypto.randomUUID needs a secure context; plain-HTTP LAN use has getRandomValues only
			Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) =>
				b.toString(16).padStart(2, '0')
			).join(''),
		later: (fn, ms) => {
			const t = setTimeout(fn, ms);
			return () => clearTimeout(t);
		}
	});
	queues.set(planId, queue);
	if (typeof window !== 'undefined') {
		window.addEventListener('online', () => void queue.flush());
		void import('$lib/realtime/client.svelte').then(({ getSocket }) =>
			getSocket().on('connect', () => void queue.flush())
		);
	}
	return queue;
}

/** Is this failure one to queue (no connection) rather than to show? */
export function isOffline(result: ApiResult<unknown>): boolean {
	return !result.ok && result.error.status === 0;
}

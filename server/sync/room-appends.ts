/**
 * The append log of one room: every document update goes to the store at once (no debounce) and
 * is published to the other instances only once stored. An update the store cannot take right
 * now stays in `unsaved` and is retried in order with back-off; outages are reported to the
 * instance's StoreHealth (logged once, /api/health says 503). Also starts compactions.
 */
import { StorageError, type DocStore } from '../storage/types';
import type { Logger } from '../log';
import type { PlanBus } from './bus';
import type { StoreHealth } from './store-health';

const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 5_000;

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

export interface RoomAppendsDeps {
	planId: string;
	store: DocStore;
	bus: PlanBus;
	log: Logger;
	compactEvery: number;
	health?: StoreHealth;
	/** The store says the plan was deleted (by another instance). */
	onDeleted: () => void;
	/** An append started a new log (compaction, new plan – or a store that lost the plan). */
	onNewLog: () => void;
	/** A retry ended (stored or not): held replies may go out now. */
	onRetried: () => void;
}

export class RoomAppends {
	/** Updates the store refused for now, in arrival order; retried with back-off. */
	private unsaved: Uint8Array[] = [];
	private readonly inflight = new Set<Promise<void>>();
	private retrying: Promise<void> | undefined;
	private retryTimer: ReturnType<typeof setTimeout> | undefined;
	private retryDelay = RETRY_MIN_MS;
	private compacting: Promise<void> | undefined;
	private closed = false;

	constructor(private readonly deps: RoomAppendsDeps) {}

	/** Something is being stored, waits for a retry, or is not stored yet. */
	get pending(): boolean {
		return this.unsaved.length > 0 || this.inflight.size > 0 || this.retrying !== undefined;
	}

	/** Updates the store has refused so far (waiting for a retry). */
	get unsavedCount(): number {
		return this.unsaved.length;
	}

	get writing(): boolean {
		return this.inflight.size > 0;
	}

	/** Resolves when the appends (and the retry) running right now have settled. */
	settled(): Promise<unknown> {
		return Promise.allSettled([...this.inflight, this.retrying]);
	}

	/** Resolves when the appends running right now have settled (not a retry). */
	writesSettled(): Promise<unknown> {
		return Promise.allSettled([...this.inflight]);
	}

	/** Resolves when every accepted update so far is in the store (or rejects if it is not). */
	async flush(): Promise<void> {
		while (this.inflight.size > 0 || this.retrying) await this.settled();
		if (this.unsaved.length > 0) {
			await this.retryNow();
			if (this.unsaved.length > 0) throw new Error('Speicher nicht erreichbar');
		}
	}

	/** Stops retrying (the room is freed). */
	close(): void {
		this.closed = true;
		clearTimeout(this.retryTimer);
	}

	/** Forgets what is unsaved (the plan was deleted). */
	drop(): void {
		this.unsaved = [];
	}

	/** Appends one update now; published once stored, kept and retried if the store fails. */
	persist(update: Uint8Array): void {
		const { planId, store, log, health } = this.deps;
		const write = store.append(planId, update).then(
			({ logLength }) => {
				health?.appendSucceeded();
				this.publish(update);
				if (logLength >= this.deps.compactEvery) this.compactInBackground();
				if (logLength === 1) this.deps.onNewLog();
			},
			(error) => {
				if (isDeleted(error)) return this.deps.onDeleted();
				if (isPermanent(error)) {
					log.error('store refused an update permanently', { planId, error });
					return;
				}
				this.unsaved.push(update);
				if (health) health.appendFailed(error, planId);
				else log.error('append failed; update kept in memory and retried', { planId, error });
				this.retrySoon(this.retryDelay);
			}
		);
		this.inflight.add(write);
		void write.finally(() => this.inflight.delete(write));
	}

	retrySoon(delay: number): void {
		if (this.closed || this.unsaved.length === 0 || this.retryTimer) return;
		this.retryTimer = setTimeout(() => {
			this.retryTimer = undefined;
			void this.retryNow();
		}, delay);
	}

	private retryNow(): Promise<void> {
		this.retrying ??= this.storeUnsaved().finally(() => {
			this.retrying = undefined;
			this.deps.onRetried();
		});
		return this.retrying;
	}

	private publish(update: Uint8Array): void {
		const { planId, bus, log } = this.deps;
		bus
			.publish(planId, { kind: 'update', payload: update })
			.catch((error) => log.warn('publish failed', { planId, error }));
	}

	/** Appends unsaved updates one by one, in order, so no merged batch can outgrow the store's limit. */
	private async storeUnsaved(): Promise<void> {
		const { planId, store, log, health } = this.deps;
		let stored = 0;
		let newLog = false;
		while (this.unsaved.length > 0) {
			const update = this.unsaved[0];
			try {
				const { logLength } = await store.append(planId, update);
				health?.appendSucceeded();
				if (logLength === 1) newLog = true;
			} catch (error) {
				if (isDeleted(error)) {
					this.unsaved = [];
					return this.deps.onDeleted();
				}
				if (isPermanent(error)) {
					this.unsaved.shift();
					log.error('store refused an update permanently', { planId, error });
					continue;
				}
				health?.appendFailed(error, planId);
				this.retryDelay = Math.min(this.retryDelay * 2, RETRY_MAX_MS);
				this.retrySoon(this.retryDelay);
				return;
			}
			this.unsaved.shift();
			this.publish(update);
			stored++;
		}
		this.retryDelay = RETRY_MIN_MS;
		if (newLog) this.deps.onNewLog();
		if (stored > 0) log.info('unsaved updates stored after retry', { planId, updates: stored });
	}

	private compactInBackground(): void {
		if (this.compacting) return;
		const { planId, store, log } = this.deps;
		this.compacting = store
			.compact(planId)
			.catch((error) => log.warn('compaction failed', { planId, error }))
			.finally(() => (this.compacting = undefined));
	}
}

/**
 * Store-loss check of one room (issue 12, item 17): when the store lost what a room had stored
 * (Redis restarted without its AOF, FLUSHALL), the room writes its state back from memory and
 * says so loudly. Runs after an append started a new log and when the bus reconnects (resync).
 */
import * as Y from 'yjs';
import type { DocStore } from '../storage/types';
import type { Logger } from '../log';
import { ORIGIN_STORE } from './origins';
import type { RoomAppends } from './room-appends';

export interface StoreLossDeps {
	planId: string;
	doc: Y.Doc;
	store: DocStore;
	log: Logger;
	appends: RoomAppends;
	/** The room is freed, or the plan was deleted elsewhere: nothing is written back. */
	gone: () => { closed: boolean; deleted: boolean };
}

export class StoreLossCheck {
	private verifying = false;

	constructor(private readonly deps: StoreLossDeps) {}

	/**
	 * Re-reads the store after an outage (catches updates other instances stored meanwhile) and
	 * writes back what memory has and the store lacks (e.g. a Redis restarted without its data).
	 */
	async resync(attempt = 0): Promise<void> {
		const { planId, store, doc, appends } = this.deps;
		// What the store must have: the state now, once the appends running now have settled.
		// (Comparing with the state after the load would count updates still on their way to
		// the store as lost, a false alarm under steady typing.)
		const expected = Y.encodeStateVector(doc);
		await appends.writesSettled();
		let state: Uint8Array | null;
		try {
			state = await store.load(planId);
		} catch (error) {
			// The bus may be back before the store's own connection: try again a few times.
			if (attempt >= 5 || this.deps.gone().closed) throw error;
			await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
			return this.resync(attempt + 1);
		}
		if (this.deps.gone().closed) return;
		if (state) Y.applyUpdate(doc, state, ORIGIN_STORE);
		this.restoreLost(state, expected);
		this.deps.appends.retrySoon(0);
	}

	/**
	 * After an append started a new log (a compaction, a new plan – or a store that lost the plan,
	 * e.g. Redis FLUSHALL without a restart), checks that the store still has everything that
	 * was stored before, and writes back what it lost.
	 */
	async verifyStored(): Promise<void> {
		const { planId, store, doc, log, appends } = this.deps;
		// Only a shared Redis can be emptied behind this process's back; the file store's load
		// would also queue this plan's next appends behind it.
		if (this.verifying || this.deps.gone().closed || store.kind !== 'redis') return;
		this.verifying = true;
		try {
			while (appends.writing) await appends.writesSettled();
			if (appends.unsavedCount > 0 || this.deps.gone().closed) return; // the retry re-reads the store
			const expected = Y.encodeStateVector(doc);
			const state = await store.load(planId);
			if (!this.deps.gone().closed) this.restoreLost(state, expected);
		} catch (error) {
			log.warn('store check failed', { planId, error });
		} finally {
			this.verifying = false;
		}
	}

	/**
	 * Writes back what this room holds (and had stored, `expected`) but the store lacks (null: the
	 * whole plan), and says so loudly: the store lost data (e.g. Redis restarted without its AOF).
	 */
	private restoreLost(state: Uint8Array | null, expected: Uint8Array): void {
		const gone = this.deps.gone();
		if (gone.deleted || gone.closed) return;
		const storedVector = state ? Y.encodeStateVectorFromUpdate(state) : undefined;
		const stored = storedVector ? Y.decodeStateVector(storedVector) : new Map<number, number>();
		const lost = [...Y.decodeStateVector(expected)].some(
			([client, clock]) => (stored.get(client) ?? 0) < clock
		);
		if (!lost) return;
		this.deps.log.error(
			'STORE LOST A PLAN (e.g. Redis restarted empty or FLUSHALL): writing its state back from memory',
			{ planId: this.deps.planId, storeHad: state ? 'a part' : 'nothing' }
		);
		this.deps.appends.persist(Y.encodeStateAsUpdate(this.deps.doc, storedVector));
	}
}

/**
 * The registry of loaded rooms on this instance. A room is loaded once (concurrent callers share
 * the same load), kept while it has peers or holds, and unloaded `idleMs` after the last one left
 * — but only after every accepted update is stored. No timers or rooms leak.
 */
import type { DocStore } from '../storage/types';
import type { Logger } from '../log';
import type { PlanBus } from './bus';
import { Room } from './room';
import type { StructureLocks } from './structure-lock';
import type { PlanLimits } from './plan-size';
import { StoreHealth } from './store-health';

interface Entry {
	loading: Promise<Room | null>;
	room?: Room;
	idleTimer?: ReturnType<typeof setTimeout>;
	/** What room listeners (onRoom) want to run before the room goes away. */
	detach?: RoomDetach[];
}

/**
 * Runs before a loaded room goes away: `unload` (idle or shutdown: save what is pending) or
 * `deleted` (the plan was deleted: cancel timers, store nothing more).
 */
export type RoomDetach = (reason: 'unload' | 'deleted') => void | Promise<void>;

/** Called for every room once it is loaded; may return a function to run before it unloads. */
export type RoomListener = (room: Room) => void | RoomDetach;

export interface RoomManagerOptions {
	store: DocStore;
	bus: PlanBus;
	log: Logger;
	compactEvery: number;
	idleMs: number;
	/** PLAN_MAX_BYTES / PLAN_MAX_ENTRIES (see room.ts for the defaults). */
	limits?: Partial<PlanLimits>;
	/** Sessions' structure locks (server/meetings/locks.ts), read on every client update. */
	structureLocks?: StructureLocks;
}

export class RoomManager {
	private readonly entries = new Map<string, Entry>();
	/** Plans deleted while this instance ran (ids are random and never reused). */
	private readonly deleted = new Set<string>();
	private readonly listeners = new Set<RoomListener>();
	/** Append outages of this instance: logged once, /api/health says 503 while they last. */
	readonly storeHealth: StoreHealth;

	constructor(private readonly options: RoomManagerOptions) {
		this.storeHealth = new StoreHealth(options.log);
		options.bus.onReconnect(() => {
			options.log.info('bus reconnected; re-reading loaded plans', { plans: this.entries.size });
			for (const entry of this.entries.values()) {
				entry.room?.resync().catch((error) => options.log.warn('resync failed', { error }));
			}
		});
	}

	get size(): number {
		return this.entries.size;
	}

	/** Observes every room loaded from now on (e.g. versions: history and automatic snapshots). */
	onRoom(listener: RoomListener): () => void {
		this.listeners.add(listener);
		return () => void this.listeners.delete(listener);
	}

	/** Runs the listeners' detach functions once (errors are logged, never thrown). */
	private async detach(entry: Entry, reason: 'unload' | 'deleted' = 'unload'): Promise<void> {
		const fns = entry.detach?.splice(0) ?? [];
		for (const fn of fns) {
			try {
				await fn(reason);
			} catch (error) {
				this.options.log.warn('room listener failed on unload', { error });
			}
		}
	}

	/** Whether the plan was deleted while this instance ran (see `drop`). */
	isDeleted(planId: string): boolean {
		return this.deleted.has(planId);
	}

	/**
	 * Whether the plan still exists: not deleted here and still in the store (another instance may
	 * have deleted it before its bus message arrived). Rejects if the store fails.
	 */
	async exists(planId: string): Promise<boolean> {
		if (this.deleted.has(planId)) return false;
		return (await this.options.store.exists(planId)) && !this.deleted.has(planId);
	}

	/** The loaded room, if any, without loading it. */
	peek(planId: string): Room | undefined {
		return this.entries.get(planId)?.room;
	}

	/**
	 * Loads (or reuses) the plan's room and counts one hold on it; call `release` when done.
	 * Resolves null if the plan does not exist; rejects if the store fails.
	 */
	async acquire(planId: string): Promise<Room | null> {
		for (;;) {
			if (this.deleted.has(planId)) return null;
			const entry = this.entries.get(planId) ?? this.startLoading(planId);
			const room = await entry.loading;
			// Dropped (deleted) or replaced while we waited: look again.
			if (this.entries.get(planId) !== entry) {
				if (!room) return null;
				continue;
			}
			if (room) {
				room.holds++;
				clearTimeout(entry.idleTimer);
				entry.idleTimer = undefined;
			}
			return room;
		}
	}

	private startLoading(planId: string): Entry {
		const room = new Room(planId, {
			...this.options,
			health: this.storeHealth,
			onRemoteDelete: (deleted) => {
				if (this.entries.get(planId)?.room === deleted) {
					void this.drop(planId, 4410, 'plan deleted');
				}
			}
		});
		const forget = () => {
			if (this.entries.get(planId) === entry) this.entries.delete(planId);
		};
		const entry: Entry = {
			loading: room.load().then(
				async (found) => {
					if (found) {
						entry.room = room;
						entry.detach = [];
						for (const listener of this.listeners) {
							try {
								const detach = listener(room);
								if (detach) entry.detach.push(detach);
							} catch (error) {
								this.options.log.warn('room listener failed', { planId, error });
							}
						}
						return room;
					}
					forget();
					await room.destroy(4404, 'plan not found');
					return null;
				},
				async (error) => {
					forget();
					await room.destroy(4503, 'storage unavailable');
					throw error;
				}
			)
		};
		this.entries.set(planId, entry);
		return entry;
	}

	release(room: Room): void {
		room.holds = Math.max(0, room.holds - 1);
		if (room.holds > 0) return;
		const entry = this.entries.get(room.planId);
		if (!entry || entry.room !== room) return;
		clearTimeout(entry.idleTimer);
		entry.idleTimer = setTimeout(() => void this.unloadIfIdle(room), this.options.idleMs);
	}

	/**
	 * Closes every connection of the plan and forgets the room without saving (deleted plan).
	 * The id is remembered so that no connection can load the plan again on this instance.
	 */
	async drop(planId: string, code: number, reason: string): Promise<void> {
		this.deleted.add(planId);
		const entry = this.entries.get(planId);
		if (!entry) return;
		this.entries.delete(planId);
		clearTimeout(entry.idleTimer);
		const room = await entry.loading.catch(() => null);
		// Deleted: the listeners cancel their timers and record or snapshot nothing more.
		await this.detach(entry, 'deleted');
		await room?.destroy(code, reason);
	}

	/** Flushes every room to the store and closes all connections (graceful shutdown). */
	async closeAll(): Promise<void> {
		const entries = [...this.entries.entries()];
		this.entries.clear();
		await Promise.all(
			entries.map(async ([, entry]) => {
				clearTimeout(entry.idleTimer);
				const room = await entry.loading.catch(() => null);
				await this.detach(entry);
				await room?.dispose({ compact: false });
			})
		);
	}

	private async unloadIfIdle(room: Room): Promise<void> {
		const entry = this.entries.get(room.planId);
		if (!entry || entry.room !== room || room.holds > 0) return;
		entry.idleTimer = undefined;
		try {
			await room.flush();
		} catch {
			// Still unsaved: keep the room in memory and try again later.
			entry.idleTimer = setTimeout(() => void this.unloadIfIdle(room), this.options.idleMs);
			return;
		}
		if (room.holds > 0 || this.entries.get(room.planId) !== entry) return;
		this.entries.delete(room.planId);
		await this.detach(entry);
		await room.dispose({ compact: true });
	}
}

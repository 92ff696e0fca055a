/**
 * The listener on every loaded room: records who changed which item (history) and takes an
 * automatic snapshot after an editing pause (one instance at a time, via a short KV lock).
 */
import * as Y from 'yjs';
import {
	PLAN_META_ITEM,
	type HistoryAction,
	type VersionActor
} from '../../src/lib/versions/types';
import type { Peer, Room } from '../sync/room';
import type { RoomDetach } from '../sync/rooms';
import { touchedItems } from './attribution';
import type { VersionServiceDeps } from './common';
import { lockKey } from './common';
import { HistoryRecorder } from './history-recorder';
import { VersionSnapshots } from './snapshots';

const AUTO_LOCK_TTL_MS = 10_000;

const SYSTEM_ACTOR: VersionActor = { id: 'system', name: 'Mitplan (automatisch)', kind: 'system' };

function isPeer(origin: unknown): origin is Peer {
	return (
		typeof origin === 'object' &&
		origin !== null &&
		'canWrite' in origin &&
		typeof (origin as Peer).send === 'function'
	);
}

/** Per loaded room: editing-pause timer and whether peers changed it since the last snapshot. */
interface RoomState {
	dirty: boolean;
	timer: ReturnType<typeof setTimeout> | undefined;
}

export class AutoSnapshots {
	constructor(
		private readonly deps: VersionServiceDeps,
		private readonly recorder: HistoryRecorder,
		private readonly snapshots: VersionSnapshots
	) {}

	/** Hooks one loaded room; the returned function runs before the room is unloaded. */
	attach(room: Room): RoomDetach {
		const state: RoomState = { dirty: false, timer: undefined };
		const items = room.doc.getMap<unknown>('items');
		const meta = room.doc.getMap<unknown>('meta');
		const onTransaction = (tr: Y.Transaction) => {
			const origin = tr.origin;
			if (!isPeer(origin) || !origin.principalId) return;
			const touched = touchedItems(tr, items);
			const metaChanged = tr.changed.has(meta as unknown as Parameters<typeof tr.changed.has>[0]);
			if (touched.length === 0 && !metaChanged) return;
			const actor: VersionActor = {
				id: origin.principalId,
				// No display name: stored empty, worded per reader (actorLabel).
				name: origin.displayName ?? '',
				kind: origin.inviteId ? 'guest' : 'user'
			};
			for (const t of touched) {
				const action: HistoryAction =
					t.kind !== 'changed'
						? t.kind
						: t.fields.every((f) => f === 'position')
							? 'moved'
							: 'changed';
				this.recorder.record(room.planId, actor, t.itemId, t.itemType, action, t.fields);
			}
			if (metaChanged)
				this.recorder.record(room.planId, actor, PLAN_META_ITEM, null, 'changed', []);
			state.dirty = true;
			if (this.deps.autoIdleMs > 0) {
				clearTimeout(state.timer);
				state.timer = setTimeout(() => void this.autoSnapshot(room, state), this.deps.autoIdleMs);
				state.timer.unref?.();
			}
		};
		room.doc.on('afterTransaction', onTransaction);
		return async (reason) => {
			clearTimeout(state.timer);
			room.doc.off('afterTransaction', onTransaction);
			if (reason === 'deleted') {
				// Nothing of a deleted plan is stored again: no snapshot, no pending history.
				state.dirty = false;
				this.recorder.forget(room.planId);
				return;
			}
			if (state.dirty && this.deps.autoIdleMs > 0) await this.autoSnapshot(room, state);
			await this.recorder.flushHistory(true, room.planId);
		};
	}

	private async autoSnapshot(room: Room, state: RoomState): Promise<void> {
		if (!state.dirty || this.deps.rooms.isDeleted(room.planId)) return;
		state.dirty = false;
		try {
			const locked = await this.deps.kv.set(lockKey(room.planId), '1', {
				ttlMs: AUTO_LOCK_TTL_MS,
				ifAbsent: true
			});
			if (!locked) return; // another instance is taking one right now
			const when = new Date().toLocaleString('de-DE', {
				dateStyle: 'short',
				timeStyle: 'short',
				timeZone: 'Europe/Berlin'
			});
			const result = await this.snapshots.snapshot(
				room,
				'auto',
				`Automatisch gesichert, ${when}`,
				SYSTEM_ACTOR
			);
			if (!result.ok) state.dirty = true;
		} catch (error) {
			state.dirty = true;
			this.deps.log.warn('automatic snapshot failed', { planId: room.planId, error });
		}
	}
}

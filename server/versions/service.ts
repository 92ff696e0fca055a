/**
 * Versions of a plan (issue 6, part 2): named versions, automatic snapshots after an editing
 * pause and before a restore, read-only opening, comparing, restoring, and the per-item history
 * (who changed what and when). Composed of snapshots.ts (index + blobs), history-recorder.ts
 * and auto-snapshots.ts (the room listener).
 *
 * Storage: snapshot bytes in a VersionBlobStore (files or Redis binary keys), metadata as one
 * small JSON index per plan in the access KV (`versions:<planId>`, updated atomically), history
 * entries as a capped KV list per plan (`history:<planId>`, newest first).
 *
 * Attribution: a listener on every loaded room (RoomManager.onRoom) looks at each transaction
 * whose origin is one of this instance's peers and records {actor, item, fields}; edits arriving
 * from other instances (bus) are recorded there, so nothing is counted twice. Entries are
 * coalesced per (actor, item) for HISTORY_COALESCE_MS and written to the KV when that window
 * closes or the room is unloaded; reads merge the still-open entries of this instance.
 */
import type { ApiResult } from '../../src/lib/contract/result';
import { restorePlan } from '../../src/lib/versions/restore';
import {
	MAX_VERSION_NAME_LENGTH,
	type CompareResult,
	type HistoryAction,
	type HistoryEntry,
	type HistoryNote,
	type VersionActor,
	type VersionMeta,
	type VersionWithPlan
} from '../../src/lib/versions/types';
import type { VersionsBackend } from '../../src/lib/contract/versions';
import type { InterfaceLocale } from '../../src/lib/contract/languages';
import * as t from '../../src/lib/paraglide/messages/_index.js';
import { AutoSnapshots } from './auto-snapshots';
import type { VersionServiceDeps } from './common';
import { fail } from './common';
import { HistoryRecorder } from './history-recorder';
import { VersionSnapshots } from './snapshots';

export { HISTORY_CAP, HISTORY_COALESCE_MS } from './history-recorder';
export type { VersionServiceDeps } from './common';

const HISTORY_FLUSH_EVERY_MS = 15_000;

export class VersionService implements VersionsBackend {
	private readonly snapshots: VersionSnapshots;
	private readonly recorder: HistoryRecorder;
	private readonly flushTimer: ReturnType<typeof setInterval>;
	private readonly detachRooms: () => void;
	private closed = false;

	constructor(private readonly deps: VersionServiceDeps) {
		const deletePlan = (planId: string) => this.deletePlan(planId);
		this.snapshots = new VersionSnapshots(deps, deletePlan);
		this.recorder = new HistoryRecorder(deps, deletePlan);
		const auto = new AutoSnapshots(deps, this.recorder, this.snapshots);
		this.detachRooms = deps.rooms.onRoom((room) => auto.attach(room));
		this.flushTimer = setInterval(() => void this.flushHistory(false), HISTORY_FLUSH_EVERY_MS);
		this.flushTimer.unref?.();
	}

	// --- versions ------------------------------------------------------------------------------

	list(planId: string): Promise<ApiResult<VersionMeta[]>> {
		return this.snapshots.list(planId);
	}

	take(planId: string, actor: VersionActor, name: unknown): Promise<ApiResult<VersionMeta>> {
		const trimmed = typeof name === 'string' ? name.trim() : '';
		if (
			typeof name !== 'string' ||
			trimmed.length < 1 ||
			trimmed.length > MAX_VERSION_NAME_LENGTH
		) {
			return Promise.resolve(
				fail(
					400,
					'invalid_version_name',
					`Bitte geben Sie der Version einen Namen mit 1 bis ${MAX_VERSION_NAME_LENGTH} Zeichen.`
				)
			);
		}
		return this.snapshots.withRoom(planId, (room) =>
			this.snapshots.snapshot(room, 'named', trimmed, actor)
		);
	}

	get(planId: string, versionId: string): Promise<ApiResult<VersionWithPlan>> {
		return this.snapshots.get(planId, versionId);
	}

	state(planId: string, versionId: string) {
		return this.snapshots.state(planId, versionId);
	}

	compare(planId: string, from: string, to: string): Promise<ApiResult<CompareResult>> {
		return this.snapshots.compare(planId, from, to);
	}

	async restore(
		planId: string,
		versionId: string,
		actor: VersionActor,
		locale: InterfaceLocale = 'de'
	): Promise<ApiResult<{ restored: VersionMeta; snapshot: VersionMeta }>> {
		const target = await this.snapshots.get(planId, versionId);
		if (!target.ok) return target;
		return this.snapshots.withRoom(planId, async (room) => {
			const { version, plan } = target.value;
			const label = version.name.length > 80 ? version.name.slice(0, 79) + '…' : version.name;
			const snapshot = await this.snapshots.snapshot(
				room,
				'pre_restore',
				t.notices_version_pre_restore({ name: label }, { locale }),
				actor,
				{ id: version.id, name: version.name }
			);
			if (!snapshot.ok) return snapshot; // nothing restored without the way back
			let stats: ReturnType<typeof restorePlan> = { created: [], updated: [], deleted: [] };
			room.transact((doc) => (stats = restorePlan(doc, plan)));
			await room.flush();
			for (const id of [...stats.created, ...stats.updated, ...stats.deleted]) {
				this.recorder.record(planId, actor, id, null, 'restored', []);
			}
			this.deps.log.info('version restored', {
				planId,
				versionId,
				snapshot: snapshot.value.id,
				created: stats.created.length,
				updated: stats.updated.length,
				deleted: stats.deleted.length
			});
			return { ok: true as const, value: { restored: version, snapshot: snapshot.value } };
		});
	}

	/** Deletes one version (any kind): its entry in the index, then its snapshot. */
	remove(planId: string, versionId: string): Promise<ApiResult<VersionMeta>> {
		return this.snapshots.remove(planId, versionId);
	}

	/** Best effort when a plan is deleted: its snapshots, index and history. */
	async deletePlan(planId: string): Promise<void> {
		this.recorder.forget(planId);
		await this.snapshots.deleteStored(planId);
	}

	// --- history -------------------------------------------------------------------------------

	history(
		planId: string,
		itemId: string | null,
		limit: number
	): Promise<ApiResult<HistoryEntry[]>> {
		return this.recorder.history(planId, itemId, limit);
	}

	recordServerEdit(
		planId: string,
		actor: VersionActor,
		itemId: string,
		action: HistoryAction,
		fields: string[],
		itemType: HistoryEntry['itemType'] = null,
		note?: string | HistoryNote
	): void {
		this.recorder.record(planId, actor, itemId, itemType, action, fields, note);
	}

	/**
	 * Writes history entries to the KV: the closed ones, and the open ones all (force) or those
	 * whose window has closed. What the KV does not take stays in memory for the next flush.
	 */
	flushHistory(force: boolean, onlyPlan?: string): Promise<void> {
		return this.recorder.flushHistory(force, onlyPlan);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		clearInterval(this.flushTimer);
		this.detachRooms();
		await this.flushHistory(true);
	}
}

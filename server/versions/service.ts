/**
 * Versions of a plan (issue 6, part 2): named versions, automatic snapshots after an editing
 * pause and before a restore, read-only opening, comparing, restoring, and the per-item history
 * (who changed what and when).
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
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { isValidPlanId, newId, readPlan, summarize } from '../../src/lib/domain/index';
import type { PlanJson } from '../../src/lib/domain/types';
import type { ApiError, ApiResult } from '../../src/lib/server/backend';
import { PLAN_ERRORS } from '../../src/lib/server/backend';
import { diffPlans } from '../../src/lib/versions/diff';
import { restorePlan } from '../../src/lib/versions/restore';
import {
	MAX_VERSION_NAME_LENGTH,
	PLAN_META_ITEM,
	type CompareResult,
	type CompareSide,
	type HistoryAction,
	type HistoryEntry,
	type VersionActor,
	type VersionKind,
	type VersionMeta,
	type VersionWithPlan,
	type VersionsBackend
} from '../../src/lib/versions/types';
import type { KvStore } from '../auth/kv';
import type { Logger } from '../log';
import { withPlanRoom } from '../plan-room';
import type { Peer, Room } from '../sync/room';
import type { RoomDetach, RoomManager } from '../sync/rooms';
import { touchedItems } from './attribution';
import type { VersionBlobStore } from './blob-store';
import { pruneVersions } from './prune';

/** Edits of one person on one item within this window become one history entry. */
export const HISTORY_COALESCE_MS = 2 * 60_000;
/** History entries kept per plan (newest). */
export const HISTORY_CAP = 2000;
const HISTORY_FLUSH_EVERY_MS = 15_000;
const AUTO_LOCK_TTL_MS = 10_000;
/** Defaults of VERSION_NAMED_MAX and VERSION_PRE_RESTORE_KEEP (server/config.ts). */
const NAMED_MAX = 500;
const PRE_RESTORE_KEEP = 100;

const SYSTEM_ACTOR: VersionActor = { id: 'system', name: 'Mitplan (automatisch)', kind: 'system' };

const fail = (status: number, code: string, message: string) => ({
	ok: false as const,
	error: { status, code, message } satisfies ApiError
});
const versionNotFound = () =>
	fail(
		404,
		'version_not_found',
		'Diese Version gibt es in diesem Plan nicht (mehr). Bitte wählen Sie eine Version aus der Liste.'
	);
const unavailable = () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() });

interface Index {
	versions: VersionMeta[];
}

function parseIndex(raw: string | null): Index {
	if (!raw) return { versions: [] };
	try {
		const value = JSON.parse(raw) as Index;
		return Array.isArray(value?.versions) ? value : { versions: [] };
	} catch {
		return { versions: [] };
	}
}

function isPeer(origin: unknown): origin is Peer {
	return (
		typeof origin === 'object' &&
		origin !== null &&
		'canWrite' in origin &&
		typeof (origin as Peer).send === 'function'
	);
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

interface OpenEntry {
	entry: HistoryEntry;
	lastMs: number;
}

/** Per loaded room: editing-pause timer and whether peers changed it since the last snapshot. */
interface RoomState {
	dirty: boolean;
	timer: ReturnType<typeof setTimeout> | undefined;
}

export interface VersionServiceDeps {
	rooms: RoomManager;
	kv: KvStore;
	blobs: VersionBlobStore;
	log: Logger;
	/** Editing pause after which an automatic snapshot is taken; 0 = never. */
	autoIdleMs: number;
	/** Automatic snapshots kept per plan. */
	autoKeep: number;
	/** Named versions allowed per plan (then 409 too_many_versions). */
	namedMax?: number;
	/** Snapshots taken before a restore kept per plan (newest). */
	preRestoreKeep?: number;
}

export class VersionService implements VersionsBackend {
	/** planId → (actor|item) → open history entry */
	private readonly open = new Map<string, Map<string, OpenEntry>>();
	/** planId → entries whose window has closed, oldest first, not yet in the KV */
	private readonly pending = new Map<string, HistoryEntry[]>();
	/** Flushes run one after another (an entry is never written twice). */
	private flushing: Promise<void> = Promise.resolve();
	private readonly flushTimer: ReturnType<typeof setInterval>;
	private readonly detachRooms: () => void;
	private closed = false;

	constructor(private readonly deps: VersionServiceDeps) {
		this.detachRooms = deps.rooms.onRoom((room) => this.attach(room));
		this.flushTimer = setInterval(() => void this.flushHistory(false), HISTORY_FLUSH_EVERY_MS);
		this.flushTimer.unref?.();
	}

	// --- versions ------------------------------------------------------------------------------

	async list(planId: string): Promise<ApiResult<VersionMeta[]>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		try {
			const index = parseIndex(await this.deps.kv.get(indexKey(planId)));
			return { ok: true, value: [...index.versions].reverse() };
		} catch (error) {
			this.deps.log.warn('listing versions failed', { planId, error });
			return unavailable();
		}
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
		return this.withRoom(planId, (room) => this.snapshot(room, 'named', trimmed, actor));
	}

	async get(planId: string, versionId: string): Promise<ApiResult<VersionWithPlan>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		if (typeof versionId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(versionId)) {
			return versionNotFound();
		}
		try {
			const index = parseIndex(await this.deps.kv.get(indexKey(planId)));
			const version = index.versions.find((v) => v.id === versionId);
			if (!version) return versionNotFound();
			const bytes = await this.deps.blobs.get(planId, versionId);
			if (!bytes) {
				this.deps.log.error('version snapshot missing', { planId, versionId });
				return versionNotFound();
			}
			return { ok: true, value: { version, plan: decodePlan(bytes, planId) } };
		} catch (error) {
			this.deps.log.warn('reading version failed', { planId, versionId, error });
			return unavailable();
		}
	}

	async compare(planId: string, from: string, to: string): Promise<ApiResult<CompareResult>> {
		const sides = await Promise.all([this.side(planId, from), this.side(planId, to)]);
		for (const s of sides) if (!s.ok) return s;
		const [a, b] = sides as Array<{ ok: true; value: { side: CompareSide; plan: PlanJson } }>;
		return {
			ok: true,
			value: { from: a.value.side, to: b.value.side, diff: diffPlans(a.value.plan, b.value.plan) }
		};
	}

	async restore(
		planId: string,
		versionId: string,
		actor: VersionActor
	): Promise<ApiResult<{ restored: VersionMeta; snapshot: VersionMeta }>> {
		const target = await this.get(planId, versionId);
		if (!target.ok) return target;
		return this.withRoom(planId, async (room) => {
			const { version, plan } = target.value;
			const label = version.name.length > 80 ? version.name.slice(0, 79) + '…' : version.name;
			const snapshot = await this.snapshot(
				room,
				'pre_restore',
				`Vor Wiederherstellung von „${label}“`,
				actor,
				{ id: version.id, name: version.name }
			);
			if (!snapshot.ok) return snapshot; // nothing restored without the way back
			let stats: ReturnType<typeof restorePlan> = { created: [], updated: [], deleted: [] };
			room.transact((doc) => (stats = restorePlan(doc, plan)));
			await room.flush();
			for (const id of [...stats.created, ...stats.updated, ...stats.deleted]) {
				this.record(planId, actor, id, null, 'restored', []);
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
	async remove(planId: string, versionId: string): Promise<ApiResult<VersionMeta>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		if (typeof versionId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(versionId)) {
			return versionNotFound();
		}
		let removed: VersionMeta | undefined;
		try {
			await this.deps.kv.update(indexKey(planId), (raw) => {
				const index = parseIndex(raw);
				removed = index.versions.find((v) => v.id === versionId);
				if (!removed) return { result: null };
				const versions = index.versions.filter((v) => v.id !== versionId);
				return { value: JSON.stringify({ versions }), result: null };
			});
		} catch (error) {
			this.deps.log.warn('deleting a version failed', { planId, versionId, error });
			return unavailable();
		}
		if (!removed) return versionNotFound();
		await this.deps.blobs
			.delete(planId, [versionId])
			.catch((error) => this.deps.log.warn('removing a snapshot failed', { planId, error }));
		this.deps.log.info('version deleted', { planId, versionId, kind: removed.kind });
		return { ok: true, value: removed };
	}

	/** Best effort when a plan is deleted: its snapshots, index and history. */
	async deletePlan(planId: string): Promise<void> {
		this.forget(planId);
		try {
			const index = parseIndex(await this.deps.kv.get(indexKey(planId)).catch(() => null));
			await this.deps.blobs.deletePlan(
				planId,
				index.versions.map((v) => v.id)
			);
			await this.deps.kv.del([indexKey(planId), historyKey(planId), lockKey(planId)]);
		} catch (error) {
			this.deps.log.warn('deleting versions of a deleted plan failed', { planId, error });
		}
	}

	// --- history -------------------------------------------------------------------------------

	async history(
		planId: string,
		itemId: string | null,
		limit: number
	): Promise<ApiResult<HistoryEntry[]>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		let stored: HistoryEntry[];
		try {
			const raw = await this.deps.kv.listRange(historyKey(planId), 0, HISTORY_CAP - 1);
			stored = raw.flatMap((line) => {
				try {
					return [JSON.parse(line) as HistoryEntry];
				} catch {
					return [];
				}
			});
		} catch (error) {
			this.deps.log.warn('reading history failed', { planId, error });
			return unavailable();
		}
		const byId = new Map(stored.map((e) => [e.id, e]));
		for (const entry of this.pending.get(planId) ?? []) byId.set(entry.id, entry);
		for (const { entry } of this.open.get(planId)?.values() ?? []) byId.set(entry.id, entry);
		const entries = [...byId.values()]
			.filter((e) => itemId === null || e.itemId === itemId)
			.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
			.slice(0, limit);
		return { ok: true, value: entries };
	}

	recordServerEdit(
		planId: string,
		actor: VersionActor,
		itemId: string,
		action: HistoryAction,
		fields: string[],
		itemType: HistoryEntry['itemType'] = null
	): void {
		this.record(planId, actor, itemId, itemType, action, fields);
	}

	/**
	 * Writes history entries to the KV: the closed ones, and the open ones all (force) or those
	 * whose window has closed. What the KV does not take stays in memory for the next flush.
	 */
	flushHistory(force: boolean, onlyPlan?: string): Promise<void> {
		const run = this.flushing.then(() => this.writeHistory(force, onlyPlan));
		this.flushing = run.catch(() => {});
		return run;
	}

	private async writeHistory(force: boolean, onlyPlan?: string): Promise<void> {
		const now = Date.now();
		const push = (planId: string, entry: HistoryEntry) =>
			this.deps.kv.listPush(historyKey(planId), JSON.stringify(entry), HISTORY_CAP);
		for (const planId of new Set([...this.pending.keys(), ...this.open.keys()])) {
			if (onlyPlan !== undefined && planId !== onlyPlan) continue;
			if (this.deps.rooms.isDeleted(planId)) {
				this.forget(planId); // deleted plan: nothing more to record
				continue;
			}
			// Entries whose window has closed (all: force) join the closed ones, in order.
			const pending = this.pending.get(planId) ?? [];
			const entries = this.open.get(planId);
			for (const [key, open] of [...(entries ?? [])]) {
				if (!force && now - open.lastMs < HISTORY_COALESCE_MS) continue;
				entries!.delete(key);
				pending.push(open.entry);
			}
			if (entries?.size === 0) this.open.delete(planId);
			if (pending.length > 0) this.pending.set(planId, pending);
			let wrote = false;
			try {
				while (pending.length > 0) {
					await push(planId, pending[0]);
					pending.shift();
					wrote = true;
				}
				if (this.pending.get(planId) === pending) this.pending.delete(planId);
			} catch (error) {
				this.deps.log.warn('writing history failed; kept in memory', { planId, error });
				return;
			}
			// Deleted meanwhile (here or on another instance): take back what was just written.
			if (wrote && (await this.gone(planId))) await this.deletePlan(planId);
		}
	}

	/** Drops what this instance still holds of a plan's history (plan deleted). */
	private forget(planId: string): void {
		this.open.delete(planId);
		this.pending.delete(planId);
	}

	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		clearInterval(this.flushTimer);
		this.detachRooms();
		await this.flushHistory(true);
	}

	// --- internals -----------------------------------------------------------------------------

	private record(
		planId: string,
		actor: VersionActor,
		itemId: string,
		itemType: HistoryEntry['itemType'],
		action: HistoryAction,
		fields: string[]
	): void {
		const now = Date.now();
		const at = new Date(now).toISOString();
		let entries = this.open.get(planId);
		if (!entries) {
			entries = new Map();
			this.open.set(planId, entries);
		}
		const key = `${actor.id}\u0000${itemId}`;
		const open = entries.get(key);
		if (open && now - open.lastMs < HISTORY_COALESCE_MS && mergeable(open.entry.action, action)) {
			const e = open.entry;
			e.at = at;
			e.action = mergeAction(e.action, action, [...e.fields, ...fields]);
			for (const f of fields) if (!e.fields.includes(f)) e.fields.push(f);
			if (e.action === 'created' || e.action === 'deleted') e.fields = [];
			e.itemType ??= itemType;
			open.lastMs = now;
			return;
		}
		if (open) {
			// The old window is closed: written (in order) with the next flush, then a new one.
			const pending = this.pending.get(planId) ?? [];
			pending.push(open.entry);
			this.pending.set(planId, pending);
			if (pending.length === 1) queueMicrotask(() => void this.flushHistory(false, planId));
		}
		entries.set(key, {
			lastMs: now,
			entry: {
				id: newId(),
				at,
				since: at,
				actor,
				itemId,
				itemType,
				action,
				fields: action === 'created' || action === 'deleted' ? [] : [...fields]
			}
		});
	}

	/** Whether the plan is known to be deleted (store failures count as "still there"). */
	private async gone(planId: string): Promise<boolean> {
		try {
			return !(await this.deps.rooms.exists(planId));
		} catch {
			return this.deps.rooms.isDeleted(planId);
		}
	}

	/** Hooks one loaded room; the returned function runs before the room is unloaded. */
	private attach(room: Room): RoomDetach {
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
				name: origin.displayName ?? 'Unbekannt',
				kind: origin.inviteId ? 'guest' : 'user'
			};
			for (const t of touched) {
				const action: HistoryAction =
					t.kind !== 'changed'
						? t.kind
						: t.fields.every((f) => f === 'position')
							? 'moved'
							: 'changed';
				this.record(room.planId, actor, t.itemId, t.itemType, action, t.fields);
			}
			if (metaChanged) this.record(room.planId, actor, PLAN_META_ITEM, null, 'changed', []);
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
				this.forget(room.planId);
				return;
			}
			if (state.dirty && this.deps.autoIdleMs > 0) await this.autoSnapshot(room, state);
			await this.flushHistory(true, room.planId);
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
			const result = await this.snapshot(
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

	/** Stores the room's current state as a version (blob first, then the index). */
	private async snapshot(
		room: Room,
		kind: VersionKind,
		name: string,
		actor: VersionActor,
		restoreOf?: { id: string; name: string }
	): Promise<ApiResult<VersionMeta>> {
		const planId = room.planId;
		if (this.deps.rooms.isDeleted(planId)) return { ok: false, error: PLAN_ERRORS.notFound() };
		const bytes = Y.encodeStateAsUpdate(room.doc);
		const hash = sha256(bytes);
		const summary = summarize(room.doc, planId);
		const version: VersionMeta = {
			id: newId(),
			planId,
			name,
			kind,
			createdBy: actor,
			createdAt: new Date().toISOString(),
			size: bytes.byteLength,
			hash,
			counts: summary.counts,
			...(restoreOf ? { restoreOf } : {})
		};
		try {
			await this.deps.blobs.put(planId, version.id, bytes);
		} catch (error) {
			this.deps.log.error('storing a version snapshot failed', { planId, error });
			return unavailable();
		}
		let removed: VersionMeta[] = [];
		let skipped = false;
		let full = false;
		const namedMax = this.deps.namedMax ?? NAMED_MAX;
		try {
			await this.deps.kv.update(indexKey(planId), (raw) => {
				const index = parseIndex(raw);
				full =
					kind === 'named' && index.versions.filter((v) => v.kind === 'named').length >= namedMax;
				if (full) return { result: null };
				const last = index.versions.filter((v) => v.kind === 'auto').at(-1);
				const newest = index.versions.at(-1);
				// An automatic snapshot of a state that is already saved adds nothing.
				if (kind === 'auto' && (newest?.hash === hash || last?.hash === hash)) {
					skipped = true;
					removed = [];
					return { result: null };
				}
				skipped = false;
				const pruned = pruneVersions([...index.versions, version], {
					auto: this.deps.autoKeep,
					pre_restore: this.deps.preRestoreKeep ?? PRE_RESTORE_KEEP
				});
				removed = pruned.removed;
				return { value: JSON.stringify({ versions: pruned.kept }), result: null };
			});
		} catch (error) {
			this.deps.log.error('storing version metadata failed', { planId, error });
			await this.deps.blobs.delete(planId, [version.id]).catch(() => {});
			return unavailable();
		}
		const drop = skipped || full ? [version.id] : removed.map((v) => v.id);
		if (drop.length > 0) {
			await this.deps.blobs
				.delete(planId, drop)
				.catch((error) => this.deps.log.warn('removing old snapshots failed', { planId, error }));
		}
		if (await this.gone(planId)) {
			// Deleted while this snapshot was written: remove it again, with everything of the plan.
			await this.deletePlan(planId);
			return { ok: false, error: PLAN_ERRORS.notFound() };
		}
		if (full) {
			return fail(
				409,
				'too_many_versions',
				`Dieser Plan hat bereits ${namedMax} benannte Versionen – mehr sind nicht möglich. ` +
					'Bitte löschen Sie zuerst ältere Versionen, die Sie nicht mehr brauchen.'
			);
		}
		if (skipped) return { ok: true, value: version };
		this.deps.log.info('version stored', { planId, versionId: version.id, kind });
		return { ok: true, value: version };
	}

	private async side(
		planId: string,
		id: string
	): Promise<ApiResult<{ side: CompareSide; plan: PlanJson }>> {
		if (id === 'current') {
			return this.withRoom(planId, (room) => ({
				ok: true as const,
				value: {
					side: { id: 'current', name: 'Aktueller Stand', createdAt: null },
					plan: readPlan(room.doc, planId)
				}
			}));
		}
		const got = await this.get(planId, id);
		if (!got.ok) return got;
		const { version, plan } = got.value;
		return {
			ok: true,
			value: { side: { id: version.id, name: version.name, createdAt: version.createdAt }, plan }
		};
	}

	private withRoom<T>(
		planId: string,
		fn: (room: Room) => ApiResult<T> | Promise<ApiResult<T>>
	): Promise<ApiResult<T>> {
		return withPlanRoom(this.deps, planId, 'version operation', fn);
	}
}

function mergeable(previous: HistoryAction, next: HistoryAction): boolean {
	if (previous === 'deleted') return false; // a re-created item starts a new entry
	// "angelegt" stays its own entry, so later edits still show which fields changed
	if (previous === 'created') return next === 'created';
	if (previous === 'restored' || next === 'restored') return previous === next;
	return true;
}

function mergeAction(
	previous: HistoryAction,
	next: HistoryAction,
	fields: string[]
): HistoryAction {
	if (next === 'deleted') return 'deleted';
	if (previous === 'created') return 'created';
	if (previous === 'restored') return 'restored';
	return fields.some((f) => f !== 'position') ? 'changed' : 'moved';
}

function decodePlan(bytes: Uint8Array, planId: string): PlanJson {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, bytes);
		return readPlan(doc, planId);
	} finally {
		doc.destroy();
	}
}

const indexKey = (planId: string) => `versions:${planId}`;
const historyKey = (planId: string) => `history:${planId}`;
const lockKey = (planId: string) => `versions-auto-lock:${planId}`;

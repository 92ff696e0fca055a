/**
 * Version snapshots: the per-plan JSON index in the KV and the snapshot bytes in the blob store –
 * list, read, delete, take (blob first, then the index, with pruning and the named-version cap)
 * and the two sides of a comparison.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { isValidPlanId, newId, readPlan, summarize } from '../../src/lib/domain/index';
import type { PlanJson } from '../../src/lib/domain/types';
import { isSafeId } from '../../src/lib/contract/ids';
import type { ApiResult } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import { diffPlans } from '../../src/lib/versions/diff';
import {
	type CompareResult,
	type CompareSide,
	type VersionActor,
	type VersionKind,
	type VersionMeta,
	type VersionWithPlan
} from '../../src/lib/versions/types';
import { withPlanRoom } from '../plan-room';
import type { Room } from '../sync/room';
import { pruneVersions } from './prune';
import type { VersionServiceDeps } from './common';
import {
	fail,
	historyKey,
	indexKey,
	lockKey,
	planGone,
	unavailable,
	versionNotFound
} from './common';

/** Defaults of VERSION_NAMED_MAX and VERSION_PRE_RESTORE_KEEP (server/config.ts). */
const NAMED_MAX = 500;
const PRE_RESTORE_KEEP = 100;

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

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function decodePlan(bytes: Uint8Array, planId: string): PlanJson {
	const doc = new Y.Doc();
	try {
		Y.applyUpdate(doc, bytes);
		return readPlan(doc, planId);
	} finally {
		doc.destroy();
	}
}

export class VersionSnapshots {
	constructor(
		private readonly deps: VersionServiceDeps,
		/** Removes everything of a plan that was deleted while a snapshot was written. */
		private readonly deletePlan: (planId: string) => Promise<void>
	) {}

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

	async get(planId: string, versionId: string): Promise<ApiResult<VersionWithPlan>> {
		const got = await this.state(planId, versionId);
		if (!got.ok) return got;
		try {
			const plan = decodePlan(got.value.state, planId);
			return { ok: true, value: { version: got.value.version, plan } };
		} catch (error) {
			this.deps.log.warn('reading version failed', { planId, versionId, error });
			return unavailable();
		}
	}

	/** The version's index entry and its stored Yjs state. */
	async state(
		planId: string,
		versionId: string
	): Promise<ApiResult<{ version: VersionMeta; state: Uint8Array }>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		if (!isSafeId(versionId)) {
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
			return { ok: true, value: { version, state: bytes } };
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

	/** Deletes one version (any kind): its entry in the index, then its snapshot. */
	async remove(planId: string, versionId: string): Promise<ApiResult<VersionMeta>> {
		if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
		if (!isSafeId(versionId)) {
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

	/** Best effort when a plan is deleted: its snapshots, index and history in the KV. */
	async deleteStored(planId: string): Promise<void> {
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

	/** Stores the room's current state as a version (blob first, then the index). */
	async snapshot(
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
		if (await planGone(this.deps.rooms, planId)) {
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

	withRoom<T>(
		planId: string,
		fn: (room: Room) => ApiResult<T> | Promise<ApiResult<T>>
	): Promise<ApiResult<T>> {
		return withPlanRoom(this.deps, planId, 'version operation', fn);
	}
}

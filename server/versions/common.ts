/**
 * Shared bits of the versions service's parts: its dependencies, KV keys, the refusals they answer with, and the
 * "is this plan deleted?" check.
 */
import type { ApiError } from '../../src/lib/contract/result';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { KvStore } from '../storage/kv';
import type { Logger } from '../log';
import type { RoomManager } from '../sync/rooms';
import type { VersionBlobStore } from '../storage/blob-store';

export const indexKey = (planId: string) => `versions:${planId}`;
export const historyKey = (planId: string) => `history:${planId}`;
export const lockKey = (planId: string) => `versions-auto-lock:${planId}`;

export const fail = (status: number, code: string, message: string) => ({
	ok: false as const,
	error: { status, code, message } satisfies ApiError
});
export const versionNotFound = () =>
	fail(
		404,
		'version_not_found',
		'Diese Version gibt es in diesem Plan nicht (mehr). Bitte wählen Sie eine Version aus der Liste.'
	);
export const unavailable = () => ({ ok: false as const, error: PLAN_ERRORS.unavailable() });

/** Whether the plan is known to be deleted (store failures count as "still there"). */
export async function planGone(rooms: RoomManager, planId: string): Promise<boolean> {
	try {
		return !(await rooms.exists(planId));
	} catch {
		return rooms.isDeleted(planId);
	}
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

import { isValidPlanId } from '../src/lib/domain/index';
import { PLAN_ERRORS, type ApiResult } from '../src/lib/contract/result';
import type { Logger } from './log';
import type { Room } from './sync/room';
import type { RoomManager } from './sync/rooms';

/**
 * Runs `fn` on the plan's live room (loaded if need be, released afterwards): 400 for an invalid
 * id, 404 for an unknown plan, 503 `storage_unavailable` (logged as `<what> failed`) when loading
 * or `fn` throws. Shared by the plan and version services.
 */
export async function withPlanRoom<T>(
	deps: { rooms: RoomManager; log: Logger },
	planId: string,
	what: string,
	fn: (room: Room) => ApiResult<T> | Promise<ApiResult<T>>
): Promise<ApiResult<T>> {
	if (!isValidPlanId(planId)) return { ok: false, error: PLAN_ERRORS.invalidId() };
	let room: Room | null;
	try {
		room = await deps.rooms.acquire(planId);
	} catch (error) {
		deps.log.error('loading plan failed', { planId, error });
		return { ok: false, error: PLAN_ERRORS.unavailable() };
	}
	if (!room) return { ok: false, error: PLAN_ERRORS.notFound() };
	try {
		return await fn(room);
	} catch (error) {
		deps.log.error(`${what} failed`, { planId, error });
		return { ok: false, error: PLAN_ERRORS.unavailable() };
	} finally {
		deps.rooms.release(room);
	}
}

/**
 * Editions (issue 14, item 8, Fortschreibung): where a plan comes from and which editions follow
 * it, in the access KV. Written once when the owner starts a new edition
 * (server/backend/commands.ts `startNextEdition`), read by the detail panel ("Vorgänger: …").
 *
 * Keys (Redis: under `mitplan:app:`):
 *   fs:plan:<planId>   JSON   Lineage of the (new) plan: predecessor plan, links per item
 *   fs:next:<planId>   set    ids of the plans that continue this one
 */
import type { EditionsService, EditionsView } from '../../src/lib/contract/editions';
import { PLAN_ERRORS } from '../../src/lib/contract/result';
import type { Lineage } from '../../src/lib/domain/next-edition';
import { isKvError, type KvStore } from '../storage/kv';
import type { Logger } from '../log';

export const FS_KEY = {
	plan: (planId: string) => `fs:plan:${planId}`,
	next: (planId: string) => `fs:next:${planId}`
};

function parse(raw: string | null): Lineage | null {
	if (!raw) return null;
	try {
		const v = JSON.parse(raw) as Lineage;
		return typeof v.predecessorPlanId === 'string' && Array.isArray(v.links) ? v : null;
	} catch {
		return null;
	}
}

export function createEditionsService(deps: {
	kv: KvStore;
	log: Logger;
	/** ids of plans that exist now (successors deleted since are left out) */
	existing(ids: string[]): Promise<string[]>;
}): EditionsService & { record(planId: string, lineage: Lineage): Promise<void> } {
	const { kv, log } = deps;
	return {
		async view(planId) {
			try {
				const [lineage, next] = await Promise.all([
					kv.get(FS_KEY.plan(planId)).then(parse),
					kv.sMembers(FS_KEY.next(planId))
				]);
				const successors = next.length ? await deps.existing(next) : [];
				const value: EditionsView = { lineage, successors: successors.sort() };
				return { ok: true, value };
			} catch (error) {
				if (isKvError(error)) log.warn('[editions] view: storage unavailable', { error });
				else log.error('[editions] view failed', { error });
				return { ok: false, error: PLAN_ERRORS.unavailable() };
			}
		},

		async record(planId, lineage) {
			await kv.set(FS_KEY.plan(planId), JSON.stringify(lineage));
			await kv.sAdd(FS_KEY.next(lineage.predecessorPlanId), planId);
		},

		async forgetPlan(planId) {
			const lineage = parse(await kv.get(FS_KEY.plan(planId)));
			if (lineage) await kv.sRem(FS_KEY.next(lineage.predecessorPlanId), planId);
			// The successors keep their lineage: history stays readable even if this plan is gone.
			await kv.del([FS_KEY.plan(planId), FS_KEY.next(planId)]);
		}
	};
}

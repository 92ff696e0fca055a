/**
 * The editions contract (issue 14, item 8, Fortschreibung): a plan's predecessor with the link of
 * each taken-over item, and the plans that continue it (server/editions).
 */
import type { ApiResult } from './result';
import type { Lineage } from '../domain/next-edition';

export interface EditionsView {
	/** null: the plan is no Fortschreibung */
	lineage: Lineage | null;
	/** ids of plans started as its next edition (that still exist) */
	successors: string[];
}

export interface EditionsService {
	view(planId: string): Promise<ApiResult<EditionsView>>;
	/** The plan was deleted: its lineage and list of successors go (successors keep theirs). */
	forgetPlan(planId: string): Promise<void>;
}

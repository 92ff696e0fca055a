/**
 * Moving one plan between Mitplan installations (docs/plan-transfer.md): the owner exports a
 * JSON file, someone who may create plans imports it elsewhere (ids kept, or all remapped).
 */
import type { Principal } from './access';
import type { ApiResult } from './result';

/** The file: `format`, `version` and the plan's data; the shape is checked by the importer. */
export interface PlanTransferFile {
	format: 'mitplan-plan';
	version: number;
	planId: string;
	title: string;
}

export interface PlanImported {
	id: string;
	title: string;
	/** true when the plan (and its rounds' ids and public links) got new ids. */
	remapped: boolean;
}

export interface PlanTransferService {
	/** The plan with everything that belongs to it (no members, accounts or audit). */
	exportPlan(planId: string): Promise<ApiResult<PlanTransferFile>>;
	/** Checks the whole file first; writes nothing unless everything is valid. */
	importPlan(
		owner: Principal & { kind: 'user' },
		file: unknown,
		options: { newId: boolean }
	): Promise<ApiResult<PlanImported>>;
}

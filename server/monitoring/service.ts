/**
 * The monitoring service (Umsetzung, issue 14), composed of its parts: adoption.ts (council
 * decision, status "beschlossen", version "Beschlussfassung"), measures.ts (implementation data,
 * Sachstand notes, bulk status, dashboard overview), reminders.ts ("Sachstand fällig", weekly
 * digest, the notice seam for e-mail), reports.ts (data of the Umsetzungsbericht, the list of
 * generated reports) and publication.ts (the public progress page's link). Data lives in the
 * access KV under `um:` (common.ts).
 */
import type { MonitoringService } from '../../src/lib/contract/monitoring';
import { adoptionOperations } from './adoption';
import { K, type MonitoringDeps } from './common';
import { measureOperations } from './measures';
import { forgetPublication, publicationOperations } from './publication';
import { reminderOperations } from './reminders';
import { reportOperations } from './reports';

export type { MonitoringDeps } from './common';
export type { MonitoringService } from '../../src/lib/contract/monitoring';

export function createMonitoringService(deps: MonitoringDeps): MonitoringService {
	return {
		...adoptionOperations(deps),
		...measureOperations(deps),
		...reminderOperations(deps),
		...reportOperations(deps),
		...publicationOperations(deps),
		async forgetPlan(planId) {
			const ids = await deps.kv.sMembers(K.ids(planId));
			await forgetPublication(deps.kv, planId);
			await deps.kv.del([
				...ids.map((id) => K.impl(planId, id)),
				K.ids(planId),
				K.adoption(planId),
				K.reports(planId)
			]);
			await deps.kv.sRem(K.plans, planId);
		}
	};
}
